package dev.paperlink.cli.startup;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How {@code bin/paperlink serve} starts the language server, as a command: the java, the
 * server's JVM flags, a start-up cache (none, a dynamic AppCDS archive, or a JDK 25+ AOT cache),
 * {@code -jar paperlink.jar serve}. The start-up cache only maps when the class path is exactly
 * the same, so the training run and the bench start the server precisely this way.
 */
public record ServerLaunch(String java, String jvmFlags, Path jar, Cache cache, Path cacheFile) {
    /** The server's flags in bin/paperlink. */
    public static final String SERVE_FLAGS = "-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xmx448m -XX:+ExitOnOutOfMemoryError";

    /** What speeds up the start: nothing, a dynamic AppCDS archive (made at the first exit), an AOT cache (trained). */
    public enum Cache {
        NONE, APPCDS, AOT_TRAIN, AOT;

        public String label() {
            return switch (this) {
                case NONE -> "no archive";
                case APPCDS -> "dynamic AppCDS archive";
                case AOT_TRAIN -> "AOT cache training run";
                case AOT -> "AOT cache";
            };
        }
    }

    /** The java of this process, and the jar it runs from (the shaded paperlink.jar). */
    public static ServerLaunch current(String jvmFlags, Cache cache, Path cacheFile) {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ServerLaunch(java, jvmFlags, thisJar(), cache, cacheFile);
    }

    static Path thisJar() {
        String cp = System.getProperty("java.class.path");
        String first = cp.split(File.pathSeparator)[0];
        return Path.of(first).toAbsolutePath();
    }

    /** The feature version of the running JVM (21, 25...). */
    public static int javaFeature() {
        return Runtime.version().feature();
    }

    /** Whether this JVM can make and use AOT caches (JDK 25: one training run writes the cache at its exit). */
    public static boolean aotAvailable() {
        return javaFeature() >= 25;
    }

    public List<String> command(List<String> serveArgs) {
        List<String> c = new ArrayList<>();
        c.add(java);
        if (!jvmFlags.isBlank()) {
            c.addAll(List.of(jvmFlags.strip().split("\\s+")));
        }
        switch (cache) {
            case NONE -> c.add("-Xshare:auto");
            case APPCDS -> c.addAll(List.of("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + cacheFile, "-Xlog:cds=off",
                    "-Xlog:cds+dynamic=off"));
            case AOT_TRAIN -> c.addAll(List.of("-XX:AOTCacheOutput=" + cacheFile, "-Xlog:aot=off", "-Xlog:cds=off"));
            case AOT -> c.addAll(List.of("-XX:AOTCache=" + cacheFile, "-Xlog:aot=off", "-Xlog:cds=off"));
        }
        c.addAll(List.of("--enable-native-access=ALL-UNNAMED", "-jar", jar.toString(), "serve"));
        c.addAll(serveArgs);
        return c;
    }

    /** Starts the server; its stderr goes to {@code log} (or is discarded). */
    public Process start(List<String> serveArgs, Path log) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command(serveArgs));
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        pb.environment().remove("PAPERLINK_JAVA_OPTS");
        if (log != null) {
            Files.createDirectories(log.toAbsolutePath().getParent());
            pb.redirectError(log.toFile());
        } else {
            pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        }
        return pb.start();
    }

    @Override
    public String toString() {
        return cache.label().toLowerCase(Locale.ROOT);
    }
}
