package dev.paperlink.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paperlink.corpus.model.Paper;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.IntFunction;

/**
 * The corpus workload over the language server's pipes (bench-lsp's, and bench --solr's on each
 * backend): a LaTeX note citing papers sampled from the corpus, and completion of an open citation
 * with the first four letters of a key, hover and definition on the key, timed.
 */
public final class CorpusOverPipe {
    private CorpusOverPipe() {
    }

    /** The note: line 2i an open citation with the first letters of a key (completion), line 2i+1 the key (hover, definition). */
    public static String note(List<Paper> sample) {
        StringBuilder doc = new StringBuilder();
        for (Paper p : sample) {
            doc.append("\\cite{").append(p.key(), 0, Math.min(4, p.key().length())).append('\n');
            doc.append("See \\cite{").append(p.key()).append("}.\n");
        }
        return doc.toString();
    }

    /** {@code initialize} and {@code initialized}, the client able to show progress. */
    public static void initialize(LspPipe lsp) throws IOException {
        lsp.request("initialize", initializeParams());
        lsp.notify("initialized", Map.of());
    }

    public static Map<String, Object> initializeParams() {
        return Map.of("processId", ProcessHandle.current().pid(), "capabilities", Map.of("window", Map.of("workDoneProgress", true)));
    }

    /** Opens the note on the sample as {@code uri} and waits for its diagnostics. */
    public static void open(LspPipe lsp, String uri, List<Paper> sample) throws IOException {
        lsp.notify("textDocument/didOpen", Map.of("textDocument", Map.of("uri", uri, "languageId", "latex", "version", 1, "text", note(sample))));
        lsp.await("textDocument/publishDiagnostics", p -> uri.equals(p.path("uri").asText()), 300);
    }

    /** Completion, hover and definition on the open note, each {@code warmup} times untimed, then {@code requests} times timed. */
    public static Map<String, Latency> time(LspPipe lsp, String uri, List<Paper> sample, int warmup, int requests, PrintWriter err)
            throws IOException {
        Map<String, Latency> out = new LinkedHashMap<>();
        out.put("completion", time(lsp, "textDocument/completion", sample, warmup, requests, i -> position(uri, 2 * i, 10),
                (p, r) -> r.path("items").findValuesAsText("label").contains(p.key())));
        err.println("completion done");
        out.put("hover", time(lsp, "textDocument/hover", sample, warmup, requests, i -> position(uri, 2 * i + 1, 11),
                (p, r) -> r.isObject() && r.at("/contents/value").asText().contains("**")));
        out.put("definition", time(lsp, "textDocument/definition", sample, warmup, requests, i -> position(uri, 2 * i + 1, 11),
                (p, r) -> r.isArray() && !r.isEmpty()));
        return out;
    }

    /**
     * Waits until hover on the note's second line (the first sampled paper's whole key) shows the
     * paper: the server's corpus is ready. (Not completion of its four letters: those may be
     * ambiguous enough that the paper is never among the items.)
     */
    public static void awaitAnswers(LspPipe lsp, String uri, List<Paper> sample, int seconds) throws IOException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            JsonNode r = lsp.request("textDocument/hover", position(uri, 1, 11));
            if (r != null && r.isObject() && r.at("/contents/value").asText().contains("**")) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
        throw new IOException("the server did not show " + sample.get(0).key() + " on hover within " + seconds + " s");
    }

    private static Latency time(LspPipe lsp, String method, List<Paper> sample, int warmup, int requests, IntFunction<Object> params,
                                BiPredicate<Paper, JsonNode> correct) throws IOException {
        for (int i = 0; i < warmup; i++) {
            lsp.request(method, params.apply(i % sample.size()));
        }
        long[] nanos = new long[requests];
        int found = 0;
        for (int i = 0; i < requests; i++) {
            int k = (warmup + i) % sample.size();
            long t = System.nanoTime();
            JsonNode r = lsp.request(method, params.apply(k));
            nanos[i] = System.nanoTime() - t;
            if (correct.test(sample.get(k), r)) {
                found++;
            }
        }
        return Latency.of(method, nanos, found);
    }

    /** The URI of the note in a scratch folder. */
    public static String uri(Path dir) {
        return dir.resolve("bench.tex").toUri().toString();
    }

    private static Map<String, Object> position(String uri, int line, int character) {
        return Map.of("textDocument", Map.of("uri", uri), "position", Map.of("line", line, "character", character));
    }
}
