package dev.paperlink.server.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paperlink.server.document.DocumentKind;
import dev.paperlink.server.document.TextDocument;
import dev.paperlink.server.syntax.CitationRef;
import dev.paperlink.server.syntax.CitationScanner;
import dev.paperlink.server.testing.JsonRpcClient;
import dev.paperlink.server.testing.ServerProcess;
import dev.paperlink.corpus.testing.SharedCorpora;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * End to end: the server as a subprocess, spoken to over its pipes in JSON-RPC (Jackson, not
 * LSP4J), with {@code shared/corpora/latex-papers/snark-survey} as the workspace.
 *
 * <p>{@link #protocolOverThePipe} does not depend on any record reader. {@link #snarkSurveyBibliography}
 * needs the real BibTeX reader of the corpus loader (the placeholder reads nothing); until it is
 * there the test is skipped loudly.
 */
@Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
class SnarkSurveyE2ETest {
    private static final Pattern ENTRY = Pattern.compile("@\\w+\\s*\\{\\s*([^,\\s]+)\\s*,");

    @TempDir
    Path tmp;

    @Test
    void protocolOverThePipe() throws Exception {
        Path snark = SharedCorpora.require("latex-papers/snark-survey");
        try (ServerProcess server = ServerProcess.start(tmp, "--index-dir", tmp.resolve("index").toString())) {
            JsonRpcClient c = server.client();
            JsonNode init = c.request("initialize", initialize(snark));
            long initMs = server.millisSinceStart();
            System.err.println("e2e: process start to initialize answer: " + initMs + " ms");
            assertTrue(initMs < 15_000, "initialize took " + initMs + " ms");
            assertEquals("[\"{\",\",\",\"@\"]", init.at("/capabilities/completionProvider/triggerCharacters").toString());
            c.notify("initialized", Map.of());

            // background indexing of the workspace's bibliographies reports work-done progress with percentages
            c.awaitNotification("$/progress", p -> "end".equals(p.at("/value/kind").asText()), 120);
            assertTrue(c.notifications("$/progress").stream().anyMatch(p -> "begin".equals(p.at("/value/kind").asText())));
            assertTrue(c.notifications("$/progress").stream().anyMatch(p -> p.at("/value/percentage").isInt()),
                    "percentages: " + c.notifications("$/progress"));
            assertTrue(c.notifications("window/logMessage").stream().anyMatch(m -> m.get("message").asText().startsWith("indexed in")),
                    "logs reach the client");

            String main = snark.resolve("main.tex").toUri().toString();
            c.notify("textDocument/didOpen", open(main, "latex", Files.readString(snark.resolve("main.tex"))));
            assertTrue(c.request("textDocument/hover", position("file:///not/open.tex", 0, 0)).isNull(), "unknown documents: empty");
            c.send("{\"jsonrpc\":\"2.0\",\"id\":77,\"method\":\"textDocument/hover\",\"params\":[[[[");
            c.send("not json at all");
            assertEquals(0, c.request("textDocument/definition", position(main, 0, 0)).size(), "still answering after malformed messages");

            assertTrue(c.request("shutdown", null).isNull());
            c.notify("exit", null);
            assertEquals(0, server.waitFor(20), server.log());
            assertTrue(server.log().contains("[paperlink info]"), "logs on stderr");
        }
    }

    @Test
    void portOnLoopbackAndExitWithoutShutdown() throws Exception {
        Path tokenFile = tmp.resolve("token");
        try (ServerProcess server = ServerProcess.start(tmp, "--port", "0", "--token-file", tokenFile.toString(),
                "--index-dir", tmp.resolve("index").toString())) {
            int port = server.listeningPort(10);
            String token = Files.readString(tokenFile).strip();
            try (java.net.Socket socket = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), port);
                 JsonRpcClient c = new JsonRpcClient(socket.getInputStream(), socket.getOutputStream())) {
                assertTrue(c.request("initialize", Map.of("capabilities", Map.of(), "initializationOptions", Map.of("token", token)))
                        .at("/capabilities/hoverProvider").asBoolean());
                c.notify("exit", null); // without shutdown: exit status 1, as the protocol says
                assertEquals(1, server.waitFor(20), server.log());
                assertTrue(server.client().notifications("window/logMessage").isEmpty(), "nothing on stdout in socket mode");
            }
        }
    }

    @Test
    void snarkSurveyBibliography() throws Exception {
        Path snark = SharedCorpora.require("latex-papers/snark-survey");
        Path cryptoBib = snark.resolve("cryptobib/crypto.bib");
        String cryptoText = Files.readString(cryptoBib);
        String cryptoUri = cryptoBib.toUri().toString();
        Map<String, int[]> keyPositions = keyPositions(cryptoText);

        try (ServerProcess server = ServerProcess.start(tmp, "--index-dir", tmp.resolve("index").toString())) {
            JsonRpcClient c = server.client();
            c.request("initialize", initialize(snark));
            c.notify("initialized", Map.of());
            c.awaitNotification("$/progress", p -> "end".equals(p.at("/value/kind").asText()), 180);

            // main.tex: its own bibliography (\bibliography{cryptobib/abbrev3,cryptobib/crypto,add}); we type a paragraph
            String main = snark.resolve("main.tex").toUri().toString();
            String mainText = Files.readString(snark.resolve("main.tex"));
            c.notify("textDocument/didOpen", open(main, "latex", mainText));
            int line = lineOf(mainText, "\\bibliography{");
            c.notify("textDocument/didChange", change(main, 2, line, 0,
                    "Groth \\cite{groth16}, typo \\cite{grth16}, Zerocash \\cite{zcash}, \\cite{pinoc} \\cite{zerocash}\n"));
            JsonNode hover = c.request("textDocument/hover", position(main, line, 14));
            String md = hover.at("/contents/value").asText();
            assertTrue(md.contains("**On the size of pairing-based non-interactive arguments**"), md);
            assertTrue(md.contains("Groth, J."), md);
            assertTrue(md.contains("crypto.bib:113"), md);
            JsonNode def = c.request("textDocument/definition", position(main, line, 14));
            assertEquals(cryptoUri, def.get(0).get("uri").asText());
            assertEquals(range(keyPositions.get("groth16"), "groth16"), def.get(0).get("range").toString());

            String typed = "Groth \\cite{groth16}, typo \\cite{grth16}, Zerocash \\cite{zcash}, \\cite{pinoc} \\cite{zerocash";
            JsonNode completion = c.request("textDocument/completion", position(main, line, typed.indexOf("pinoc}") + 5));
            assertEquals("pinocchio", completion.at("/items/0/label").asText(), completion.toString());
            JsonNode byTitle = c.request("textDocument/completion", position(main, line, typed.length()));
            assertTrue(labels(byTitle).contains("zcash"), "title words find keys: " + labels(byTitle));

            // completion by title outside citations: the typed words become \cite{key}
            String prose = "We build on Pinocchio: nearly practical";
            c.notify("textDocument/didChange", change(main, 3, line + 1, 0, prose + "\n"));
            JsonNode byTitleWords = c.request("textDocument/completion", position(main, line + 1, prose.length()));
            assertEquals("Pinocchio: Nearly practical verifiable computation", byTitleWords.at("/items/0/label").asText(), byTitleWords.toString());
            assertEquals("{\"range\":{\"start\":{\"line\":" + (line + 1) + ",\"character\":12},\"end\":{\"line\":" + (line + 1)
                    + ",\"character\":" + prose.length() + "}},\"newText\":\"\\\\cite{pinocchio}\"}", byTitleWords.at("/items/0/textEdit").toString());

            JsonNode links = c.request("textDocument/documentLink", Map.of("textDocument", Map.of("uri", main)));
            assertTrue(links.toString().toLowerCase().contains("https://doi.org/10.1109/sp.2014.36"), links.toString()); // DOIs are case-insensitive

            JsonNode diags = c.awaitDiagnostics(main, d -> d.toString().contains("grth16"), 30);
            assertTrue(diags.toString().contains("Unknown citation key 'grth16'; closest known: groth16"), diags.toString());

            // a Markdown note with bibliography: front matter (not on disk: the editor's buffer is what counts)
            String note = snark.resolve("reading-notes.md").toUri().toString();
            c.notify("textDocument/didOpen", open(note, "markdown",
                    "---\nbibliography: cryptobib/crypto.bib\n---\nPairings [@groth16; @pinochio] and @zcash, see @plo\n"));
            assertTrue(c.request("textDocument/hover", position(note, 3, 13)).at("/contents/value").asText()
                    .contains("On the size of pairing-based"));
            assertEquals(range(keyPositions.get("groth16"), "groth16"),
                    c.request("textDocument/definition", position(note, 3, 13)).get(0).get("range").toString());
            // key prefixes rank as the corpus ranks them: inside the key-prefix tier, newest first
            JsonNode plo = c.request("textDocument/completion", position(note, 3, 51));
            assertEquals("plonkup", plo.at("/items/0/label").asText(), plo.toString());
            assertTrue(labels(plo).contains("plonk"), labels(plo).toString());
            String noteDiagnostics = c.awaitDiagnostics(note, d -> d.size() == 2, 30).toString(); // pinochio, and "plo" being typed
            assertTrue(noteDiagnostics.contains("Unknown citation key 'pinochio'; closest known: pinocchio"), noteDiagnostics);

            // every citation of the paper (the \input files name no bibliography: they resolve through the workspace index)
            int citations = 0;
            List<String> failures = new ArrayList<>();
            try (Stream<Path> files = Files.list(snark.resolve("tex_files"))) {
                for (Path f : files.sorted().toList()) {
                    String text = Files.readString(f);
                    String uri = f.toUri().toString();
                    c.notify("textDocument/didOpen", open(uri, "latex", text));
                    TextDocument doc = TextDocument.of(uri, "latex", 1, text);
                    for (CitationRef ref : CitationScanner.refs(DocumentKind.LATEX, text)) {
                        citations++;
                        var pos = doc.position(ref.range().start() + 1);
                        String h = c.request("textDocument/hover", position(uri, pos.line(), pos.column())).at("/contents/value").asText();
                        String title = title(cryptoText, ref.key());
                        if (!h.toLowerCase().replaceAll("[^a-z0-9]", "").contains(title)) {
                            failures.add(ref.key() + ": hover " + h.lines().findFirst().orElse("") + " lacks the title");
                        }
                        JsonNode d = c.request("textDocument/definition", position(uri, pos.line(), pos.column()));
                        if (d.isEmpty() || !d.get(0).get("range").toString().equals(range(keyPositions.get(ref.key()), ref.key()))) {
                            failures.add(ref.key() + ": definition " + d);
                        }
                    }
                }
            }
            assertEquals(98, citations, "citations in snark-survey");
            assertEquals(List.of(), failures);

            c.request("shutdown", null);
            c.notify("exit", null);
            assertEquals(0, server.waitFor(20), server.log());
        }
    }

    // ---- helpers

    private static Map<String, Object> initialize(Path workspace) {
        return Map.of("processId", ProcessHandle.current().pid(),
                "rootUri", workspace.toUri().toString(),
                "workspaceFolders", List.of(Map.of("uri", workspace.toUri().toString(), "name", "snark-survey")),
                "capabilities", Map.of(
                        "window", Map.of("workDoneProgress", true),
                        "workspace", Map.of("didChangeWatchedFiles", Map.of("dynamicRegistration", true))));
    }

    private static Map<String, Object> open(String uri, String languageId, String text) {
        return Map.of("textDocument", Map.of("uri", uri, "languageId", languageId, "version", 1, "text", text));
    }

    private static Map<String, Object> change(String uri, int version, int line, int column, String text) {
        Map<String, Object> at = Map.of("line", line, "character", column);
        return Map.of("textDocument", Map.of("uri", uri, "version", version),
                "contentChanges", List.of(Map.of("range", Map.of("start", at, "end", at), "text", text)));
    }

    static Map<String, Object> position(String uri, int line, int character) {
        return Map.of("textDocument", Map.of("uri", uri), "position", Map.of("line", line, "character", character));
    }

    private static List<String> labels(JsonNode completion) {
        List<String> out = new ArrayList<>();
        completion.get("items").forEach(i -> out.add(i.get("label").asText()));
        return out;
    }

    private static int lineOf(String text, String needle) {
        int at = text.indexOf(needle);
        return (int) text.substring(0, at).chars().filter(ch -> ch == '\n').count();
    }

    /** 0-based line and UTF-16 column of every entry key in a .bib text, found with a regex (independently of the server). */
    private static Map<String, int[]> keyPositions(String bib) {
        Map<String, int[]> out = new LinkedHashMap<>();
        Matcher m = ENTRY.matcher(bib);
        while (m.find()) {
            int start = m.start(1);
            int line = (int) bib.substring(0, start).chars().filter(ch -> ch == '\n').count();
            int col = start - (bib.lastIndexOf('\n', start - 1) + 1);
            out.putIfAbsent(m.group(1), new int[] {line, col});
        }
        return out;
    }

    private static String range(int[] pos, String key) {
        return "{\"start\":{\"line\":" + pos[0] + ",\"character\":" + pos[1] + "},\"end\":{\"line\":" + pos[0]
                + ",\"character\":" + (pos[1] + key.length()) + "}}";
    }

    /** The first 20 letters and digits of an entry's title, lower-cased (enough to recognise it in a hover). */
    private static String title(String bib, String key) {
        int at = bib.indexOf("{" + key + ",");
        Matcher m = Pattern.compile("(?i)\\btitle\\s*=\\s*[{\"]+([^}\"]*)").matcher(bib);
        if (at < 0 || !m.find(at)) {
            return "";
        }
        String t = m.group(1).toLowerCase().replaceAll("[^a-z0-9]", "");
        return t.substring(0, Math.min(20, t.length()));
    }
}
