package dev.paperlink.cli;

import dev.paperlink.corpus.Corpus;
import dev.paperlink.corpus.CorpusStats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;

/** {@code paperlink sources}. */
@Command(name = "sources", mixinStandardHelpOptions = true,
        description = {"Lists the source files the index holds.",
                "Each with its path, format, records, skipped records and when it was last read."})
final class SourcesCommand implements Callable<Integer> {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    @Mixin
    IndexDirOption indexDir;

    @Option(names = "--json", description = "Print as JSON.")
    boolean json;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (Corpus corpus = Corpus.openReadOnly(indexDir.resolve())) {
            CorpusStats s = corpus.stats();
            if (json) {
                out.println(Json.write(s.sources()));
            } else if (s.sources().isEmpty()) {
                spec.commandLine().getErr().println("the index " + s.indexDir() + " holds no sources ('paperlink index PATH' adds some)");
            } else {
                for (CorpusStats.SourceStats src : s.sources()) {
                    out.printf("%s  %-12s %,9d records%s  %s%n", when(src.indexedAt()), src.format(), src.records(),
                            src.skips() == 0 ? "" : String.format(", %,d skipped", src.skips()), PaperText.safe(src.file()));
                }
                out.printf("%,d sources, %,d papers in %s%n", s.sources().size(), s.papers(), s.indexDir());
            }
        }
        out.flush();
        return 0;
    }

    static String when(long millis) {
        return millis <= 0 ? "(not recorded)  " : WHEN.format(Instant.ofEpochMilli(millis));
    }
}
