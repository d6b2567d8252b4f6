package dev.paperlink.solrtests;

import dev.paperlink.corpus.solr.SolrSettings;
import dev.paperlink.corpus.solr.SolrSetup;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.embedded.JettySolrRunner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One real SolrCloud for the module's tests: ZooKeeper and 2 Solr 9.10.1 nodes in this JVM
 * (MiniSolrCloudCluster, no JUnit 4 base class), started at the first use and stopped when the JVM
 * ends. Collections are made by {@link SolrSetup#init}, the code {@code paperlink solr init} runs:
 * the configset that ships in corpus-loader's jar goes up over HTTP.
 */
public final class TestClusters {
    private static MiniSolrCloudCluster cluster;

    private TestClusters() {
    }

    public static synchronized MiniSolrCloudCluster get() throws Exception {
        if (cluster == null) {
            Path base = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "solr-cluster");
            cluster = new MiniSolrCloudCluster.Builder(2, base).withTraceIdGenerationDisabled().build();
            MiniSolrCloudCluster c = cluster;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    c.shutdown();
                } catch (Exception ignored) {
                    // the JVM is ending
                }
            }));
        }
        return cluster;
    }

    public static List<String> urls() throws Exception {
        return get().getJettySolrRunners().stream().filter(JettySolrRunner::isRunning).map(j -> j.getBaseUrl().toString()).toList();
    }

    /** A new collection ({@link #collection}) holding the demo corpus's library.bib, copied into {@code dir}/library.bib and indexed. */
    public static SolrSettings withDemoLibrary(String name, Path dir) throws Exception {
        SolrSettings settings = collection(name);
        Files.createDirectories(dir);
        Files.copy(dev.paperlink.corpus.contract.CorpusContract.demoDir().resolve("library.bib"), dir.resolve("library.bib"));
        try (dev.paperlink.corpus.solr.SolrCorpus corpus = dev.paperlink.corpus.solr.SolrCorpus.open(settings)) {
            corpus.index(List.of(dir), dev.paperlink.corpus.IndexListener.NONE);
        }
        return settings;
    }

    /** Creates a 2 shards x 2 replicas collection (once per name) and waits until every replica is active. */
    public static SolrSettings collection(String name) throws Exception {
        SolrSettings s = SolrSettings.of(urls(), name);
        SolrSetup.Result r = SolrSetup.init(s, 2, 2);
        get().waitForActiveCollection(name, 60, TimeUnit.SECONDS, 2, 4);
        return s;
    }
}
