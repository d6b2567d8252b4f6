package dev.paperlink.server.lsp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paperlink.server.config.ServerConfig;
import dev.paperlink.server.testing.JsonRpcClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real server in-process over piped streams, driven by the wire-level {@link JsonRpcClient}.
 * Documents' bibliographies are read by {@link TinyBibReader}, so this passes without the real
 * BibTeX reader; the corpus index is empty here (its readers are the corpus loader's).
 */
@Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
class LspSmokeTest {
    @TempDir
    Path dir;

    private InProcessServer server;
    private JsonRpcClient client;
    private CompletableFuture<Integer> exitCode;
    private Path ws;

    @BeforeEach
    void start() throws IOException {
        ws = Files.createDirectories(dir.resolve("ws"));
        Files.writeString(ws.resolve("refs.bib"), """
                @book{knuth1984, author = {Knuth, Donald E.}, title = {Literate Programming}, year = {1984},
                  doi = {10.1093/comjnl/27.2.97}, abstract = {The author and his associates have been experimenting}}
                @misc{bad, title {x}}
                """);
        server = InProcessServer.start(ServerConfig.DEFAULT.withIndexDir(dir.resolve("index")));
        client = server.client;
        exitCode = server.exitCode;
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    @Test
    void initializeOpenRequestsShutdownExit() throws Exception {
        JsonNode init = client.request("initialize", Map.of(
                "processId", ProcessHandle.current().pid(),
                "rootUri", ws.toUri().toString(),
                "capabilities", Map.of(
                        "workspace", Map.of("configuration", true, "didChangeWatchedFiles", Map.of("dynamicRegistration", true)),
                        "window", Map.of("workDoneProgress", true)),
                "initializationOptions", Map.of("paperlink", Map.of("hover", Map.of("abstractMaxChars", 10)))));
        JsonNode caps = init.get("capabilities");
        assertEquals("[\"{\",\",\",\"@\"]", caps.at("/completionProvider/triggerCharacters").toString());
        assertTrue(caps.at("/completionProvider/resolveProvider").asBoolean());
        assertEquals(2, caps.at("/textDocumentSync/change").asInt(), "incremental sync");
        assertTrue(caps.get("hoverProvider").asBoolean());
        assertTrue(caps.get("definitionProvider").asBoolean());
        assertTrue(caps.has("documentLinkProvider"));
        assertEquals("paperlink", init.at("/serverInfo/name").asText());

        client.setConfiguration(JsonRpcClient.JSON.readTree("{\"hover\": {\"abstractMaxChars\": 10}}"));
        client.notify("initialized", Map.of());

        // UTF-16: the emoji is two code units, the CJK character one
        String uri = ws.resolve("paper.tex").toUri().toString();
        client.notify("textDocument/didOpen", Map.of("textDocument", Map.of("uri", uri, "languageId", "latex", "version", 1,
                "text", "😀 中 \\cite{knuth1984, knuht1984}\n\\bibliography{refs}\n")));

        JsonNode hover = client.request("textDocument/hover", params(uri, 0, 12));
        assertTrue(hover.at("/contents/value").asText().contains("**Literate Programming**"), hover.toString());
        assertTrue(hover.at("/contents/value").asText().contains("> The author…"), "abstractMaxChars from the settings: " + hover);
        assertEquals("{\"start\":{\"line\":0,\"character\":11},\"end\":{\"line\":0,\"character\":20}}", hover.get("range").toString());

        JsonNode definition = client.request("textDocument/definition", params(uri, 0, 12));
        assertEquals(ws.resolve("refs.bib").toUri().toString(), definition.get(0).get("uri").asText());
        assertEquals("{\"start\":{\"line\":0,\"character\":6},\"end\":{\"line\":0,\"character\":15}}", definition.get(0).get("range").toString());

        JsonNode links = client.request("textDocument/documentLink", Map.of("textDocument", Map.of("uri", uri)));
        assertEquals("https://doi.org/10.1093/comjnl/27.2.97", links.get(0).get("target").asText());

        JsonNode diagnostics = client.awaitDiagnostics(uri, d -> d.size() == 1, 20);
        assertEquals("Unknown citation key 'knuht1984'; closest known: knuth1984", diagnostics.get(0).get("message").asText());
        JsonNode bibDiagnostics = client.awaitDiagnostics(ws.resolve("refs.bib").toUri().toString(), d -> d.size() == 1, 20);
        assertEquals(2, bibDiagnostics.get(0).at("/range/start/line").asInt());

        // incremental change: type "\cite{kn" on line 2, then complete
        client.notify("textDocument/didChange", Map.of("textDocument", Map.of("uri", uri, "version", 2),
                "contentChanges", List.of(Map.of("range", range(2, 0, 2, 0), "text", "see \\cite{kn"))));
        JsonNode completion = client.request("textDocument/completion", params(uri, 2, 12));
        JsonNode item = completion.get("items").get(0);
        assertEquals("knuth1984", item.get("label").asText());
        assertEquals("{\"range\":{\"start\":{\"line\":2,\"character\":10},\"end\":{\"line\":2,\"character\":12}},\"newText\":\"knuth1984\"}",
                item.get("textEdit").toString());
        assertTrue(!item.has("documentation"), "documentation is filled on resolve");
        JsonNode resolved = client.request("completionItem/resolve", item);
        assertTrue(resolved.at("/documentation/value").asText().contains("Literate Programming"), resolved.toString());

        // full sync replaces everything
        client.notify("textDocument/didChange", Map.of("textDocument", Map.of("uri", uri, "version", 3),
                "contentChanges", List.of(Map.of("text", "no citations\n"))));
        client.awaitDiagnostics(uri, JsonNode::isEmpty, 20);

        // unknown documents are answered empty; a malformed message is logged and the server goes on
        assertTrue(client.request("textDocument/hover", params("file:///nowhere/x.tex", 0, 0)).isNull());
        client.send("{this is not json");
        client.send("{\"jsonrpc\":\"2.0\",\"id\":9999,\"method\":\"textDocument/hover\",\"params\":{\"textDocument\":42}}");
        assertEquals(0, client.request("textDocument/documentLink", Map.of("textDocument", Map.of("uri", uri))).size());

        // a cancelled request ends with RequestCancelled or its result, never hangs
        JsonRpcClient.Pending p = client.requestAsync("textDocument/completion", params(uri, 0, 12));
        client.notify("$/cancelRequest", Map.of("id", p.id()));
        JsonNode answer = p.future().get(10, TimeUnit.SECONDS);
        assertTrue(answer.has("result") || answer.at("/error/code").asInt() == -32800, answer.toString());

        assertTrue(!client.serverRequests("client/registerCapability").isEmpty(), "watched files registered");
        assertTrue(client.request("shutdown", null).isNull());
        client.notify("exit", null);
        assertEquals(0, exitCode.get(10, TimeUnit.SECONDS));
    }

    static Map<String, Object> params(String uri, int line, int character) {
        return Map.of("textDocument", Map.of("uri", uri), "position", Map.of("line", line, "character", character));
    }

    static Map<String, Object> range(int l1, int c1, int l2, int c2) {
        return Map.of("start", Map.of("line", l1, "character", c1), "end", Map.of("line", l2, "character", c2));
    }
}
