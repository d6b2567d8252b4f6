package dev.paperlink.solrtests.lsp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paperlink.corpus.IndexListener;
import dev.paperlink.corpus.contract.CorpusContract;
import dev.paperlink.corpus.solr.SolrCorpus;
import dev.paperlink.corpus.solr.SolrSettings;
import dev.paperlink.solrtests.TestClusters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real language server ({@code server/target/paperlink.jar serve --solr URL}, a process of its
 * own) on a workspace without any bibliography: completion, hover and definition come from the
 * shared corpus on the 2-node cluster, over the server's pipes.
 */
class LanguageServerOnSolrE2ETest {
    @TempDir
    Path tmp;

    @Test
    void serveDashDashSolr() throws Exception {
        completionHoverAndDefinitionFromTheCluster(false);
    }

    /** The setting {@code paperlink.corpus.solr} in the client's initializationOptions instead of the command line. */
    @Test
    void theCorpusSolrSetting() throws Exception {
        completionHoverAndDefinitionFromTheCluster(true);
    }

    private void completionHoverAndDefinitionFromTheCluster(boolean viaSetting) throws Exception {
        SolrSettings settings = TestClusters.collection("lsp");
        Path corpusDir = Files.createDirectories(tmp.resolve("team-corpus"));
        for (String f : List.of("library.bib", "arxiv-sample.jsonl")) {
            Files.copy(CorpusContract.demoDir().resolve(f), corpusDir.resolve(f));
        }
        try (SolrCorpus corpus = SolrCorpus.open(settings)) {
            corpus.index(List.of(corpusDir), IndexListener.NONE);
        }

        Path ws = Files.createDirectories(tmp.resolve("workspace"));
        String text = "We build on \\cite{vaswani2017attention} and \\cite{vasw";
        Path note = Files.writeString(ws.resolve("notes.tex"), text + "\n");
        String uri = note.toUri().toString();
        List<String> args = new ArrayList<>();
        if (!viaSetting) {
            args.addAll(List.of("--collection", "lsp"));
            settings.urls().forEach(u -> args.addAll(List.of("--solr", u)));
        }
        Map<String, Object> options = viaSetting
                ? Map.of("paperlink", Map.of("corpus", Map.of("solr", Map.of("urls", settings.urls(), "collection", "lsp"))))
                : Map.of();
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
