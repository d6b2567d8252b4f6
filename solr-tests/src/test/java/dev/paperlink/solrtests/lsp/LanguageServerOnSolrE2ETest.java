package dev.paperlink.solrtests.lsp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paperlink.corpus.IndexListener;
import dev.paperlink.corpus.contract.CorpusContract;
import dev.paperlink.corpus.solr.SolrCorpus;
import dev.paperlink.corpus.solr.SolrSettings;
import dev.paperlink.solrtests.DevClusterProcess;
import dev.paperlink.solrtests.PaperlinkJar;
import dev.paperlink.solrtests.TestClusters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real language server ({@code server/target/paperlink.jar serve --solr URL}, a process of its
 * own) on a workspace without any bibliography: completion, hover and definition come from the
 * shared corpus on a 2-node cluster, over the server's pipes. Once as a team sets it up, every
 * part its own process: a development cluster ({@link DevClusterProcess}), {@code paperlink solr
 * init} and {@code paperlink index --solr}, {@code paperlink serve --solr}; once with the setting
 * {@code paperlink.corpus.solr} instead of the command line, on the module's in-JVM cluster.
 */
class LanguageServerOnSolrE2ETest {
    @TempDir
    Path tmp;

    @Test
    void solrInitIndexAndServeOnADevelopmentClusterProcess() throws Exception {
        try (DevClusterProcess cluster = DevClusterProcess.start(2, Files.createDirectories(tmp.resolve("dev-cluster")))) {
            String urls = String.join(",", cluster.urls());
            PaperlinkJar.Run init = PaperlinkJar.run(tmp, Map.of(), "solr", "init", "--solr", urls, "--collection", "team", "--shards", "2", "--replicas", "2");
            assertEquals(0, init.exit(), init.out() + init.err());
            assertTrue(init.out().contains("created collection team"), init.out());
            PaperlinkJar.Run index = PaperlinkJar.run(tmp, Map.of(), "index", "--solr", urls, "--collection", "team", teamCorpus().toString());
            assertEquals(0, index.exit(), index.out() + index.err());
            assertTrue((index.out() + index.err()).contains("7 papers in the index"), index.out() + index.err());
            completionHoverAndDefinition(List.of("--solr", urls, "--collection", "team"), Map.of());
        }
    }

    /** The setting {@code paperlink.corpus.solr} in the client's initializationOptions instead of the command line. */
    @Test
    void theCorpusSolrSetting() throws Exception {
        SolrSettings settings = TestClusters.collection("lsp");
        try (SolrCorpus corpus = SolrCorpus.open(settings)) {
            corpus.index(List.of(teamCorpus()), IndexListener.NONE);
        }
        completionHoverAndDefinition(List.of(),
                Map.of("paperlink", Map.of("corpus", Map.of("solr", Map.of("urls", settings.urls(), "collection", "lsp")))));
    }

    private Path teamCorpus() throws IOException {
        Path corpusDir = Files.createDirectories(tmp.resolve("team-corpus"));
        for (String f : List.of("library.bib", "arxiv-sample.jsonl")) {
            Files.copy(CorpusContract.demoDir().resolve(f), corpusDir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        return corpusDir;
    }

    private void completionHoverAndDefinition(List<String> args, Map<String, Object> options) throws Exception {
        Path ws = Files.createDirectories(tmp.resolve("workspace"));
        String text = "We build on \\cite{vaswani2017attention} and \\cite{vasw";
        Path note = Files.writeString(ws.resolve("notes.tex"), text + "\n");
        String uri = note.toUri().toString();
        try (ServerProcess server = ServerProcess.start(tmp, ws, args, options)) {
            server.open(uri, text + "\n");

            List<String> completion = server.completionLabels(uri, 0, text.length());
            assertEquals("vaswani2017attention", completion.isEmpty() ? "" : completion.get(0), completion + "\n" + server.log());

            int inKey = text.indexOf("vaswani2017attention") + 3;
            String hover = server.hoverText(uri, 0, inKey);
            assertTrue(hover.contains("Attention Is All You Need"), hover);

            JsonNode def = server.request("textDocument/definition", uri, 0, inKey);
            assertTrue(def.size() > 0 && def.get(0).get("uri").asText().endsWith("team-corpus/library.bib"), def.toString());
            assertEquals(3, def.get(0).at("/range/start/line").asInt(), "the entry's line in the team's file (0-based): " + def);
        }
    }
}
