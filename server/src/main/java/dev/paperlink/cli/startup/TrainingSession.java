package dev.paperlink.cli.startup;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paperlink.cli.bench.LspPipe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A real editing session, driven over the server's pipes as an editor drives it: a workspace with
 * a LaTeX and a Markdown note citing a 300-entry .bib; initialize, open, completion as keys are
 * typed, hover, definition, links, code actions, references, symbols, an edit of the .bib on
 * disk, shutdown, exit. Run once with the index built and once more on it (the already-indexed
 * workspace a user reopens), it is what the AOT cache is trained on and what the start-up bench
 * times.
 */
public final class TrainingSession {
    static final int ENTRIES = 300;
    private static final String[] WORDS = {"attention", "graph", "neural", "retrieval", "citation", "language", "model", "sparse",
        "transformer", "learning", "vision", "proof", "zero", "knowledge", "succinct", "argument", "translation", "survey",
        "efficient", "robust", "scalable", "index", "embedding", "contrastive", "generative", "reasoning", "benchmark"};
    private static final String[] NAMES = {"Vaswani", "Devlin", "Groth", "Bitansky", "Kilian", "Micali", "Ben-Sasson", "Chiesa",
        "Lewis", "Brown", "Raffel", "Radford", "Zhang", "Wang", "Li", "Müller", "García", "Nguyen"};

    private final Path workspace;
    private final Path index;

    public TrainingSession(Path dir) {
        this.workspace = dir.resolve("workspace");
        this.index = dir.resolve("index");
    }

    public Path workspace() {
        return workspace;
    }

    public Path index() {
        return index;
    }

    /** The arguments of {@code serve} for this session's index. */
    public List<String> serveArgs() {
        return List.of("--index-dir", index.toString());
    }

    /** Writes the notes and the bibliography. */
    public void prepare() throws IOException {
        Files.createDirectories(workspace);
        Random r = new Random(42);
        StringBuilder bib = new StringBuilder();
        for (int i = 0; i < ENTRIES; i++) {
            bib.append(entry(r, i));
        }
        Files.writeString(workspace.resolve("refs.bib"), bib.toString());
        Files.writeString(workspace.resolve("note.tex"), texNote());
        Files.writeString(workspace.resolve("note.md"), "---\nbibliography: refs.bib\n---\n\n# Notes\n\nAs [@" + key(1)
                + "] shows, and [@" + key(2) + "; @" + key(3) + "].\n\nMore: [@\n");
    }

    private static String key(int i) {
        return NAMES[i % NAMES.length].toLowerCase(java.util.Locale.ROOT).replace("ü", "u").replace("í", "i") + (1990 + i % 35)
                + WORDS[i % WORDS.length] + i;
    }

    private static String entry(Random r, int i) {
        StringBuilder title = new StringBuilder();
        for (int w = 0; w < 4 + r.nextInt(6); w++) {
            title.append(w == 0 ? "" : " ").append(WORDS[r.nextInt(WORDS.length)]);
        }
        String kind = i % 3 == 0 ? "inproceedings" : "article";
        return "@" + kind + "{" + key(i) + ",\n  title = {" + Character.toUpperCase(title.charAt(0)) + title.substring(1) + "},\n"
                + "  author = {" + NAMES[i % NAMES.length] + ", Ada and " + NAMES[(i * 7 + 3) % NAMES.length] + ", B.},\n"
                + "  year = {" + (1990 + i % 35) + "},\n" + (kind.equals("article") ? "  journal = {Journal of Tests},\n"
                : "  booktitle = {Proceedings of Tests},\n") + "  doi = {10.1000/test." + i + "},\n"
                + "  abstract = {We study " + title + " and show that it works on " + (i + 2) + " benchmarks.},\n}\n\n";
    }

    private static String texNote() {
        return "\\documentclass{article}\n\\begin{document}\n\\section{Related work}\n"
                + "Attention \\cite{" + key(1) + "} and graphs~\\cite{" + key(2) + "," + key(3) + "}.\n"
                + "Typing here \\cite{\n"
                + "\\bibliography{refs}\n\\end{document}\n";
    }

