package dev.paperlink.cli;

import dev.paperlink.corpus.Corpus;
import dev.paperlink.corpus.IndexListener;
import dev.paperlink.corpus.IndexReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code paperlink remove PATH...}. */
@Command(name = "remove", mixinStandardHelpOptions = true,
        description = {"Drops sources from the index.",
                "Drops the sources under the given files and folders (they need not exist any more). Papers that also have "
                        + "records from other sources keep those. 'paperlink sources' lists what the index holds."})
final class RemoveCommand implements Callable<Integer> {
    @Mixin
    IndexDirOption indexDir;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Source files or folders, as given to 'paperlink index'.")
    List<Path> paths;

    @Option(names = "--json", description = "Print what was removed as JSON on stdout.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        IndexReport report;
        try (Corpus corpus = Corpus.open(indexDir.resolve())) {
            report = LastIndexError.recording(indexDir.resolve(), () -> corpus.remove(paths, IndexListener.NONE));
        }
        if (json) {
            out.println(Json.write(report));
            out.flush();
        } else if (report.removedFiles().isEmpty()) {
            err.println("paperlink remove: the index holds no source under " + String.join(", ", paths.stream().map(Path::toString)
                    .map(PaperText::safe).toList()) + " ('paperlink sources' lists them)");
        } else {
            IndexCommand.printRemovals(report, err);
            err.printf("%,d papers in the index%n", report.papers());
        }
        err.flush();
        return report.removedFiles().isEmpty() ? 1 : 0;
    }
}
