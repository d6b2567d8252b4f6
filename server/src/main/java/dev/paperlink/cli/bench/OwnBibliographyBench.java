package dev.paperlink.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The "own bibliography" workload of {@code paperlink bench-lsp}: the first N entries of a BibTeX
 * corpus written as the writer's own {@code bN.bib}, named by {@code \bibliography{bN}} in a LaTeX
 * note of the workspace folder (no corpus configured), measured over the server's pipes as an
 * editor sees it:
 * <ul>
 *   <li>cold (no index yet) and warm (the index of the first run): {@code didOpen} of the note to
 *       the first completion answer that holds the expected key, and how many answers came empty
 *       before it (a client asks again on the next keystroke only);</li>
 *   <li>typing: every keystroke of a key prefix is a {@code didChange} then a completion request;</li>
 *   <li>hover and definition on the note's citations;</li>
 *   <li>an unsaved edit of the open .bib (a new entry) to the completion that offers it;</li>
 *   <li>the server's peak resident memory ({@code VmHWM}).</li>
 * </ul>
 */
public final class OwnBibliographyBench {
    /** Fresh servers started on the finished index, the median reported. */
    static final int WARM_STARTS = 5;
    private static final Pattern ENTRY_START = Pattern.compile("^@(\\w+)\\s*\\{\\s*([^,\\s]+)\\s*,");

    /** Starts a server process: its index folder and flags are the caller's. */
    public interface Servers {
        Process start(Path indexDir) throws IOException;
    }

    private final Servers servers;
    private final PrintWriter err;
    private final int keystrokes;
    private final long seed;

    public OwnBibliographyBench(Servers servers, PrintWriter err, int keystrokes, long seed) {
        this.servers = servers;
        this.err = err;
        this.keystrokes = keystrokes;
        this.seed = seed;
    }

