package dev.paperlink.cli;

import dev.paperlink.corpus.Corpus;
import dev.paperlink.corpus.CorpusStats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code paperlink stats}. */
@Command(name = "stats", mixinStandardHelpOptions = true, description = "Shows what the index holds.")
final class StatsCommand implements Callable<Integer> {
    @Mixin
    IndexDirOption indexDir;

    @Option(names = "--json", description = "Print as JSON.")
    boolean json;

    @Option(names = "--sources", description = "List every source file.")
    boolean listSources;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (Corpus corpus = indexDir.openReadOnly()) {
            CorpusStats s = corpus.stats();
            if (json) {
                out.println(Json.write(s));
            } else {
                out.printf("index    %s (%.1f MB, schema %d)%n", s.indexDir(), s.indexBytes() / 1e6, s.schema());
                out.printf("papers   %,d%n", s.papers());
                out.printf("sources  %,d files, %,d records, %,d skipped%n", s.sources().size(),
                        s.sources().stream().mapToLong(CorpusStats.SourceStats::records).sum(),
                        s.sources().stream().mapToLong(CorpusStats.SourceStats::skips).sum());
                s.papersByFormat().forEach((f, n) -> out.printf("  %-14s %,d papers%n", f, n));
                if (listSources) {
                    s.sources().forEach(src -> out.printf("  %s [%s] %,d records, %,d skipped%n", src.file(), src.format(),
                            src.records(), src.skips()));
                }
            }
        }
        out.flush();
        return 0;
    }
}
