package dev.paperlink.server.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paperlink.server.testing.JsonRpcClient;
import dev.paperlink.server.testing.ServerProcess;
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

/**
 * Issue 11 over the real pipes of a server process, on the demo corpus (the real reader and
 * index): completion in an empty {@code \cite{}} offers the paper the sentence is about, "Cite a
 * related paper…" code actions insert it before the full stop, and {@code paperlink/relatedPapers}
 * lists it with why.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class RelatedPapersE2ETest {
    @TempDir
    Path tmp;

    @Test
    void completionCodeActionsAndTheRequest() throws Exception {
        Path demo = Path.of("..", "demo").toAbsolutePath().normalize();
        String sentence = "Residual connections let very deep convolutional networks learn image recognition \\cite{}.";
        Path note = tmp.resolve("note.tex");
        Files.writeString(note, sentence + "\n");
        String uri = note.toUri().toString();
        try (ServerProcess server = ServerProcess.start(tmp, "--corpus", demo.toString(), "--index-dir", tmp.resolve("index").toString())) {
            JsonRpcClient c = server.client();
            c.request("initialize", Map.of("capabilities", Map.of("window", Map.of("workDoneProgress", true)), "rootUri", tmp.toUri().toString()));
            c.notify("initialized", Map.of());
            c.awaitNotification("$/progress", p -> "end".equals(p.at("/value/kind").asText()), 120);
            c.notify("textDocument/didOpen", Map.of("textDocument", Map.of("uri", uri, "languageId", "latex", "version", 1, "text", sentence + "\n")));

            int inCite = sentence.indexOf("{}") + 1;
            JsonNode completion = c.request("textDocument/completion", position(uri, 0, inCite));
            JsonNode first = completion.get("items").get(0);
            assertEquals("he2016deep", first.get("label").asText(), completion.toString());
            assertTrue(first.at("/labelDetails/description").asText().startsWith("related")
                    || first.get("detail").asText().startsWith("related"), first.toString());

            JsonNode actions = c.request("textDocument/codeAction", Map.of("textDocument", Map.of("uri", uri),
                    "range", Map.of("start", Map.of("line", 0, "character", 10), "end", Map.of("line", 0, "character", 10)),
                    "context", Map.of("diagnostics", List.of())));
            assertTrue(actions.size() >= 1 && actions.size() <= 5, actions.toString());
            JsonNode edit = actions.get(0).at("/edit/changes").get(uri).get(0);
            assertEquals("he2016deep", edit.get("newText").asText(), actions.get(0).toString());
            assertEquals(inCite, edit.at("/range/start/character").asInt(), "into the sentence's empty citation");
            assertTrue(actions.get(0).get("title").asText().startsWith("Cite Deep Residual Learning"), actions.get(0).toString());

            JsonNode related = c.request("paperlink/relatedPapers", Map.of("textDocument", Map.of("uri", uri),
                    "range", Map.of("start", Map.of("line", 0, "character", 0), "end", Map.of("line", 0, "character", sentence.length()))));
            JsonNode top = related.get(0);
            assertEquals("he2016deep", top.get("key").asText(), related.toString());
            assertEquals("Deep Residual Learning for Image Recognition", top.get("title").asText());
            assertEquals("2016", top.get("year").asText());
            assertTrue(top.get("why").asText().contains("residual"), top.toString());
            assertEquals("\\cite{he2016deep}", top.get("citation").asText());
            assertTrue(top.get("score").asDouble() > 0);

            c.request("shutdown", null);
            c.notify("exit", null);
            assertEquals(0, server.waitFor(30), server.log());
        }
    }

    private static Map<String, Object> position(String uri, int line, int character) {
        return Map.of("textDocument", Map.of("uri", uri), "position", Map.of("line", line, "character", character));
    }
}
