package dev.paperlink.server.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paperlink.server.testing.JsonRpcClient;
import dev.paperlink.server.testing.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12 over the real pipes of a server process, on the demo corpus: a completion of a corpus
 * paper carries {@code paperlink.addToBibliography}; executing it sends {@code workspace/applyEdit},
 * which this client applies to the file on disk, and refs.bib then has the entry (with the demo's
 * {@code @string} expanded) after its own, untouched. The diagnostic of the citation goes once the
 * entry is there. In a note without a bibliography, the quick fix names references.bib and the
 * command makes it (the server writes it: this client cannot create files). A key taken by another
 * entry is refused with a window/showMessage.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class AddToBibliographyE2ETest {
    @TempDir
    Path tmp;

    @Test
    void acceptingACorpusCompletionAppendsTheEntryToTheBibFile() throws Exception {
        Path demo = Path.of("..", "demo").toAbsolutePath().normalize();
        Path work = Files.createDirectories(tmp.resolve("work"));
        Path refs = work.resolve("refs.bib");
        String own = "@book{knuth1984,\n  title  = {The {\\TeX}book},\n  author = {Knuth, Donald E.},\n  year   = {1984},\n}\n";
        Files.writeString(refs, own);
        String note = "Transformers \\cite{vasw} changed translation.\n\\bibliography{refs}\n";
        Path tex = work.resolve("note.tex");
        Files.writeString(tex, note);
        String uri = tex.toUri().toString();
        try (ServerProcess server = ServerProcess.start(tmp, "--corpus", demo.toString(), "--index-dir", tmp.resolve("index").toString())) {
            JsonRpcClient c = server.client();
            c.answer("workspace/applyEdit", params -> apply(params.get("edit")));
            c.request("initialize", Map.of("capabilities", Map.of("window", Map.of("workDoneProgress", true),
                    "workspace", Map.of("applyEdit", true)), "rootUri", work.toUri().toString()));
            c.notify("initialized", Map.of());
            c.awaitNotification("$/progress", p -> "end".equals(p.at("/value/kind").asText()), 120);
            c.notify("textDocument/didOpen", Map.of("textDocument", Map.of("uri", uri, "languageId", "latex", "version", 1, "text", note)));

            JsonNode items = c.request("textDocument/completion", Map.of("textDocument", Map.of("uri", uri),
                    "position", Map.of("line", 0, "character", note.indexOf("vasw") + 4))).get("items");
            JsonNode item = items.get(0);
            assertEquals("vaswani2017attention", item.get("label").asText(), items.toString());
            JsonNode command = item.get("command");
            assertEquals("paperlink.addToBibliography", command.get("command").asText(), item.toString());

            // the editor inserts the key (didChange), then runs the item's command
            String cited = note.replace("{vasw}", "{vaswani2017attention}");
            c.notify("textDocument/didChange", Map.of("textDocument", Map.of("uri", uri, "version", 2),
                    "contentChanges", List.of(Map.of("text", cited))));
            JsonNode warned = c.awaitDiagnostics(uri, d -> d.toString().contains("not-in-bibliography"), 30);
            assertTrue(warned.toString().contains("is not in the document's bibliography"), warned.toString());
            JsonNode done = c.request("workspace/executeCommand", Map.of("command", command.get("command").asText(),
                    "arguments", command.get("arguments")));
            assertEquals(true, done.get("applied").asBoolean(), done.toString());

            String now = Files.readString(refs);
            String unaligned = now.replaceAll(" +=", " =");
            assertTrue(now.startsWith(own + "\n@inproceedings{vaswani2017attention,\n  author "), now);
            assertTrue(unaligned.contains("  booktitle = {Advances in Neural Information Processing Systems 30},\n"), now);
            assertTrue(unaligned.contains("  eprint = {1706.03762},\n"), now);
            assertTrue(now.contains("  author        = {"), "aligned as refs.bib is: " + now);

            // saved: the watcher's event; the citation's warning goes
            c.notify("workspace/didChangeWatchedFiles", Map.of("changes", List.of(Map.of("uri", refs.toUri().toString(), "type", 2))));
            c.awaitDiagnostics(uri, d -> !d.toString().contains("not-in-bibliography"), 60);

            // again: nothing added twice
            JsonNode again = c.request("workspace/executeCommand", Map.of("command", "paperlink.addToBibliography",
                    "arguments", List.of(Map.of("document", uri, "key", "vaswani2017attention"))));
            assertEquals(false, again.get("applied").asBoolean(), again.toString());
            assertEquals(now, Files.readString(refs));

            // a key taken by another entry of the file: refused, with a message (window/showMessage), never overwritten
            String taken = now + "\n@misc{HE2016DEEP,\n  title = {Another Paper},\n}\n";
            Files.writeString(refs, taken);
            JsonNode refused = c.request("workspace/executeCommand", Map.of("command", "paperlink.addToBibliography",
                    "arguments", List.of(Map.of("document", uri, "key", "he2016deep"))));
            assertEquals(false, refused.get("applied").asBoolean(), refused.toString());
            JsonNode shown = c.awaitNotification("window/showMessage", m -> m.at("/message").asText().contains("another entry"), 10);
            assertEquals("PaperLink: refs.bib has another entry under the key 'HE2016DEEP' (Another Paper): 'he2016deep' "
                    + "(Deep Residual Learning for Image Recognition) was not added", shown.at("/message").asText());
            assertEquals(taken, Files.readString(refs));

            // a note without a bibliography: the quick fix names references.bib, its command makes the file
            Path md = work.resolve("notes.md");
            String text = "Residual learning [@he2016deep].\n";
            Files.writeString(md, text);
            String mdUri = md.toUri().toString();
            c.notify("textDocument/didOpen", Map.of("textDocument", Map.of("uri", mdUri, "languageId", "markdown", "version", 1, "text", text)));
            JsonNode actions = c.request("textDocument/codeAction", Map.of("textDocument", Map.of("uri", mdUri),
                    "range", Map.of("start", Map.of("line", 0, "character", 22), "end", Map.of("line", 0, "character", 22)),
                    "context", Map.of("diagnostics", List.of(), "only", List.of("quickfix"))));
            JsonNode create = actions.get(0);
            assertEquals("Create references.bib with `he2016deep`", create.get("title").asText(), actions.toString());
            assertEquals("---\nbibliography: references.bib\n---\n", create.at("/edit/changes").get(mdUri).get(0).get("newText").asText());
            JsonNode made = c.request("workspace/executeCommand", Map.of("command", create.at("/command/command").asText(),
                    "arguments", create.at("/command/arguments")));
            assertEquals(true, made.get("applied").asBoolean(), made.toString());
            String references = Files.readString(work.resolve("references.bib"));
            assertTrue(references.startsWith("@inproceedings{he2016deep,\n  author = {He, Kaiming"), references);

            c.request("shutdown", null);
            c.notify("exit", null);
            assertEquals(0, server.waitFor(30), server.log());
        }
    }

    /** This client's workspace/applyEdit: text edits of files ({@code changes}) applied on disk. */
    private static JsonNode apply(JsonNode edit) {
        edit.get("changes").properties().forEach(e -> {
            Path file = Path.of(java.net.URI.create(e.getKey()));
            try {
                String text = Files.readString(file);
                for (JsonNode te : e.getValue()) {
                    int start = offset(text, te.at("/range/start"));
                    int end = offset(text, te.at("/range/end"));
                    text = text.substring(0, start) + te.get("newText").asText() + text.substring(end);
                }
                Files.writeString(file, text);
            } catch (IOException x) {
                throw new UncheckedIOException(x);
            }
        });
        return JsonRpcClient.JSON.createObjectNode().put("applied", true);
    }

    private static int offset(String text, JsonNode pos) {
        int at = 0;
        for (int line = 0; line < pos.get("line").asInt(); line++) {
            at = text.indexOf('\n', at) + 1;
        }
        return at + pos.get("character").asInt();
    }
}
