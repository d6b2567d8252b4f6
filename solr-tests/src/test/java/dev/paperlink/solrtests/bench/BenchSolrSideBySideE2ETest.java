package dev.paperlink.solrtests.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperlink.corpus.contract.CorpusContract;
import dev.paperlink.corpus.solr.SolrCorpus;
import dev.paperlink.corpus.solr.SolrSettings;
import dev.paperlink.solrtests.PaperlinkJar;
import dev.paperlink.solrtests.TestClusters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code paperlink bench --solr URLS --collection X --json} on the demo corpus: both backends' figures, sane. */
class BenchSolrSideBySideE2ETest {
    @TempDir
    Path tmp;

    /** A collection holding other files (a team's, named by mistake) is not emptied. */
    @Test
    void aCollectionOfOtherFilesIsRefused() throws Exception {
        SolrSettings settings = TestClusters.withDemoLibrary("bench-team", tmp.resolve("team"));
        PaperlinkJar.Run run = PaperlinkJar.run(tmp, Map.of(), "bench", "--solr", String.join(",", settings.urls()),
                "--collection", "bench-team", CorpusContract.demoDir().resolve("arxiv-sample.jsonl").toString());
        assertEquals(1, run.exit(), run.out() + run.err());
        assertTrue(run.err().contains("holds 1 other source files") && run.err().contains("--empty-collection"), run.err());
        try (SolrCorpus corpus = SolrCorpus.open(settings)) {
            assertEquals(6, corpus.stats().papers(), "nothing dropped");
        }
    }

    @Test
    void bothBackendsFigures() throws Exception {
        SolrSettings settings = TestClusters.collection("bench");
        Path demo = CorpusContract.demoDir();
        PaperlinkJar.Run run = PaperlinkJar.run(tmp, Map.of(), "bench", "--solr", String.join(",", settings.urls()),
                "--collection", "bench", "--requests", "30", "--warmup", "10", "--json",
                demo.resolve("library.bib").toString(), demo.resolve("arxiv-sample.jsonl").toString());
        String out = run.out();
        assertEquals(0, run.exit(), out + run.err());
        JsonNode f = new ObjectMapper().readTree(out);
        assertTrue(run.err().isEmpty() || !run.err().contains("other source files"), run.err());
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
