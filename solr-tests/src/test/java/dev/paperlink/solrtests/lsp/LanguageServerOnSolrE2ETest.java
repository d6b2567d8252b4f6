package dev.paperlink.solrtests.lsp;

import dev.paperlink.server.testing.JsonRpcClient;

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
import java.util.concurrent.TimeUnit;

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
        Path jar = Path.of("..", "server", "target", "paperlink.jar").toAbsolutePath().normalize();
        assertTrue(Files.isRegularFile(jar), "this test runs the built server: " + jar + " is missing (./mvnw -B verify builds it before this module)");
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
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(), "serve",
                "--index-dir", tmp.resolve("server-index").toString()));
        if (!viaSetting) {
            cmd.addAll(List.of("--collection", "lsp"));
            settings.urls().forEach(u -> cmd.addAll(List.of("--solr", u)));
        }
        Map<String, Object> options = viaSetting
                ? Map.of("paperlink", Map.of("corpus", Map.of("solr", Map.of("urls", settings.urls(), "collection", "lsp"))))
                : Map.of();
        Path log = tmp.resolve("server-stderr.log");
        Process p = new ProcessBuilder(cmd).directory(ws.toFile()).redirectError(log.toFile()).start();
        try (JsonRpcClient c = new JsonRpcClient(p.getInputStream(), p.getOutputStream())) {
            c.request("initialize", Map.of("processId", ProcessHandle.current().pid(), "rootUri", ws.toUri().toString(),
                    "workspaceFolders", List.of(Map.of("uri", ws.toUri().toString(), "name", "ws")), "capabilities", Map.of(),
                    "initializationOptions", options));
            c.notify("initialized", Map.of());
            c.notify("textDocument/didOpen", Map.of("textDocument", Map.of("uri", uri, "languageId", "latex", "version", 1, "text", text + "\n")));

            JsonNode completion = c.request("textDocument/completion", position(uri, 0, text.length()));
            assertEquals("vaswani2017attention", completion.at("/items/0/label").asText(), completion.toString() + "\n" + Files.readString(log));

            int inKey = text.indexOf("vaswani2017attention") + 3;
            String hover = c.request("textDocument/hover", position(uri, 0, inKey)).at("/contents/value").asText();
            assertTrue(hover.contains("Attention Is All You Need"), hover);

            JsonNode def = c.request("textDocument/definition", position(uri, 0, inKey));
            assertTrue(def.size() > 0 && def.get(0).get("uri").asText().endsWith("team-corpus/library.bib"), def.toString());
            assertEquals(3, def.get(0).at("/range/start/line").asInt(), "the entry's line in the team's file (0-based): " + def);

            c.request("shutdown", null);
            c.notify("exit", null);
        } finally {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    private static Map<String, Object> position(String uri, int line, int character) {
        return Map.of("textDocument", Map.of("uri", uri), "position", Map.of("line", line, "character", character));
    }
}
