package dev.paperlink.solrtests.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperlink.corpus.contract.CorpusContract;
import dev.paperlink.corpus.solr.SolrSettings;
import dev.paperlink.solrtests.TestClusters;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code paperlink bench --solr URLS --collection X --json} on the demo corpus: both backends' figures, sane. */
class BenchSolrSideBySideE2ETest {
    @Test
    void bothBackendsFigures() throws Exception {
        Path jar = Path.of("..", "server", "target", "paperlink.jar").toAbsolutePath().normalize();
        assertTrue(Files.isRegularFile(jar), jar + " is missing (./mvnw -B verify builds it before this module)");
        SolrSettings settings = TestClusters.collection("bench");
        Path demo = CorpusContract.demoDir();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-jar", jar.toString(), "bench", "--solr", String.join(",", settings.urls()),
                "--collection", "bench", "--requests", "50", "--warmup", "20", "--json",
                demo.resolve("library.bib").toString(), demo.resolve("arxiv-sample.jsonl").toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        JsonNode f = new ObjectMapper().readTree(out);
        JsonNode solr = f.get("solrBackend");
        JsonNode embedded = f.get("embedded");
        assertTrue(solr.get("papers").asLong() > 0, out);
        assertEquals(embedded.get("papers").asLong(), solr.get("papers").asLong(), out);
        for (JsonNode side : List.of(solr, embedded)) {
            assertTrue(side.get("recordsPerSecond").asDouble() > 0, out);
            for (String kind : List.of("completion", "hover", "definition", "context completion", "cite code action")) {
                JsonNode l = side.get("latencyMs").get(kind);
                assertTrue(l.get("queries").asInt() > 0, kind + ": " + out);
                assertTrue(l.get("p50").asDouble() > 0 && l.get("p99").asDouble() >= l.get("p50").asDouble(), kind + ": " + out);
            }
        }
    }
}
