package dev.paperlink.solrtests;

import dev.paperlink.corpus.IndexListener;
import dev.paperlink.corpus.contract.CorpusContract;
import dev.paperlink.corpus.solr.SolrCorpus;
import dev.paperlink.corpus.solr.SolrSettings;
import dev.paperlink.corpus.solr.SolrSetup;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.embedded.JettySolrRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A cluster with Solr's basic authentication on (every request needs a user): init, indexing and
 * questions work with the credentials from the environment's file, and nothing without them.
 */
class BasicAuthTest {
    /** Solr's documented example: user "solr", password "SolrRocks" (salted SHA-256), admin of everything. */
    private static final String SECURITY_JSON = """
            {"authentication": {"blockUnknown": true, "class": "solr.BasicAuthPlugin",
               "credentials": {"solr": "IV0EHq1OnNrj6gvRCwvFwTrZ1+z1oBbnQdiVC3otuq0= Ndd7LKvVBAaZIF0QAVi1ekCfAJXr1GGfLtRUXhgrF8c="},
               "forwardCredentials": false},
             "authorization": {"class": "solr.RuleBasedAuthorizationPlugin",
               "permissions": [{"name": "all", "role": "admin"}], "user-role": {"solr": "admin"}}}""";

    @TempDir
    Path tmp;

    @Test
    void credentialsFromAFileAndNothingWithout() throws Exception {
        MiniSolrCloudCluster cluster = new MiniSolrCloudCluster.Builder(1, Files.createDirectories(tmp.resolve("cluster")))
                .withSecurityJson(SECURITY_JSON).withTraceIdGenerationDisabled().build();
        try {
            List<String> urls = cluster.getJettySolrRunners().stream().map(JettySolrRunner::getBaseUrl).map(Object::toString).toList();
            Path secret = Files.writeString(tmp.resolve("solr-credentials"), "solr:SolrRocks\n");
            SolrSettings plain = SolrSettings.of(urls, "secured");
            SolrSettings withCreds = plain.withCredentialsFrom(Map.of(SolrSettings.ENV_CREDENTIALS_FILE, secret.toString()));

            assertThrows(IOException.class, () -> SolrSetup.init(plain, 1, 1), "no user: refused");
            SolrSetup.init(withCreds, 1, 1);
            cluster.waitForActiveCollection("secured", 60, TimeUnit.SECONDS, 1, 1);
            try (SolrCorpus corpus = SolrCorpus.open(withCreds)) {
                Path demo = Files.createDirectories(tmp.resolve("corpus"));
                Files.copy(CorpusContract.demoDir().resolve("library.bib"), demo.resolve("library.bib"));
                corpus.index(List.of(demo), IndexListener.NONE);
                assertEquals("vaswani2017attention", corpus.completeKey("vasw", 5).get(0).paper().key());
                assertTrue(corpus.stats().indexBytes() > 0, "the cores' sizes are read with the credentials too");
            }
            assertThrows(IOException.class, () -> SolrCorpus.open(plain).close(), "no user: no corpus");

            // what a member's health check says, with the credentials in the environment and without
            String url = String.join(",", urls);
            PaperlinkJar.Run ok = PaperlinkJar.run(tmp, Map.of(SolrSettings.ENV_CREDENTIALS_FILE, secret.toString()),
                    "doctor", "--no-server", "--index-dir", tmp.resolve("index").toString(), "--solr", url, "--collection", "secured");
            assertTrue(ok.out().matches("(?s).*OK +team corpus +collection secured at .* \\(as solr\\): 6 papers, a key completion in \\d+ ms.*"), ok.out() + ok.err());
            assertTrue(!ok.out().contains("SolrRocks") && !ok.err().contains("SolrRocks"), "the password is never printed");
            PaperlinkJar.Run refused = PaperlinkJar.run(tmp, Map.of(),
                    "doctor", "--no-server", "--index-dir", tmp.resolve("index").toString(), "--solr", url, "--collection", "secured");
            assertEquals(1, refused.exit(), refused.out());
            assertTrue(refused.out().matches("(?s).*ERROR +team corpus +cannot reach the Solr collection 'secured'.*PAPERLINK_SOLR_CREDENTIALS.*"), refused.out());
        } finally {
            cluster.shutdown();
        }
    }
}
