package dev.paperlink.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paperlink.corpus.Corpus;
import dev.paperlink.server.bibliography.DocumentBibliography;
import dev.paperlink.server.config.ServerConfig;
import dev.paperlink.server.document.TextDocument;
import dev.paperlink.server.document.TextRange;
import dev.paperlink.server.feature.CancelToken;
import dev.paperlink.server.feature.FeatureParams;
import dev.paperlink.server.feature.PaperLookup;
import dev.paperlink.server.feature.completion.CompletionFeature;
import dev.paperlink.server.feature.related.CiteRelated;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How long related papers take where a writer meets them: completion in an empty {@code \cite{}}
 * at the end of a sentence, and the "Cite a related paper…" code action on it. Each sentence is
 * a note of its own, asked once (the first completion of a sentence computes its embedding; the
 * keys typed after it reuse it), so these are the slow cases. In-process: the feature functions on
 * the corpus; over the pipe: the language server as an editor sees it. Warm-up sentences are
 * others than the timed ones. The code action that follows a completion finds its ranking kept;
 * "code action, new sentence" is the action on a sentence nothing was asked about (a word put
 * before it, so that neither its embedding nor its ranking is kept).
 */
public final class RelatedLatency {
    private RelatedLatency() {
    }

    /** A note of one sentence with an empty citation before its full stop, and where the cursor is. */
    record Note(String text, int cursor) {
        static Note of(String sentence) {
            String s = sentence.strip().replaceAll("[.!?]+$", "");
            return new Note(s + " \\cite{}.\n", s.length() + " \\cite{".length());
        }
    }

    public static Map<String, Latency> inProcess(Corpus corpus, List<String> warmup, List<String> timed) {
        PaperLookup lookup = PaperLookup.of(corpus);
        run(lookup, warmup);
        return run(lookup, timed);
    }

    private static Map<String, Latency> run(PaperLookup lookup, List<String> sentences) {
        long[] completion = new long[sentences.size()];
        long[] action = new long[sentences.size()];
        long[] alone = new long[sentences.size()];
        for (int i = 0; i < sentences.size(); i++) {
            Note n = Note.of(sentences.get(i));
            TextDocument doc = TextDocument.of("file:///bench/note" + i + ".tex", "latex", 1, n.text());
            FeatureParams p = new FeatureParams(doc, n.cursor(), DocumentBibliography.NONE, lookup, ServerConfig.DEFAULT, CancelToken.NONE);
            long t0 = System.nanoTime();
            CompletionFeature.complete(p);
            long t1 = System.nanoTime();
            CiteRelated.actions(p.at(0), new TextRange(0, 0));
            long t2 = System.nanoTime();
            completion[i] = t1 - t0;
            action[i] = t2 - t1;
        }
        for (int i = 0; i < sentences.size(); i++) { // the code action on a sentence nothing was asked about yet
            Note n = Note.of("Indeed, " + sentences.get(sentences.size() - 1 - i));
            TextDocument doc = TextDocument.of("file:///bench/alone" + i + ".tex", "latex", 1, n.text());
            FeatureParams p = new FeatureParams(doc, 0, DocumentBibliography.NONE, lookup, ServerConfig.DEFAULT, CancelToken.NONE);
            long t0 = System.nanoTime();
            CiteRelated.actions(p, new TextRange(0, 0));
            alone[i] = System.nanoTime() - t0;
        }
        Map<String, Latency> out = new LinkedHashMap<>();
        out.put("context completion", Latency.of("context completion", completion, 0));
        out.put("cite code action", Latency.of("cite code action", action, 0));
        out.put("code action, new sentence", Latency.of("code action, new sentence", alone, 0));
        return out;
    }

    /** The server as a process over its pipes, on the given (already built) index. */
    public static Map<String, Latency> overPipe(Path indexDir, List<Path> corpus, String jvmFlags, List<String> warmup, List<String> timed)
            throws IOException, InterruptedException {
        List<String> args = new java.util.ArrayList<>(List.of("serve", "--index-dir", indexDir.toString()));
        if (!corpus.isEmpty()) {
            args.add("--corpus");
            corpus.forEach(c -> args.add(c.toString()));
        }
        try (LspPipe lsp = new LspPipe(FreshJvm.start(FreshJvm.command(jvmFlags, null, dev.paperlink.cli.Main.class.getName(), args)))) {
            lsp.request("initialize", Map.of("capabilities", Map.of()));
            lsp.notify("initialized", Map.of());
            lsp.await("window/logMessage", m -> m.path("message").asText().contains("indexed in"), 600);
            // the check of the index's checksums after the first run reads all of it: not while timing
            lsp.await("window/logMessage", m -> m.path("message").asText().contains("checksums verified"), 600);
            Map<String, Latency> out = overPipe(lsp, warmup, timed);
            lsp.shutdown();
            return out;
        }
    }

