package dev.paperlink.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * A fresh JVM for the benchmarks: this JVM's {@code java} and class path, the given flags, and a
 * dynamic AppCDS archive when one can be made (the JVM archives classes from jar files only: run
 * from class folders, as the tests do, there is none).
 */
public final class FreshJvm {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FreshJvm() {
    }

    /** Whether every class path entry is a jar, so that an AppCDS archive can be made. */
    public static boolean canArchiveClasses() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .allMatch(e -> e.endsWith(".jar"));
    }

    /**
     * @param jvmFlags  JVM flags, blank-separated (may be empty)
     * @param archive   the AppCDS archive to create or map, or null for none
     * @param mainClass the class to run
     * @param args      its arguments
     */
    public static List<String> command(String jvmFlags, Path archive, String mainClass, List<String> args) {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        if (!jvmFlags.isBlank()) {
            command.addAll(List.of(jvmFlags.strip().split("\\s+")));
        }
        if (archive != null && canArchiveClasses()) {
            command.addAll(List.of("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + archive,
                    "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
        }
        command.addAll(List.of("--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(args);
        return command;
    }

    /** Starts the command, its stderr discarded. */
    public static Process start(List<String> command) throws IOException {
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    /** Runs the command to its end and reads its stdout as JSON; an exit status not in {@code ok} is an error. */
    public static JsonNode runForJson(List<String> command, Set<Integer> ok) throws IOException, InterruptedException {
        Process p = start(command);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = p.waitFor();
        if (!ok.contains(exit)) {
            throw new IOException(String.join(" ", command.subList(command.indexOf("-cp") + 2, command.size()))
                    + " exited with " + exit + ": " + out);
        }
        return JSON.readTree(out);
    }
}
