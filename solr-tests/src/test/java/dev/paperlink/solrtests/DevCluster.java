package dev.paperlink.solrtests;

import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.embedded.JettySolrRunner;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A development SolrCloud as its own process (solr-tests/dev-cluster.sh): ZooKeeper and N Solr
 * 9.10.1 nodes (default 2) until the process is stopped. Prints one line per node address, then
 * "ready". For trying {@code paperlink solr init}, {@code index --solr} and an editor on a shared
 * corpus on one machine; a team runs a real Solr install (docs/team-corpus.md).
 */
public final class DevCluster {
    private DevCluster() {
    }

    public static void main(String[] args) throws Exception {
        int nodes = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        Path base = args.length > 1 ? Files.createDirectories(Path.of(args[1])) : Files.createTempDirectory("paperlink-dev-solr");
        MiniSolrCloudCluster cluster = new MiniSolrCloudCluster.Builder(nodes, base).withTraceIdGenerationDisabled().build();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                cluster.shutdown();
            } catch (Exception ignored) {
                // the process is ending
            }
        }));
        for (JettySolrRunner j : cluster.getJettySolrRunners()) {
            System.out.println(j.getBaseUrl());
        }
        System.out.println("ready");
        System.out.flush();
        Thread.currentThread().join();
    }
}