    /** On a server already initialized and ready: the warm-up sentences untimed, then the timed ones. */
    public static Map<String, Latency> overPipe(LspPipe lsp, List<String> warmup, List<String> timed) throws IOException {
        pipe(lsp, warmup, "warm");
        return pipe(lsp, timed, "timed");
    }

    private static Map<String, Latency> pipe(LspPipe lsp, List<String> sentences, String prefix) throws IOException {
        long[] completion = new long[sentences.size()];
        long[] action = new long[sentences.size()];
        for (int i = 0; i < sentences.size(); i++) {
            Note n = Note.of(sentences.get(i));
            String uri = "file:///bench/" + prefix + i + ".tex";
            lsp.notify("textDocument/didOpen", Map.of("textDocument", Map.of("uri", uri, "languageId", "latex", "version", 1, "text", n.text())));
            Map<String, Object> at = Map.of("line", 0, "character", n.cursor());
            long t0 = System.nanoTime();
            JsonNode items = lsp.request("textDocument/completion", Map.of("textDocument", Map.of("uri", uri), "position", at));
            long t1 = System.nanoTime();
            lsp.request("textDocument/codeAction", Map.of("textDocument", Map.of("uri", uri),
                    "range", Map.of("start", Map.of("line", 0, "character", 0), "end", Map.of("line", 0, "character", 0)),
                    "context", Map.of("diagnostics", List.of())));
            long t2 = System.nanoTime();
            completion[i] = t1 - t0;
            action[i] = t2 - t1;
            lsp.notify("textDocument/didClose", Map.of("textDocument", Map.of("uri", uri)));
            if (items == null) {
                throw new IOException("no completion answer for " + uri);
            }
        }
        long[] alone = new long[sentences.size()];
        for (int i = 0; i < sentences.size(); i++) { // the code action on a sentence nothing was asked about yet
            Note n = Note.of("Indeed, " + sentences.get(sentences.size() - 1 - i));
            String uri = "file:///bench/" + prefix + "-alone" + i + ".tex";
            lsp.notify("textDocument/didOpen", Map.of("textDocument", Map.of("uri", uri, "languageId", "latex", "version", 1, "text", n.text())));
            long t0 = System.nanoTime();
            lsp.request("textDocument/codeAction", Map.of("textDocument", Map.of("uri", uri), "range", range(0, 0),
                    "context", Map.of("diagnostics", List.of())));
            alone[i] = System.nanoTime() - t0;
            lsp.notify("textDocument/didClose", Map.of("textDocument", Map.of("uri", uri)));
        }
        long[] typed = new long[sentences.size()];
        for (int i = 0; i < sentences.size(); i++) {
            // as a writer types: the sentence, a pause, then the citation
            Note n = Note.of(sentences.get(i));
            String uri = "file:///bench/" + prefix + "-typed" + i + ".tex";
            String sentence = n.text().substring(0, n.text().indexOf(" \\cite{}"));
            lsp.notify("textDocument/didOpen", Map.of("textDocument", Map.of("uri", uri, "languageId", "latex", "version", 1, "text", "\n")));
            lsp.notify("textDocument/didChange", Map.of("textDocument", Map.of("uri", uri, "version", 2),
                    "contentChanges", List.of(Map.of("range", range(0, 0), "text", sentence))));
            sleep(PAUSE_MS);
            lsp.notify("textDocument/didChange", Map.of("textDocument", Map.of("uri", uri, "version", 3),
                    "contentChanges", List.of(Map.of("range", range(0, sentence.length()), "text", " \\cite{}."))));
            long t0 = System.nanoTime();
            lsp.request("textDocument/completion", Map.of("textDocument", Map.of("uri", uri), "position", Map.of("line", 0, "character", n.cursor())));
            typed[i] = System.nanoTime() - t0;
            lsp.notify("textDocument/didClose", Map.of("textDocument", Map.of("uri", uri)));
        }
        Map<String, Latency> out = new LinkedHashMap<>();
        out.put("context completion", Latency.of("context completion", completion, 0));
        out.put("cite code action", Latency.of("cite code action", action, 0));
        out.put("code action, new sentence", Latency.of("code action, new sentence", alone, 0));
        out.put("completion after a pause", Latency.of("completion after a pause", typed, 0));
        return out;
    }

    /** The pause between the sentence typed and the citation typed after it (people pause longer). */
    static final long PAUSE_MS = 400;

    private static Map<String, Object> range(int line, int character) {
        Map<String, Object> at = Map.of("line", line, "character", character);
        return Map.of("start", at, "end", at);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
