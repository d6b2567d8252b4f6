package dev.paperlink.server.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The server as a real subprocess ({@code java -cp <test classpath> dev.paperlink.cli.Main serve}),
 * with a {@link JsonRpcClient} on its stdin/stdout. stderr goes to a file, shown by {@link #log()}.
 */
public final class ServerProcess implements AutoCloseable {
    private final Process process;
    private final JsonRpcClient client;
    private final Path stderr;
    private final long startNanos;

    private ServerProcess(Process process, Path stderr, long startNanos) {
        this.process = process;
        this.stderr = stderr;
        this.startNanos = startNanos;
        this.client = new JsonRpcClient(process.getInputStream(), process.getOutputStream());
    }

    public static ServerProcess start(Path workDir, String... serveArgs) throws IOException {
        return start(workDir, List.of(), serveArgs);
    }

    /** @param jvmArgs more options of the server's JVM (a heap limit) */
    public static ServerProcess start(Path workDir, List<String> jvmArgs, String... serveArgs) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "--enable-native-access=ALL-UNNAMED"));
        cmd.addAll(jvmArgs);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.paperlink.cli.Main", "serve"));
        cmd.addAll(List.of(serveArgs));
        Path log = workDir.resolve("server-stderr.log");
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectError(log.toFile()).start();
        return new ServerProcess(p, log, t0);
    }

    /** The port a {@code serve --port 0} server printed on stderr, once it listens. */
    public int listeningPort(int seconds) throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        java.util.regex.Pattern listening = java.util.regex.Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)");
        while (System.nanoTime() < end) {
            java.util.regex.Matcher m = listening.matcher(log());
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the server did not listen within " + seconds + " s; its log:\n" + log());
    }

    public JsonRpcClient client() {
        return client;
    }

    public long millisSinceStart() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    public Process process() {
        return process;
    }

    public String log() {
        try {
            return Files.exists(stderr) ? Files.readString(stderr) : "";
        } catch (IOException e) {
            return "(cannot read the server's stderr: " + e + ")";
        }
    }

    public int waitFor(int seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            throw new AssertionError("the server did not exit within " + seconds + " s");
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        client.close();
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
