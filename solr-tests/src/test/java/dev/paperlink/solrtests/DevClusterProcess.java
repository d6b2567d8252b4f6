package dev.paperlink.solrtests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@link DevCluster} (what solr-tests/dev-cluster.sh starts) as a process of its own, on this
 * module's test classpath: the node addresses it prints, and stopped at close.
 */
public final class DevClusterProcess implements AutoCloseable {
    private final Process process;
    private final List<String> urls;

    private DevClusterProcess(Process process, List<String> urls) {
        this.process = process;
        this.urls = List.copyOf(urls);
    }

    /** Starts {@code nodes} nodes with their data under {@code dir}; returns once the process printed "ready" (at most 2 minutes). */
    public static DevClusterProcess start(int nodes, Path dir) throws Exception {
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-XX:+UseSerialGC",
                "-Djava.security.egd=file:/dev/./urandom", "-Djava.io.tmpdir=" + dir,
                "-Dlog4j2.configurationFile=" + Path.of("src", "test", "resources", "log4j2-test.xml").toAbsolutePath(),
                "-cp", System.getProperty("java.class.path"), DevCluster.class.getName(), String.valueOf(nodes), dir.resolve("data").toString());
        Process p = new ProcessBuilder(cmd).redirectError(dir.resolve("dev-cluster-stderr.log").toFile()).start();
        CompletableFuture<List<String>> ready = CompletableFuture.supplyAsync(() -> {
            List<String> urls = new ArrayList<>();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    if (line.equals("ready")) {
                        return urls;
                    }
                    if (line.startsWith("http")) {
                        urls.add(line.strip());
                    }
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            throw new IllegalStateException("the development cluster ended before it was ready (see " + dir.resolve("dev-cluster-stderr.log") + ")");
        });
        try {
            return new DevClusterProcess(p, ready.get(2, TimeUnit.MINUTES));
        } catch (Exception e) {
            p.destroyForcibly();
            throw e;
        }
    }

    public List<String> urls() {
        return urls;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy(); // SIGTERM: its shutdown hook stops the nodes and ZooKeeper
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
