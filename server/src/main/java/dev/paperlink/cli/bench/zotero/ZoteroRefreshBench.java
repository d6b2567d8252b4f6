package dev.paperlink.cli.bench.zotero;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paperlink.cli.bench.Latency;
import dev.paperlink.cli.bench.LspPipe;
import dev.paperlink.cli.bench.ProcessCpu;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The "Zotero library, live" workload of {@code paperlink bench --zotero-refresh}: a generated
 * library ({@link ZoteroLibrary}) followed by the real language server over its pipes, as an editor
 * sees it, while the library is changed as Zotero and Better BibTeX change it ({@link ZoteroEdits}).
 *
 * <ol>
 *   <li><b>first index</b>: the server starts with the setting {@code zotero: {enabled, dataDirectory}}
 *       (as VS Code sends it) on an empty index; the time from {@code initialized} to the end of its
 *       first index run (its {@code $/progress} end), the run's own time (its log line
 *       {@code indexed in N ms}), the server's CPU time meanwhile, its peak resident memory;</li>
 *   <li><b>delay</b>: one change at a time, alternately a new item with a fresh title (and, a moment
 *       later, its BBT key) and a renamed title of an item; after the change is committed,
 *       completion is asked every {@value #POLL_MS} ms in an open note, at a citation typed
 *       beforehand (the new key's first letters; the new title's first word), until the answer
 *       holds the change: that time is the delay the user sees (the watcher's look, its quiet time,
 *       the refresh, the publish);</li>
 *   <li><b>cost of one refresh</b>: the same changes with no requests meanwhile, each waited for by
 *       its {@code $/progress} end: the run's own time (log), the wall time from the commit, and the
 *       server's CPU time from the commit to the end of the run, less what the idle server used
 *       (measured before, over a quiet stretch: the watcher's looks).</li>
 * </ol>
 */
public final class ZoteroRefreshBench {
    /** How often completion is asked while waiting for a change. */
    static final int POLL_MS = 25;
    /** The time left between changes, so that the watcher (a look each second, 0.3 s of quiet) sees each alone. */
    static final int PAUSE_MS = 1_500;
    static final int CHANGE_TIMEOUT_S = 120;
    private static final Pattern INDEXED = Pattern.compile("indexed in (\\d+) ms: (\\d+) papers");

    /** Starts a server process on an index folder: its flags are the caller's. */
    public interface Servers {
        Process start(Path indexDir) throws IOException;
    }

    private final Servers servers;
    private final PrintWriter err;
    private final int changes;
    private final long seed;
    private final boolean embeddings;

    /**
     * @param embeddings leave the server's related-paper embeddings on: where the model is installed
     *                   it embeds every paper in the background (minutes of CPU for a new library),
     *                   which the figures would then include; off by default ({@code related.embeddings: false})
     */
    public ZoteroRefreshBench(Servers servers, PrintWriter err, int changes, long seed, boolean embeddings) {
        this.servers = servers;
        this.err = err;
        this.changes = changes;
        this.seed = seed;
        this.embeddings = embeddings;
    }

    /** Runs the workload on a generated library; the index and the note go into {@code scratch}. */
    public Map<String, Object> run(ZoteroLibrary.Summary library, Path scratch) throws IOException, InterruptedException, SQLException {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("library", libraryFigures(library));
        Path ws = Files.createDirectories(scratch.resolve("notes"));
        Path note = ws.resolve("note.tex");
        String text = "\\documentclass{article}\n\\begin{document}\n";
        Files.writeString(note, text);
        String uri = note.toUri().toString();
        Random random = new Random(seed);
        List<ZoteroLibrary.Item> renamable = new ArrayList<>(library.liveItems().stream().filter(i -> !i.citationKey().isEmpty()).toList());
        Collections.shuffle(renamable, random);

        long t0 = System.nanoTime();
        Process process = servers.start(scratch.resolve("index"));
        long pid = process.pid();
        try (LspPipe lsp = new LspPipe(process);
             ZoteroEdits edits = ZoteroEdits.open(library.dataDir(), seed)) {
            Map<String, Object> settings = Map.of("zotero", Map.of("enabled", true, "dataDirectory", library.dataDir().toString(),
                    "libraries", List.of(), "collections", List.of()), "related", Map.of("embeddings", embeddings));
            out.put("settings", settings);
            lsp.request("initialize", Map.of("processId", ProcessHandle.current().pid(),
                    "rootUri", ws.toUri().toString(),
                    "workspaceFolders", List.of(Map.of("uri", ws.toUri().toString(), "name", "notes")),
                    "initializationOptions", settings,
                    "capabilities", Map.of("window", Map.of("workDoneProgress", true))));
            long initializeMs = ms(t0);
            long cpuAtInitialized = ProcessCpu.millis(pid);
            long initialized = System.nanoTime();
            lsp.notify("initialized", Map.of());

            // 1. the first index run of the whole library
            Run first = awaitRun(lsp, initialized, 1_800);
            Map<String, Object> firstIndex = new LinkedHashMap<>();
            firstIndex.put("startToInitializeMs", initializeMs);
            firstIndex.put("initializedToIndexedMs", first.endMs());
            firstIndex.put("serverRunMs", first.serverMs());
            firstIndex.put("papers", first.papers());
            firstIndex.put("serverCpuMs", ProcessCpu.millis(pid) - cpuAtInitialized);
            firstIndex.put("serverCpuFromStartMs", ProcessCpu.millis(pid));
            firstIndex.put("peakRssMB", peakRssMb(pid));
            out.put("firstIndex", firstIndex);
            err.printf("first index: %d ms to the end of the run (the server's run: %d ms, %d papers)%n",
                    first.endMs(), first.serverMs(), first.papers());
            if (first.papers() != library.live()) {
                err.printf("!! the index holds %d papers, the library %d live items%n", first.papers(), library.live());
            }

            Note doc = new Note(lsp, uri, text);
            lsp.notify("textDocument/didOpen", Map.of("textDocument", Map.of("uri", uri, "languageId", "latex", "version", 1, "text", text)));
            // a completion first: the server has answered once (and compiled that path) before anything is timed
            doc.complete(doc.cite("a"));

            // 2. the delay until completion shows a change
            List<Map<String, Object>> delays = new ArrayList<>();
            int renamed = 0;
            for (int i = 0; i < changes; i++) {
                boolean add = i % 2 == 0;
                Change c = add ? newItem(i) : rename(renamable.get(renamed++), i);
                int line = doc.cite(c.typed());
                if (labels(doc.complete(line)).contains(c.expectedKey())) {
                    throw new IOException("completion of " + c.typed() + " offers " + c.expectedKey() + " before the change");
                }
                Thread.sleep(PAUSE_MS);
                lsp.drain();
                long cpu0 = ProcessCpu.millis(pid);
                c.apply(edits);
                long committed = System.nanoTime();
                int polls = 0;
                while (true) {
                    polls++;
                    if (labels(doc.complete(line)).contains(c.expectedKey())) {
                        break;
                    }
                    if (ms(committed) > CHANGE_TIMEOUT_S * 1000L) {
                        throw new IOException("completion of " + c.typed() + " did not offer " + c.expectedKey() + " within "
                                + CHANGE_TIMEOUT_S + " s of the change");
                    }
                    Thread.sleep(POLL_MS);
                }
                long delay = ms(committed);
                Run run = awaitRun(lsp, committed, CHANGE_TIMEOUT_S);
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("change", c.kind());
                d.put("delayMs", delay);
                d.put("polls", polls);
                d.put("serverRunMs", run.serverMs());
                d.put("runs", run.runs());
                d.put("serverCpuMsWithPolling", ProcessCpu.millis(pid) - cpu0);
                delays.add(d);
                err.printf("change %d (%s): completion shows it %d ms after the commit (server's run %d ms)%n", i + 1, c.kind(), delay, run.serverMs());
            }
            out.put("delays", delays);

            // 3. the cost of one refresh, with no requests meanwhile
            Thread.sleep(PAUSE_MS);
            lsp.drain();
            long idleFrom = System.nanoTime();
            long idleCpu0 = ProcessCpu.millis(pid);
            Thread.sleep(5_000);
            double idleCpuPerMs = (double) (ProcessCpu.millis(pid) - idleCpu0) / Math.max(1, ms(idleFrom));
            List<Map<String, Object>> costs = new ArrayList<>();
            for (int i = 0; i < changes; i++) {
                boolean add = i % 2 == 0;
                Change c = add ? newItem(changes + i) : rename(renamable.get(renamed++), changes + i);
                Thread.sleep(PAUSE_MS);
                lsp.drain();
                long cpu0 = ProcessCpu.millis(pid);
                c.apply(edits);
                long committed = System.nanoTime();
                Run run = awaitRun(lsp, committed, CHANGE_TIMEOUT_S);
                long cpu = ProcessCpu.millis(pid) - cpu0;
                long wall = run.endMs();
                Map<String, Object> k = new LinkedHashMap<>();
                k.put("change", c.kind());
                k.put("commitToIndexedMs", wall);
                k.put("serverRunMs", run.serverMs());
                k.put("runs", run.runs());
                k.put("serverCpuMs", cpu);
                k.put("serverCpuLessIdleMs", Math.max(0, Math.round(cpu - idleCpuPerMs * wall)));
                costs.add(k);
                err.printf("refresh %d (%s): server's run %d ms, %d ms from the commit, server CPU %d ms%n", i + 1, c.kind(), run.serverMs(), wall, cpu);
            }
            out.put("idleCpuPercent", 100 * idleCpuPerMs);
            out.put("refreshes", costs);
            out.put("peakRssMB", peakRssMb(pid));
            // the end: every change made is in the index (added items and renamed ones)
            lsp.shutdown();
        }
        return out;
    }

    private static Map<String, Object> libraryFigures(ZoteroLibrary.Summary s) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("items", s.regular());
        m.put("live", s.live());
        m.put("trashed", s.trashed());
        m.put("attachments", s.attachments());
        m.put("files", s.files());
        m.put("notes", s.notes());
        m.put("annotations", s.annotations());
        m.put("collections", s.collections());
        m.put("bbtKeys", s.bbtKeys());
        m.put("fulltextPdfs", s.fulltextItems());
        m.put("fulltextRows", s.fulltextWords());
        m.put("databaseMB", Files.size(s.database()) / 1e6);
        m.put("betterBibtexMB", Files.size(s.betterBibtex()) / 1e6);
        return m;
    }

    /** One change of the library and how completion finds it. */
    private record Change(String kind, String typed, String expectedKey, Edit edit) {
        void apply(ZoteroEdits e) throws SQLException {
            edit.apply(e);
        }
    }

    private interface Edit {
        void apply(ZoteroEdits e) throws SQLException;
    }

    /** A word no record has: a fresh title (and key) per change. */
    static String nonce(int i) {
        StringBuilder sb = new StringBuilder("Vorpal");
        for (int n = i + 1; n > 0; n = (n - 1) / 26) {
            sb.insert(6, (char) ('a' + (n - 1) % 26));
        }
        return sb.toString();
    }

    /** A new journal article with a fresh title; BBT gives it its default key a moment later. */
    private Change newItem(int i) {
        String title = nonce(i) + " Retrieval for Libraries That Change While You Write";
        String key = Keys.betterBibtexKey("Quillon", title, "2026");
        ZoteroEdits.NewItem item = ZoteroEdits.NewItem.article(title, Creator.author("Ada", "Quillon"), "2026");
        // the key's first letters as typed: the author and the fresh word
        return new Change("add an item", key.substring(0, "quillon".length() + nonce(i).length()), key,
                e -> e.addItem(item, key));
    }

    /** A title renamed: the item keeps its key and is found by the new title's first word. */
    private Change rename(ZoteroLibrary.Item item, int i) {
        String title = nonce(i) + " " + item.title();
        return new Change("rename a title", nonce(i).toLowerCase(Locale.ROOT), item.citationKey(), e -> e.renameTitle(item.key(), title));
    }

    /** What an index run told: the wall time from a start to its progress end, its own time and paper count from its log line. */
    private record Run(long endMs, long serverMs, long papers, int runs) {
    }

    /**
     * Waits for the end of the index run(s) that follow {@code since}: a {@code $/progress} end,
     * then a moment for another run the same change may have asked for.
     */
    private static Run awaitRun(LspPipe lsp, long since, int seconds) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        long serverMs = -1;
        long papers = -1;
        long endMs = -1;
        int runs = 0;
        long settleUntil = Long.MAX_VALUE;
        List<JsonNode> pending = new ArrayList<>();
        while (System.nanoTime() < Math.min(deadline, settleUntil)) {
            pending.addAll(lsp.drain());
            if (pending.isEmpty()) {
                Thread.sleep(5);
                continue;
            }
            for (JsonNode n : pending) {
                String method = n.path("method").asText();
                if (method.equals("window/logMessage")) {
                    Matcher m = INDEXED.matcher(n.at("/params/message").asText());
                    if (m.find()) {
                        serverMs = Math.max(serverMs, 0) + Long.parseLong(m.group(1));
                        papers = Long.parseLong(m.group(2));
                    }
                } else if (method.equals("$/progress") && "begin".equals(n.at("/params/value/kind").asText())) {
                    settleUntil = Long.MAX_VALUE; // a run under way: wait for its end
                } else if (method.equals("$/progress") && "end".equals(n.at("/params/value/kind").asText())) {
                    endMs = ms(since);
                    runs++;
                    settleUntil = System.nanoTime() + 400_000_000L; // a second run of the same burst starts within the watcher's quiet time
                }
            }
            pending.clear();
        }
        if (runs == 0) {
            throw new IOException("no index run ended within " + seconds + " s");
        }
        return new Run(endMs, serverMs, papers, runs);
    }

    /** The open note: citations appended one per line, each answered at its end. */
    private static final class Note {
        final LspPipe lsp;
        final String uri;
        final StringBuilder text;
        int version = 1;

        Note(LspPipe lsp, String uri, String text) {
            this.lsp = lsp;
            this.uri = uri;
            this.text = new StringBuilder(text);
        }

        /** Appends {@code \cite{typed} on a new last line; returns that line. */
        int cite(String typed) throws IOException {
            int line = (int) text.chars().filter(c -> c == '\n').count();
            String insert = "\\cite{" + typed + "\n";
            Map<String, Object> pos = Map.of("line", line, "character", 0);
            lsp.notify("textDocument/didChange", Map.of("textDocument", Map.of("uri", uri, "version", ++version),
                    "contentChanges", List.of(Map.of("range", Map.of("start", pos, "end", pos), "text", insert))));
            text.append(insert);
            return line;
        }

        JsonNode complete(int line) throws IOException {
            String l = text.toString().split("\n", -1)[line];
            return lsp.request("textDocument/completion", Map.of("textDocument", Map.of("uri", uri),
                    "position", Map.of("line", line, "character", l.length())));
        }
    }

    private static List<String> labels(JsonNode r) {
        return r == null ? List.of() : r.path("items").findValuesAsText("label");
    }

    private static long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }

    static double peakRssMb(long pid) {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (l.startsWith("VmHWM:")) {
                    return Long.parseLong(l.replaceAll("\\D", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return -1;
    }

    // --- the report

    /** Percentiles of one figure over the rounds of one kind of change ("" for all). */
    @SuppressWarnings("unchecked")
    static Latency stat(List<Map<String, Object>> rounds, String kind, String figure) {
        List<Map<String, Object>> of = rounds.stream().filter(r -> kind.isEmpty() || kind.equals(r.get("change"))).toList();
        long[] nanos = of.stream().mapToLong(r -> ((Number) r.get(figure)).longValue() * 1_000_000L).toArray();
        return Latency.of(kind, nanos, nanos.length);
    }

    @SuppressWarnings("unchecked")
    public static String text(Map<String, Object> f) {
        StringBuilder sb = new StringBuilder();
        Map<String, Object> lib = (Map<String, Object>) f.get("library");
        sb.append(String.format(Locale.ROOT, "zotero library  %,d items (%,d live, %,d in the trash), %,d attachments (%,d files), %,d notes,"
                        + " %,d collections, %,d BBT keys%n", lib.get("items"), lib.get("live"), lib.get("trashed"), lib.get("attachments"),
                lib.get("files"), lib.get("notes"), lib.get("collections"), lib.get("bbtKeys")));
        sb.append(String.format(Locale.ROOT, "                zotero.sqlite %.1f MB (full-text index: %,d PDFs, %,d word rows), better-bibtex.sqlite %.1f MB%n",
                lib.get("databaseMB"), lib.get("fulltextPdfs"), lib.get("fulltextRows"), lib.get("betterBibtexMB")));
        if (f.containsKey("generatedInMs")) {
            sb.append(String.format(Locale.ROOT, "                made in %.1f s (seed %s)%n", ((Number) f.get("generatedInMs")).longValue() / 1e3, f.get("seed")));
        }
        sb.append("settings        ").append(f.get("settings")).append('\n');
        Map<String, Object> first = (Map<String, Object>) f.get("firstIndex");
        sb.append(String.format(Locale.ROOT, "first index     %,d ms from initialized to the end of the run (the server's run: %,d ms; %,d papers); server CPU %.1f s"
                        + " (%.1f s from its start); initialize %d ms; peak RSS %.0f MB%n",
                first.get("initializedToIndexedMs"), first.get("serverRunMs"), first.get("papers"),
                ((Number) first.get("serverCpuMs")).longValue() / 1e3, ((Number) first.get("serverCpuFromStartMs")).longValue() / 1e3,
                first.get("startToInitializeMs"), (Double) first.get("peakRssMB")));
        List<Map<String, Object>> delays = (List<Map<String, Object>>) f.get("delays");
        sb.append(String.format(Locale.ROOT, "%-44s %7s %8s %8s %8s %8s%n", "change -> completion shows it (ms)", "changes", "p50", "p95", "min", "max"));
        for (String k : List.of("add an item", "rename a title", "")) {
            Latency l = stat(delays, k, "delayMs");
            long min = delays.stream().filter(r -> k.isEmpty() || k.equals(r.get("change"))).mapToLong(r -> ((Number) r.get("delayMs")).longValue()).min().orElse(0);
            sb.append(String.format(Locale.ROOT, "  %-42s %7d %8.0f %8.0f %8d %8.0f%n", k.isEmpty() ? "all" : k, l.queries(), l.p50(), l.p95(), min, l.max()));
        }
        List<Map<String, Object>> costs = (List<Map<String, Object>>) f.get("refreshes");
        sb.append(String.format(Locale.ROOT, "%-44s %7s %8s %8s %8s%n", "one refresh, no requests meanwhile (ms)", "changes", "p50", "p95", "max"));
        for (String[] row : new String[][]{{"the server's run (its log)", "serverRunMs"}, {"commit -> end of the run", "commitToIndexedMs"},
                {"server CPU, commit -> end", "serverCpuMs"}, {"server CPU less the idle server's", "serverCpuLessIdleMs"}}) {
            Latency l = stat(costs, "", row[1]);
            sb.append(String.format(Locale.ROOT, "  %-42s %7d %8.0f %8.0f %8.0f%n", row[0], l.queries(), l.p50(), l.p95(), l.max()));
        }
        sb.append(String.format(Locale.ROOT, "  (the idle server: %.1f %% of a core; runs per change: %s; peak RSS at the end %.0f MB)%n",
                ((Number) f.get("idleCpuPercent")).doubleValue(),
                costs.stream().map(r -> String.valueOf(r.get("runs"))).distinct().sorted().toList(), (Double) f.get("peakRssMB")));
        return sb.toString();
    }
}
