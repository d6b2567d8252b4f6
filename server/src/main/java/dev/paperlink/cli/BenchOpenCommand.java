package dev.paperlink.cli;

import dev.paperlink.corpus.Corpus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * Hidden helper of {@code bench}: run in a fresh JVM, opens the index, answers one completion and
 * prints how long that took, from the call to open and from the JVM's start.
 */
@Command(name = "bench-open", hidden = true)
final class BenchOpenCommand implements Callable<Integer> {
    @Option(names = "--index-dir", required = true)
    Path indexDir;

    @Option(names = "--query", defaultValue = "a")
    String query;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        long t0 = System.nanoTime();
        int n;
        try (Corpus corpus = Corpus.openReadOnly(indexDir)) {
            n = corpus.completeTitle(query, 50).size();
        }
        long openToAnswer = (System.nanoTime() - t0) / 1_000_000;
        long sinceJvmStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        spec.commandLine().getOut().printf("{\"openToAnswerMs\": %d, \"jvmStartToAnswerMs\": %d, \"hits\": %d}%n",
                openToAnswer, sinceJvmStart, n);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
