package dev.paperlink.solrtests;

import dev.paperlink.corpus.contract.CorpusContract;
import dev.paperlink.corpus.solr.SolrSettings;
import org.apache.solr.client.solrj.embedded.SSLConfig;
import org.apache.solr.client.solrj.impl.Http2SolrClient;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.embedded.JettySolrRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A cluster behind TLS ({@code https://} only, a certificate no JVM trusts by default): the command
 * line sets it up, indexes and asks it with the trust store the environment names
 * ({@value SolrSettings#ENV_TRUSTSTORE}), and refuses it without.
 */
class TlsTest {
    @TempDir
    Path tmp;

    @Test
    void aTrustStoreFromTheEnvironment() throws Exception {
        Path keystore = tmp.resolve("solr-test.keystore"); // solr-test-framework's: cn=localhost, san 127.0.0.1, password "secret"
        try (InputStream in = SSLConfig.class.getClassLoader().getResourceAsStream("SSLTestConfig.testing.keystore")) {
            Files.copy(in, keystore);
        }
        String ks = keystore.toString();
        Http2SolrClient.setDefaultSSLConfig(new SSLConfig(true, false, ks, "secret", ks, "secret")); // the nodes' own clients
        System.setProperty("jetty.testMode", "true"); // JettySolrRunner makes an SSL connector only in its test mode
        MiniSolrCloudCluster cluster = new MiniSolrCloudCluster.Builder(1, Files.createDirectories(tmp.resolve("cluster")))
                .withJettyConfig(j -> j.withSSLConfig(new SSLConfig(true, false, ks, "secret", ks, "secret")))
                .withTraceIdGenerationDisabled().build();
        try {
            String url = cluster.getJettySolrRunners().stream().map(JettySolrRunner::getBaseUrl).map(Object::toString).findFirst().orElseThrow();
            assertTrue(url.startsWith("https://"), url);
            Map<String, String> trust = Map.of(SolrSettings.ENV_TRUSTSTORE, ks, SolrSettings.ENV_TRUSTSTORE_PASSWORD, "secret");

            PaperlinkJar.Run refused = PaperlinkJar.run(tmp, Map.of(), "solr", "init", "--solr", url, "--collection", "tls");
            assertNotEquals(0, refused.exit(), "a certificate nobody trusts: " + refused.out() + refused.err());

            PaperlinkJar.Run init = PaperlinkJar.run(tmp, trust, "solr", "init", "--solr", url, "--collection", "tls", "--shards", "1", "--replicas", "1");
            assertEquals(0, init.exit(), init.out() + init.err());
            Path corpus = Files.createDirectories(tmp.resolve("corpus"));
            Files.copy(CorpusContract.demoDir().resolve("library.bib"), corpus.resolve("library.bib"));
            PaperlinkJar.Run index = PaperlinkJar.run(tmp, trust, "index", "--solr", url, "--collection", "tls", corpus.toString());
            assertEquals(0, index.exit(), index.out() + index.err());
            PaperlinkJar.Run show = PaperlinkJar.run(tmp, trust, "show", "--solr", url, "--collection", "tls", "vaswani2017attention");
            assertTrue(show.out().contains("Attention Is All You Need"), show.out() + show.err());
            PaperlinkJar.Run doctor = PaperlinkJar.run(tmp, trust, "doctor", "--no-server", "--index-dir", tmp.resolve("index").toString(),
                    "--solr", url, "--collection", "tls");
            assertTrue(doctor.out().matches("(?s).*OK +team corpus +collection tls at \\[https://.*6 papers.*"), doctor.out());
            assertTrue(!doctor.out().contains("secret") && !doctor.err().contains("secret"), "the trust store's password is never printed");
        } finally {
            cluster.shutdown();
            Http2SolrClient.resetSslContextFactory();
            System.clearProperty("jetty.testMode");
        }
    }
}
