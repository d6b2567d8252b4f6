package dev.paperlink.server.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paperlink.server.testing.JsonRpcClient;
import dev.paperlink.server.testing.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12 over the real pipes of a server process: a workspace of a .tex, a .md, a .typ, an
 * .org and a .bib file, only the .tex open. References of a key list every citation of it in
 * every file (read from disk) and its entry; rename gives one workspace edit, the open document
 * with its version; renaming to a taken key is refused with an error; workspace symbols find the
 * paper by a title word; the .bib's outline lists its entries.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ReferencesRenameE2ETest {
    @TempDir
    Path tmp;

    @Test
    void referencesRenameAndSymbolsAcrossFiveSyntaxes() throws Exception {
        Path ws = Files.createDirectories(tmp.resolve("ws"));
        Files.writeString(ws.resolve("refs.bib"), """
                @article{vaswani2017, title = {Attention Is All You Need}, author = {Vaswani, Ashish}, year = {2017}}
                @article{he2016, title = {Deep Residual Learning}, author = {He, Kaiming}, year = {2016}}
                """);
        String tex = "As \\cite{vaswani2017} shows.\n\\bibliography{refs}\n";
        Files.writeString(ws.resolve("intro.tex"), tex);
        Files.writeString(ws.resolve("notes.md"), "---\nbibliography: refs.bib\n---\nSee [@vaswani2017, p. 3].\n");
        Files.writeString(ws.resolve("paper.typ"), "Transformers @vaswani2017.\n#bibliography(\"refs.bib\")\n");
        Files.writeString(ws.resolve("todo.org"), "#+bibliography: refs.bib\nRead [cite:@vaswani2017] again.\n");
        String texUri = ws.resolve("intro.tex").toUri().toString();
        try (ServerProcess server = ServerProcess.start(tmp, "--index-dir", tmp.resolve("index").toString())) {
            JsonRpcClient c = server.client();
            c.request("initialize", Map.of("capabilities", Map.of(
                            "window", Map.of("workDoneProgress", true),
                            "workspace", Map.of("workspaceEdit", Map.of("documentChanges", true)),
                            "textDocument", Map.of("rename", Map.of("prepareSupport", true))),
                    "workspaceFolders", List.of(Map.of("uri", ws.toUri().toString(), "name", "ws"))));
            c.notify("initialized", Map.of());
            c.awaitNotification("$/progress", p -> "end".equals(p.at("/value/kind").asText()), 120);
            c.notify("textDocument/didOpen", Map.of("textDocument", Map.of("uri", texUri, "languageId", "latex", "version", 7, "text", tex)));

            Map<String, Object> onKey = position(texUri, 0, 12);
            JsonNode refs = c.request("textDocument/references", with(onKey, "context", Map.of("includeDeclaration", true)));
            assertEquals(List.of("intro.tex 0:9", "notes.md 3:6", "paper.typ 0:14", "refs.bib 0:9", "todo.org 1:12"), places(refs), refs.toString());

            JsonNode prepared = c.request("textDocument/prepareRename", onKey);
            assertEquals("vaswani2017", prepared.get("placeholder").asText(), prepared.toString());

            JsonNode edit = c.request("textDocument/rename", with(onKey, "newName", "vaswani2017attention"));
            Map<String, String> byFile = new TreeMap<>();
            for (JsonNode change : edit.get("documentChanges")) {
                String name = Path.of(java.net.URI.create(change.at("/textDocument/uri").asText())).getFileName().toString();
                byFile.put(name, change.at("/textDocument/version").asText() + " " + change.get("edits").size() + " "
                        + change.at("/edits/0/newText").asText());
            }
            assertEquals(Map.of("intro.tex", "7 1 vaswani2017attention", "notes.md", "null 1 vaswani2017attention",
                    "paper.typ", "null 1 vaswani2017attention", "refs.bib", "null 1 vaswani2017attention",
                    "todo.org", "null 1 vaswani2017attention"), byFile, edit.toString());

            JsonNode refused = c.requestAsync("textDocument/rename", with(onKey, "newName", "he2016")).future().get(60, TimeUnit.SECONDS);
            assertTrue(refused.at("/error/message").asText().contains("'he2016' already exists"), refused.toString());

            JsonNode symbols = c.request("workspace/symbol", Map.of("query", "residual"));
            assertEquals("he2016 — Deep Residual Learning", symbols.get(0).get("name").asText(), symbols.toString());
            assertTrue(symbols.get(0).at("/location/uri").asText().endsWith("refs.bib"), symbols.toString());

            String bibUri = ws.resolve("refs.bib").toUri().toString();
            c.notify("textDocument/didOpen", Map.of("textDocument", Map.of("uri", bibUri, "languageId", "bibtex", "version", 1,
                    "text", Files.readString(ws.resolve("refs.bib")))));
            JsonNode outline = c.request("textDocument/documentSymbol", Map.of("textDocument", Map.of("uri", bibUri)));
            assertEquals(2, outline.size(), outline.toString());
            assertEquals("vaswani2017", outline.get(0).get("name").asText(), outline.toString());
            JsonNode hints = c.awaitDiagnostics(bibUri, d -> d.size() == 1, 30);
            assertEquals("unused-entry", hints.get(0).get("code").asText(), hints.toString());
            assertEquals(1, hints.get(0).at("/tags/0").asInt(), "shown as unnecessary");

            c.request("shutdown", null);
            c.notify("exit", null);
            assertEquals(0, server.waitFor(30), server.log());
        }
    }

    private static List<String> places(JsonNode locations) {
        List<String> out = new ArrayList<>();
        for (JsonNode l : locations) {
            out.add(Path.of(java.net.URI.create(l.get("uri").asText())).getFileName() + " " + l.at("/range/start/line").asInt() + ":"
                    + l.at("/range/start/character").asInt());
        }
        out.sort(null);
        return out;
    }

    private static Map<String, Object> position(String uri, int line, int character) {
        return Map.of("textDocument", Map.of("uri", uri), "position", Map.of("line", line, "character", character));
    }

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> m = new java.util.HashMap<>(base);
        m.put(key, value);
        return m;
    }
}