    /** One session over a started server's pipes; returns its exit status. */
    public int run(Process server, boolean editBibliography) throws IOException, InterruptedException {
        try (LspPipe lsp = new LspPipe(server)) {
            String folder = workspace.toUri().toString();
            lsp.request("initialize", Map.of("processId", ProcessHandle.current().pid(), "rootUri", folder,
                    "workspaceFolders", List.of(Map.of("uri", folder, "name", "workspace")),
                    "capabilities", Map.of("window", Map.of("workDoneProgress", true),
                            "workspace", Map.of("workspaceEdit", Map.of("documentChanges", true)))));
            lsp.notify("initialized", Map.of());
            String tex = workspace.resolve("note.tex").toUri().toString();
            String md = workspace.resolve("note.md").toUri().toString();
            open(lsp, tex, "latex", workspace.resolve("note.tex"));
            untilAnswered(lsp, tex, 4, 12, key(5).substring(0, 4));
            for (int i = 0; i < 40; i++) {
                String typed = key(i).substring(0, 1 + i % 6);
                lsp.notify("textDocument/didChange", Map.of("textDocument", Map.of("uri", tex, "version", 2 + i),
                        "contentChanges", List.of(Map.of("text", texNoteTyping(typed)))));
                lsp.request("textDocument/completion", position(tex, 4, 12 + typed.length()));
            }
            for (int i = 0; i < 10; i++) {
                lsp.request("textDocument/hover", position(tex, 3, 18));
                lsp.request("textDocument/definition", position(tex, 3, 18));
            }
            lsp.request("textDocument/documentLink", Map.of("textDocument", Map.of("uri", tex)));
            lsp.request("textDocument/codeAction", Map.of("textDocument", Map.of("uri", tex),
                    "range", Map.of("start", Map.of("line", 3, "character", 0), "end", Map.of("line", 3, "character", 10)),
                    "context", Map.of("diagnostics", List.of())));
            lsp.request("textDocument/references", Map.of("textDocument", Map.of("uri", tex), "position",
                    Map.of("line", 3, "character", 18), "context", Map.of("includeDeclaration", true)));
            lsp.request("textDocument/documentSymbol", Map.of("textDocument", Map.of("uri", tex)));
            open(lsp, md, "markdown", workspace.resolve("note.md"));
            lsp.request("textDocument/completion", position(md, 8, 8));
            lsp.request("textDocument/hover", position(md, 6, 7));
            lsp.request("workspace/symbol", Map.of("query", key(7).substring(0, 5)));
            if (editBibliography) {
                Path bib = workspace.resolve("refs.bib");
                Files.writeString(bib, Files.readString(bib) + entry(new Random(7), ENTRIES));
                lsp.notify("workspace/didChangeWatchedFiles", Map.of("changes", List.of(Map.of("uri", bib.toUri().toString(), "type", 2))));
                String k = key(ENTRIES).substring(0, 6);
                for (int i = 0; i < 100; i++) { // until the new entry is indexed
                    lsp.notify("textDocument/didChange", Map.of("textDocument", Map.of("uri", tex, "version", 100 + i),
                            "contentChanges", List.of(Map.of("text", texNoteTyping(k)))));
                    JsonNode items = lsp.request("textDocument/completion", position(tex, 4, 12 + k.length()));
                    if (items != null && items.toString().contains(key(ENTRIES))) {
                        break;
                    }
                    Thread.sleep(100);
                }
            }
            return lsp.shutdown(300);
        }
    }

    private static String texNoteTyping(String typed) {
        return texNote().replace("Typing here \\cite{\n", "Typing here \\cite{" + typed + "\n");
    }

    private static void open(LspPipe lsp, String uri, String language, Path file) throws IOException {
        lsp.notify("textDocument/didOpen", Map.of("textDocument", Map.of("uri", uri, "languageId", language, "version", 1,
                "text", Files.readString(file))));
    }

    /** Completion after {@code prefix} until it holds a paper (the index may still be reading the workspace). */
    private static void untilAnswered(LspPipe lsp, String uri, int line, int character, String prefix) throws IOException, InterruptedException {
        for (int i = 0; i < 300; i++) {
            JsonNode r = lsp.request("textDocument/completion", position(uri, line, character));
            JsonNode items = r == null ? null : r.isArray() ? r : r.path("items");
            if (items != null && items.size() > 0) {
                return;
            }
            Thread.sleep(50);
        }
    }

    static Map<String, Object> position(String uri, int line, int character) {
        return Map.of("textDocument", Map.of("uri", uri), "position", Map.of("line", line, "character", character));
    }
}
