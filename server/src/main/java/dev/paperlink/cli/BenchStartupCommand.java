package dev.paperlink.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paperlink.cli.bench.LspPipe;
import dev.paperlink.cli.bench.OwnBibliographyBench;
import dev.paperlink.cli.startup.ServerLaunch;
import dev.paperlink.cli.startup.ServerLaunch.Cache;
import dev.paperlink.cli.startup.TrainingSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Start-up of the language server with each start-up option, in fresh processes started as
 * bin/paperlink starts them ({@code -jar paperlink.jar serve} with the server's flags): no archive,
 * the dynamic AppCDS archive (written by a first untimed start), and on JDK 25+ the AOT cache
 * (trained by {@code paperlink train-startup}'s session first). For each: the time from process
 * start to the {@code initialize} answer, and to the first completion answer holding a key of
 * the note's bibliography after the note is opened, in a workspace indexed before (the median of
 * {@code --starts} processes).
 */
@Command(name = "bench-startup", mixinStandardHelpOptions = true,
        description = "Times the language server's start with each start-up option (no archive, AppCDS, AOT cache): process start to initialize, and to the first answer after opening a note in an indexed workspace.")
final class BenchStartupCommand implements Callable<Integer> {
    @Option(names = "--starts", defaultValue = "7", description = "Timed fresh processes per option (default: ${DEFAULT-VALUE}).")
    int starts;

    @Option(names = "--bibliography", description = "A .bib whose first --entries entries the note names (default: a 300-entry bibliography made here).")
    Path bibliography;

    @Option(names = "--entries", defaultValue = "10000", description = "Entries of --bibliography (default: ${DEFAULT-VALUE}).")
    int entries;

    @Option(names = "--jvm-flags", defaultValue = ServerLaunch.SERVE_FLAGS, description = "Flags of the server JVM (default: ${DEFAULT-VALUE}).")
    String jvmFlags;

    @Option(names = "--options", split = ",", description = "The options to time, of none, appcds, aot (default: all this JDK has).")
    List<String> options;

    /** Wall time from process start, and the server's CPU time (all its threads; load-robust), to each point. */
    record Start(long initializeMs, long answerMs, long initializeCpuMs, long answerCpuMs) {
    }


    @Override
    public Integer call() throws Exception {
        Path dir = Files.createTempDirectory("paperlink-bench-startup-");
        try {
            TrainingSession training = new TrainingSession(dir.resolve("training"));
            Path ws = Files.createDirectories(dir.resolve("workspace"));
            String key;
            String what;
            if (bibliography != null) {
                List<String> keys = OwnBibliographyBench.writeBibliography(bibliography, entries, ws.resolve("refs.bib"));
                key = keys.get(keys.size() / 2);
                what = keys.size() + " entries of " + bibliography;
            } else {
                training.prepare();
                Files.copy(training.workspace().resolve("refs.bib"), ws.resolve("refs.bib"));
                key = firstKey(ws.resolve("refs.bib"));
                what = "the training session's 300-entry bibliography";
            }
            String note = "\\documentclass{article}\n\\begin{document}\nAs shown \\cite{" + key.substring(0, Math.min(4, key.length()))
                    + "}.\n\\bibliography{refs}\n\\end{document}\n";
            Files.writeString(ws.resolve("note.tex"), note);
            Path index = dir.resolve("index");
            List<String> serveArgs = List.of("--index-dir", index.toString());
            // the workspace indexed once: every timed start is a reopening
            Start cold = time(ServerLaunch.current(jvmFlags, Cache.NONE, null), ws, serveArgs, key);
            System.err.printf("workspace: %s; indexed at the first start (answer after %d ms)%n", what, cold.answerMs());

            List<String> chosen = options != null ? options
                    : ServerLaunch.aotAvailable() ? List.of("none", "appcds", "aot") : List.of("none", "appcds");
            for (String option : chosen) {
                ServerLaunch launch = switch (option) {
                    case "none" -> ServerLaunch.current(jvmFlags, Cache.NONE, null);
                    case "appcds" -> {
                        ServerLaunch l = ServerLaunch.current(jvmFlags, Cache.APPCDS, dir.resolve("serve.jsa"));
                        time(l, ws, serveArgs, key); // writes the archive at its exit, as a user's first start does
                        yield l;
                    }
                    case "aot" -> {
                        Path aot = dir.resolve("serve.aot");
                        int trained = new picocli.CommandLine(new TrainStartupCommand()).execute("--output", aot.toString(), "--jvm-flags", jvmFlags);
                        if (trained != 0) {
                            throw new IOException("training the AOT cache failed");
                        }
                        yield ServerLaunch.current(jvmFlags, Cache.AOT, aot);
                    }
                    default -> throw new IllegalArgumentException("no start-up option " + option + " (none, appcds, aot)");
                };
                List<Long> init = new ArrayList<>();
                List<Long> answer = new ArrayList<>();
                List<Long> initCpu = new ArrayList<>();
                List<Long> answerCpu = new ArrayList<>();
                for (int i = 0; i < starts; i++) {
                    Start s = time(launch, ws, serveArgs, key);
                    init.add(s.initializeMs());
                    answer.add(s.answerMs());
                    initCpu.add(s.initializeCpuMs());
                    answerCpu.add(s.answerCpuMs());
                }
                init.sort(null);
                answer.sort(null);
                initCpu.sort(null);
                answerCpu.sort(null);
                System.out.printf("%-24s initialize %4d ms (min %d, max %d)   first answer after opening %4d ms (min %d, max %d)   [median of %d; from process start]%n",
                        launch.cache().label(), init.get(init.size() / 2), init.get(0), init.get(init.size() - 1),
                        answer.get(answer.size() / 2), answer.get(0), answer.get(answer.size() - 1), starts);
                System.out.printf("%-24s   server CPU to initialize %4d ms, to the first answer %4d ms (medians; all threads)%n", "",
                        initCpu.get(initCpu.size() / 2), answerCpu.get(answerCpu.size() / 2));
            }
            System.out.println("java " + Runtime.version() + ", flags " + jvmFlags + ", " + Runtime.getRuntime().availableProcessors()
                    + " cores; workspace: " + what);
            return 0;
        } finally {
            dev.paperlink.cli.bench.TempDirs.delete(dir); // the workspace, its index and the caches
        }
    }

    /** One fresh server: initialize, open the note, complete until a paper of the bibliography comes. */
    private static Start time(ServerLaunch launch, Path ws, List<String> serveArgs, String key) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Process p = launch.start(serveArgs, null);
        try (LspPipe lsp = new LspPipe(p)) {
            String folder = ws.toUri().toString();
            lsp.request("initialize", Map.of("processId", ProcessHandle.current().pid(), "rootUri", folder,
                    "workspaceFolders", List.of(Map.of("uri", folder, "name", "ws")), "capabilities", Map.of()));
            long init = (System.nanoTime() - t0) / 1_000_000;
            long initCpu = dev.paperlink.cli.bench.ProcessCpu.millis(p.pid());
            lsp.notify("initialized", Map.of());
            String uri = ws.resolve("note.tex").toUri().toString();
            lsp.notify("textDocument/didOpen", Map.of("textDocument", Map.of("uri", uri, "languageId", "latex", "version", 1,
                    "text", Files.readString(ws.resolve("note.tex")))));
            long answer = -1;
            long answerCpu = -1;
            for (int i = 0; i < 2000 && answer < 0; i++) {
                JsonNode r = lsp.request("textDocument/completion", Map.of("textDocument", Map.of("uri", uri),
                        "position", Map.of("line", 2, "character", 14 + Math.min(4, key.length()))));
                if (r != null && r.toString().contains("\"" + key + "\"")) {
                    answer = (System.nanoTime() - t0) / 1_000_000;
                    answerCpu = dev.paperlink.cli.bench.ProcessCpu.millis(p.pid());
                } else {
                    Thread.sleep(5);
                }
            }
            lsp.shutdown(300);
            return new Start(init, answer, initCpu, answerCpu);
        }
    }

    private static String firstKey(Path bib) throws IOException {
        for (String line : Files.readAllLines(bib)) {
            if (line.startsWith("@")) {
                return line.substring(line.indexOf('{') + 1, line.indexOf(','));
            }
        }
        throw new IOException("no entry in " + bib);
    }
}