    /** Writes the first {@code n} entries of {@code bib} (all when n ≤ 0) into {@code dir}/bN.bib; returns the keys. */
    public static List<String> writeBibliography(Path bib, int n, Path out) throws IOException {
        List<String> keys = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(dev.paperlink.corpus.source.SourceFiles.open(bib));
             Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                Matcher m = ENTRY_START.matcher(line);
                if (m.find() && !m.group(1).equalsIgnoreCase("string") && !m.group(1).equalsIgnoreCase("preamble")
                        && !m.group(1).equalsIgnoreCase("comment")) {
                    if (n > 0 && keys.size() == n) {
                        break;
                    }
                    keys.add(m.group(2));
                }
                w.write(line);
                w.write('\n');
            }
        }
        return keys;
    }

    public Map<String, Object> run(Path bib, int n, Path scratch) throws IOException, InterruptedException {
        Path ws = Files.createDirectories(scratch.resolve("own-" + (n > 0 ? n : "all")));
        String name = "b" + (n > 0 ? (n % 1000 == 0 ? n / 1000 + "k" : Integer.toString(n)) : "all");
        Path bibFile = ws.resolve(name + ".bib");
        List<String> keys = writeBibliography(bib, n, bibFile);
        err.printf("own bibliography: %s with %,d entries (%.1f MB)%n", bibFile.getFileName(), keys.size(), Files.size(bibFile) / 1e6);
        Random random = new Random(seed);
        List<String> cited = new ArrayList<>();
        for (int i = 0; i < 200 && !keys.isEmpty(); i++) {
            cited.add(keys.get(random.nextInt(keys.size())));
        }
        StringBuilder note = new StringBuilder("\\documentclass{article}\n\\begin{document}\n");
        for (String k : cited) {
            note.append("As shown in \\cite{").append(k).append("}, it works.\n");
        }
        note.append("\\bibliography{").append(name).append("}\n\\end{document}\n");
        String noteText = note.toString();
        Path noteFile = ws.resolve("note.tex");
        Files.writeString(noteFile, noteText);

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("entries", keys.size());
        figures.put("bibMB", Files.size(bibFile) / 1e6);
        Path index = scratch.resolve("own-index-" + name);
        figures.put("cold", session(ws, index, noteFile, noteText, bibFile, cited, true));
        // warm: fresh servers on the index the cold one left; the median start by its first answer with the key
        List<Map<String, Object>> warm = new ArrayList<>();
        for (int i = 0; i < WARM_STARTS; i++) {
            warm.add(session(ws, index, noteFile, noteText, bibFile, cited, false));
        }
        warm.sort(java.util.Comparator.comparingLong(w -> (Long) w.get("openToAnswerWithKeyMs")));
        Map<String, Object> median = new LinkedHashMap<>(warm.get(warm.size() / 2));
        median.put("starts", warm.size());
        median.put("openToAnswerWithKeyMsEach", warm.stream().map(w -> w.get("openToAnswerWithKeyMs")).toList());
        figures.put("warm", median);
        return figures;
    }

    private Map<String, Object> session(Path ws, Path index, Path noteFile, String noteText, Path bibFile, List<String> cited,
                                        boolean full) throws IOException, InterruptedException {
        Map<String, Object> out = new LinkedHashMap<>();
        String uri = noteFile.toUri().toString();
        long t0 = System.nanoTime();
        Process process = servers.start(index);
        try (LspPipe lsp = new LspPipe(process)) {
            lsp.request("initialize", Map.of("processId", ProcessHandle.current().pid(),
                    "rootUri", ws.toUri().toString(),
                    "workspaceFolders", List.of(Map.of("uri", ws.toUri().toString(), "name", "ws")),
                    "capabilities", Map.of("window", Map.of("workDoneProgress", true))));
            out.put("startToInitializeMs", ms(t0));
            lsp.notify("initialized", Map.of());
            // the first cited key's first letters, on a new last line: "\cite{abcd"
            String first = cited.get(0);
            String prefix = first.substring(0, Math.min(4, first.length()));
            int lines = (int) noteText.chars().filter(c -> c == '\n').count();
            String opened = noteText + "\\cite{" + prefix;
            long open = System.nanoTime();
            lsp.notify("textDocument/didOpen", Map.of("textDocument", Map.of("uri", uri, "languageId", "latex", "version", 1, "text", opened)));
            int without = 0;
            int empty = 0;
            long firstAnswer = -1;
            int firstItems = -1;
            while (true) {
                JsonNode r = lsp.request("textDocument/completion", position(uri, lines, 6 + prefix.length()));
                if (firstAnswer < 0) {
                    firstAnswer = ms(open);
                    firstItems = labels(r).size();
                }
                if (labels(r).contains(first)) {
                    break;
                }
                without++;
                empty += labels(r).isEmpty() ? 1 : 0;
                if (ms(open) > 120_000) {
                    throw new IOException("no completion with " + first + " within 120 s of opening the note");
                }
                Thread.sleep(20);
            }
            out.put("openToFirstAnswerMs", firstAnswer);
            out.put("openToAnswerWithKeyMs", ms(open));
            out.put("firstAnswerItems", firstItems);
            out.put("answersWithoutTheKey", without);
            out.put("emptyAnswers", empty);
            out.put("processStartToAnswerWithKeyMs", ms(t0));
            if (!full) {
                out.put("peakRssMB", peakRssMb(process));
                lsp.shutdown();
                return out;
            }
            lsp.await("$/progress", p -> "end".equals(p.at("/value/kind").asText()), 600);
            out.put("indexedMs", ms(open));
            out.put("peakRssIndexedMB", peakRssMb(process));
            // typing: a new line "\cite{" then the first letters of a key, one keystroke at a time
            int version = 1;
            int line = lines;
            StringBuilder current = new StringBuilder(opened);
            List<Long> typing = new ArrayList<>();
            int right = 0;
            int typed = 0;
            int asked = 0;
            for (int i = 0; asked < keystrokes; i++) {
                String key = cited.get(i % cited.size());
                String insert = "\n\\cite{";
                lsp.notify("textDocument/didChange", change(uri, ++version, line, current, insert));
                current.append(insert);
                line++;
                int col = 6;
                typed++;
                for (int c = 0; c < Math.min(5, key.length()) && asked < keystrokes; c++) {
                    String ch = key.substring(c, c + 1);
                    lsp.notify("textDocument/didChange", change(uri, ++version, line, current, ch));
                    current.append(ch);
                    col++;
                    long t = System.nanoTime();
                    JsonNode r = lsp.request("textDocument/completion", position(uri, line, col));
                    typing.add(System.nanoTime() - t);
                    asked++;
                    if (c == Math.min(5, key.length()) - 1 && labels(r).contains(key)) {
                        right++; // the typed key is offered once five letters are typed
                    }
                }
            }
            // "right": the share of typed keys offered after their fifth letter
            out.put("typingCompletion", latency("typing completion", typing, (int) Math.round((double) right / typed * typing.size())));
            // hover and definition on the note's citations (line 2 + i, column inside the key)
            List<Long> hover = new ArrayList<>();
            List<Long> definition = new ArrayList<>();
            int hoverRight = 0;
            int definitionRight = 0;
            for (int round = 0; round < 3; round++) {
                for (int i = 0; i < cited.size(); i++) {
                    Object pos = position(uri, 2 + i, 19);
                    long t = System.nanoTime();
                    JsonNode h = lsp.request("textDocument/hover", pos);
                    hover.add(System.nanoTime() - t);
                    hoverRight += h != null && h.at("/contents/value").asText().contains("**") ? 1 : 0;
                    t = System.nanoTime();
                    JsonNode d = lsp.request("textDocument/definition", pos);
                    definition.add(System.nanoTime() - t);
                    definitionRight += d != null && d.isArray() && !d.isEmpty()
                            && d.get(0).path("uri").asText().endsWith(bibFile.getFileName().toString()) ? 1 : 0;
                }
            }
            out.put("hover", latency("hover", hover, hoverRight));
            out.put("definition", latency("definition", definition, definitionRight));
            out.put("peakRssBeforeBibOpenMB", peakRssMb(process));
            // an unsaved edit of the .bib in the editor: a new entry at its end, then completion of its key
            String bibUri = bibFile.toUri().toString();
            String bibText = Files.readString(bibFile);
            lsp.notify("textDocument/didOpen", Map.of("textDocument", Map.of("uri", bibUri, "languageId", "bibtex", "version", 1, "text", bibText)));
            List<Long> afterEdit = new ArrayList<>();
            int editRight = 0;
            int bibLines = (int) bibText.chars().filter(c -> c == '\n').count();
            StringBuilder bibNow = new StringBuilder(bibText);
            for (int e = 0; e < 20; e++) {
                String key = "zzbench" + e + "new";
                String entry = "@article{" + key + ",\n  title = {A Paper Added in the Editor " + e + "},\n  author = {Doe, Jane},\n  year = {2024},\n}\n";
                lsp.notify("textDocument/didChange", change(bibUri, e + 2, bibLines, bibNow, entry));
                bibNow.append(entry);
                bibLines += 5;
                lsp.notify("textDocument/didChange", change(uri, ++version, line, current, "\n\\cite{zzbench" + e));
                current.append("\n\\cite{zzbench").append(e);
                line++;
                long t = System.nanoTime();
                JsonNode r = lsp.request("textDocument/completion", position(uri, line, 6 + ("zzbench" + e).length()));
                afterEdit.add(System.nanoTime() - t);
                editRight += labels(r).contains(key) ? 1 : 0;
            }
            out.put("completionAfterBibEdit", latency("completion after a .bib edit", afterEdit, editRight));
            out.put("peakRssMB", peakRssMb(process));
            lsp.shutdown();
        }
        return out;
    }

    private static Map<String, Object> change(String uri, int version, int line, CharSequence text, String insert) {
        int lastNl = lastIndexOf(text, '\n');
        int col = text.length() - lastNl - 1;
        Map<String, Object> pos = Map.of("line", line, "character", col);
        return Map.of("textDocument", Map.of("uri", uri, "version", version),
                "contentChanges", List.of(Map.of("range", Map.of("start", pos, "end", pos), "text", insert)));
    }

    private static int lastIndexOf(CharSequence s, char c) {
        for (int i = s.length() - 1; i >= 0; i--) {
            if (s.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> labels(JsonNode r) {
        return r == null ? List.of() : r.path("items").findValuesAsText("label");
    }

    private static Latency latency(String kind, List<Long> nanos, int right) {
        return Latency.of(kind, nanos.stream().mapToLong(Long::longValue).toArray(), right);
    }

    private static Object position(String uri, int line, int character) {
        return Map.of("textDocument", Map.of("uri", uri), "position", Map.of("line", line, "character", character));
    }

    private static long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }

    /** The process's peak resident set (Linux {@code VmHWM}), in MB; -1 where it cannot be read. */
    static double peakRssMb(Process p) {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/" + p.pid() + "/status"))) {
                if (l.startsWith("VmHWM:")) {
                    return Long.parseLong(l.replaceAll("\\D", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return -1;
    }

    /** The text report of one size. */
    @SuppressWarnings("unchecked")
    public static String text(String label, Map<String, Object> f) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("own bibliography %s: %,d entries (%.1f MB) named by \\bibliography in the note%n", label, f.get("entries"), f.get("bibMB")));
        Function<String, Map<String, Object>> run = k -> (Map<String, Object>) f.get(k);
        for (String k : List.of("cold", "warm")) {
            Map<String, Object> r = run.apply(k);
            sb.append(String.format("  %-4s initialize %s ms; open -> first answer %s ms (%s items), -> answer with the key %s ms (%s answers without it, %s empty); peak RSS %.0f MB%n",
                    k, r.get("startToInitializeMs"), r.get("openToFirstAnswerMs"), r.get("firstAnswerItems"), r.get("openToAnswerWithKeyMs"),
                    r.get("answersWithoutTheKey"), r.get("emptyAnswers"), (Double) r.get("peakRssMB")));
        }
        sb.append(String.format("  warm: the median of %s fresh servers on the finished index (to the answer with the key: %s ms)%n",
                run.apply("warm").get("starts"), run.apply("warm").get("openToAnswerWithKeyMsEach")));
        Map<String, Object> cold = run.apply("cold");
        sb.append(String.format("  indexed %s ms after open; cold peak RSS: %.0f MB when indexed, %.0f MB before the .bib is opened in the editor%n",
                cold.get("indexedMs"), (Double) cold.get("peakRssIndexedMB"), (Double) cold.get("peakRssBeforeBibOpenMB")));
        sb.append(String.format("  %-30s %8s %8s %8s %8s %8s %8s%n", "latency over the pipe (ms)", "requests", "p50", "p95", "p99", "max", "right"));
        for (String k : List.of("typingCompletion", "hover", "definition", "completionAfterBibEdit")) {
            Latency l = (Latency) cold.get(k);
            sb.append(String.format("  %-30s %8d %8.3f %8.3f %8.3f %8.2f %7.1f%%%n", l.kind(), l.queries(), l.p50(), l.p95(), l.p99(), l.max(), 100 * l.top10Rate()));
        }
        return sb.toString();
    }
}
