package dev.paperlink.solrtests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The built command line, {@code server/target/paperlink.jar}, run as a process of its own: its
 * classpath has Lucene 10, this module's has Solr's Lucene 9.
 */
public final class PaperlinkJar {
    private PaperlinkJar() {
    }

    /** What a run printed and how it ended. */
    public record Run(int exit, String out, String err) {
    }

    /** {@code java FLAGS -jar paperlink.jar ARGS...}, the JVM of this test. */
    public static List<String> command(List<String> jvmFlags, List<String> args) {
        Path jar = Path.of("..", "server", "target", "paperlink.jar").toAbsolutePath().normalize();
        assertTrue(Files.isRegularFile(jar), "this test runs the built server: " + jar + " is missing (./mvnw -B verify builds it before this module)");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(jvmFlags);
        cmd.addAll(List.of("-jar", jar.toString()));
        cmd.addAll(args);
        return cmd;
    }

    /** Runs a command to its end (at most two minutes) with these environment variables added. */
    public static Run run(Path tmp, Map<String, String> env, String... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile(tmp, "paperlink-out", ".txt");
        Path err = Files.createTempFile(tmp, "paperlink-err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"), List.of(args)))
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("PAPERLINK_SOLR"));
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("paperlink " + String.join(" ", args) + " did not end in two minutes");
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
