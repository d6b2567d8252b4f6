package dev.paperlink.cli;

import dev.paperlink.cli.startup.ServerLaunch;
import dev.paperlink.cli.startup.TrainingSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;

/**
 * Trains the language server's start-up cache: the JDK 25+ AOT cache (classes loaded and linked,
 * method profiles) of one real editing session ({@link TrainingSession}) on a workspace indexed
 * once before, written where bin/paperlink looks for it. The launcher runs this once per jar build
 * and JDK, in the background, at the first {@code serve} that finds no cache.
 */
@Command(name = "train-startup", mixinStandardHelpOptions = true,
        description = "Trains the language server's start-up cache (JDK 25+ AOT cache) on a real session; bin/paperlink does this by itself.")
final class TrainStartupCommand implements Callable<Integer> {
    @Option(names = "--output", required = true, description = "The AOT cache file to write.")
    Path output;

    @Option(names = "--jvm-flags", defaultValue = ServerLaunch.SERVE_FLAGS,
            description = "Flags of the server JVM: the cache maps only for the same flags (default: ${DEFAULT-VALUE}).")
    String jvmFlags;

    @Override
    public Integer call() throws Exception {
        if (!ServerLaunch.aotAvailable()) {
            System.err.println("paperlink train-startup: Java " + ServerLaunch.javaFeature()
                    + " has no AOT cache (JDK 25 or newer); the launcher uses its dynamic AppCDS archive instead");
            return 2;
        }
        long start = System.nanoTime();
        Path dir = Files.createTempDirectory("paperlink-train-");
        Path partial = output.resolveSibling(output.getFileName() + ".part-" + ProcessHandle.current().pid());
        try {
            Files.createDirectories(output.toAbsolutePath().getParent());
            TrainingSession session = new TrainingSession(dir);
            session.prepare();
            // first the index, as a user's first session builds it; then the session trained on: the workspace reopened
            ServerLaunch plain = ServerLaunch.current(jvmFlags, ServerLaunch.Cache.NONE, null);
            session.run(plain.start(session.serveArgs(), null), false);
            ServerLaunch training = ServerLaunch.current(jvmFlags, ServerLaunch.Cache.AOT_TRAIN, partial);
            int exit = session.run(training.start(session.serveArgs(), dir.resolve("training.log")), true);
            if (exit != 0 || !Files.isRegularFile(partial)) {
                System.err.println("paperlink train-startup: the training run ended with " + exit + " and wrote no cache; see "
                        + dir.resolve("training.log"));
                return 1;
            }
            Files.move(partial, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            System.err.printf("paperlink train-startup: %s (%.1f MB) in %.1f s%n", output, Files.size(output) / 1e6,
                    (System.nanoTime() - start) / 1e9);
            dev.paperlink.cli.bench.TempDirs.delete(dir);
            return 0;
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
