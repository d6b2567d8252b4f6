package dev.paperlink.server.lsp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paperlink.server.config.ServerConfig;
import dev.paperlink.server.testing.JsonRpcClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Settings pushed and pulled, and bibliography files changing on disk, seen through the protocol. */
@Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
class LspSettingsTest {
    @TempDir
    Path dir;

    @Test
    void pushedAndPulledSettingsAndWatchedFiles() throws Exception {
        Path ws = Files.createDirectories(dir.resolve("ws"));
        Path bib = ws.resolve("refs.bib");
        Files.writeString(bib, "@book{knuth1984, author = {Knuth, Donald E.}, title = {Literate Programming}, year = {1984}}\n");
        try (InProcessServer server = InProcessServer.start(ServerConfig.DEFAULT.withIndexDir(dir.resolve("index")))) {
            JsonRpcClient c = server.client;
            c.request("initialize", Map.of("rootUri", ws.toUri().toString(),
                    "capabilities", Map.of("workspace", Map.of("configuration", true))));
            c.notify("initialized", Map.of());
            String uri = ws.resolve("notes.md").toUri().toString();
            String text = "---\nbibliography: refs.bib\n---\nOn literate programming\n";
            c.notify("textDocument/didOpen", Map.of("textDocument", Map.of("uri", uri, "languageId", "markdown", "version", 1, "text", text)));
            assertEquals("[@knuth1984]", newText(c, uri));

            // pushed: {"paperlink": {...}} in the notification
            c.notify("workspace/didChangeConfiguration", Map.of("settings", Map.of("paperlink", Map.of("insertionStyle", "pandoc-bare"))));
            assertEquals("@knuth1984", newText(c, uri));

            // pulled: no settings in the notification, so the server asks with workspace/configuration
            c.setConfiguration(JsonRpcClient.JSON.readTree("{\"titleCompletion\": \"append\"}"));
            c.notify("workspace/didChangeConfiguration", Map.of("settings", Map.of()));
            waitFor(() -> "Literate Programming [@knuth1984]".equals(newText(c, uri)));
            assertTrue(c.serverRequests("workspace/configuration").size() >= 2, "pulled after initialized and after the change");

            // a bibliography file changes on disk: the next request sees it
            Files.writeString(bib, "@book{knuth1984, title = {Literate Programming, Second Printing}, year = {1992}}\n");
            c.notify("workspace/didChangeWatchedFiles", Map.of("changes", List.of(Map.of("uri", bib.toUri().toString(), "type", 2))));
            String md = c.request("textDocument/hover", LspSmokeTest.params(uri, 3, 3)).toString();
            assertTrue(md.equals("null"), "no citation there: " + md);
            c.notify("textDocument/didChange", Map.of("textDocument", Map.of("uri", uri, "version", 2),
                    "contentChanges", List.of(Map.of("text", "---\nbibliography: refs.bib\n---\n[@knuth1984]\n"))));
            String hover = c.request("textDocument/hover", LspSmokeTest.params(uri, 3, 4)).at("/contents/value").asText();
            assertTrue(hover.contains("Second Printing") && hover.contains("(1992)"), hover);

            c.request("shutdown", null);
            c.notify("exit", null);
            assertEquals(0, server.exitCode.get(10, TimeUnit.SECONDS));
        }
    }

    private static String newText(JsonRpcClient c, String uri) {
        JsonNode r = c.request("textDocument/completion", LspSmokeTest.params(uri, 3, "On literate programming".length()));
        return r.at("/items/0/textEdit/newText").asText();
    }

    private static void waitFor(java.util.function.BooleanSupplier ok) throws InterruptedException {
        for (int i = 0; i < 100 && !ok.getAsBoolean(); i++) {
            Thread.sleep(50);
        }
        assertTrue(ok.getAsBoolean(), "condition not met in 5 s");
    }
}
