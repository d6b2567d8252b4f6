package dev.paperlink.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperlink.cli.bench.arxiv.ArxivStandIn;
import dev.paperlink.corpus.Corpus;
import dev.paperlink.corpus.model.Hit;
import dev.paperlink.corpus.model.Paper;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The arXiv-scale workload of {@code paperlink bench --arxiv N} (issue 15): a stand-in snapshot of
 * N records (generated once into the work folder, then reused), indexed from scratch in a fresh JVM
 * with {@code paperlink index}'s flags and a capped heap; a day of new records appended to the file
 * and indexed again; completion and hover latency in-process and over the language server's pipes;
 * heap after GC while serving.
 */
public final class ArxivScaleBench {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final long records;
    private final long day;
    private final long seed;
    private final Path work;
    private String indexFlags;
    private final String indexHeap;
    private final int queries;
    private final int warmup;
    private final int requests;
    private final String serverFlags;
    private final boolean jfr;
    private final PrintWriter err;
    private boolean skipIndex;

    /** Measure the latencies on the index a run before left in the work folder (no generating, no indexing). */
    public ArxivScaleBench skipIndex(boolean skip) {
        this.skipIndex = skip;
        return this;
    }

    public ArxivScaleBench(long records, long day, long seed, Path work, String indexFlags, String indexHeap, int queries, int warmup,
                           int requests, String serverFlags, boolean jfr, PrintWriter err) {
        this.records = records;
        this.day = day;
        this.seed = seed;
        this.work = work;
        this.indexFlags = indexFlags;
        this.indexHeap = indexHeap;
        this.queries = queries;
        this.warmup = warmup;
        this.requests = requests;
        this.serverFlags = serverFlags;
        this.jfr = jfr;
        this.err = err;
    }

    public Map<String, Object> run(Path sharedCorpora) throws IOException, InterruptedException {
        Map<String, Object> f = new LinkedHashMap<>();
        Path corpusDir = work.resolve("arxiv-" + records + "-seed" + seed);
        Path snapshot = corpusDir.resolve("arxiv-metadata-oai-snapshot.json");
        Path dayFile = work.resolve("arxiv-" + records + "-seed" + seed + "-day" + day + ".jsonl");
        Path done = work.resolve("arxiv-" + records + "-seed" + seed + "-day" + day + ".generated");
        f.put("generated", generate(sharedCorpora, snapshot, dayFile, done));
        long originalSize = Long.parseLong(Files.readString(done).strip());
        try {
            if (Files.size(snapshot) != originalSize) { // a run before stopped after appending the day
                truncate(snapshot, originalSize);
            }
            f.put("snapshotMB", originalSize / 1e6);
            if (originalSize > 100_000_000L) {
                // as bin/paperlink does for 'paperlink index' of an input over 100 MB: both JIT compilers
                indexFlags = indexFlags.replace("-XX:TieredStopAtLevel=1", "").replaceAll("\\s+", " ").strip();
            }
            Path index = work.resolve("index-arxiv-" + records);
            if (skipIndex && Files.isDirectory(index)) {
                err.println("using the index of a run before: " + index);
                long indexed;
                try (Corpus c = Corpus.openReadOnly(index)) {
                    indexed = c.stats().papers();
                }
                if (day > 0 && indexed == records + day) {
                    // that run appended the day before it measured: the file is made so again, else the server
                    // would find it changed and read it again whole
                    try (OutputStream out = Files.newOutputStream(snapshot, StandardOpenOption.APPEND); InputStream in = Files.newInputStream(dayFile)) {
                        in.transferTo(out);
                    }
                }
                f.put("inProcess", inProcess(index));
                f.put("server", server(index, corpusDir));
                return f;
            }
            TempDirs.delete(index);
            Files.createDirectories(index);

            err.println("indexing " + snapshot + " from scratch in a fresh JVM");
            Map<String, Object> scratch = index(index, corpusDir, "scratch");
            f.put("fromScratch", scratch);
            long indexBytes = TempDirs.size(index);
            long papers = ((Number) scratch.get("papers")).longValue();
            f.put("indexMB", indexBytes / 1e6);
            f.put("indexMBPerMillionPapers", indexBytes / 1e6 / (papers / 1e6));
            f.put("indexFiles", fileKinds(index));
            err.printf("indexed %,d papers in %.1f s (%.1f s CPU), %.0f MB%n", papers, ((Number) scratch.get("wallSeconds")).doubleValue(),
                    ((Number) scratch.get("cpuSeconds")).doubleValue(), indexBytes / 1e6);

            if (day > 0) {
                try (OutputStream out = Files.newOutputStream(snapshot, StandardOpenOption.APPEND); InputStream in = Files.newInputStream(dayFile)) {
                    in.transferTo(out);
                }
                err.println("appended " + day + " records; indexing again");
                Map<String, Object> append = index(index, corpusDir, "append");
                f.put("appendedDay", append);
                f.put("indexMBAfterDay", TempDirs.size(index) / 1e6);
            }

            f.put("inProcess", inProcess(index));
            f.put("server", server(index, corpusDir));
        } finally {
            if (Files.exists(snapshot) && Files.size(snapshot) != originalSize) {
                truncate(snapshot, originalSize);
            }
        }
        return f;
    }

    private static void truncate(Path file, long size) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(size);
        }
    }

    /** Generates the snapshot and the day once; a later run with the same records, seed and day reuses them. */
    private Map<String, Object> generate(Path shared, Path snapshot, Path dayFile, Path done) throws IOException {
        Map<String, Object> g = new LinkedHashMap<>();
        if (Files.exists(done) && Files.exists(snapshot) && Files.exists(dayFile)) {
            g.put("reused", true);
            return g;
        }
        Files.createDirectories(snapshot.getParent());
        long t0 = System.nanoTime();
        ArxivStandIn generator = new ArxivStandIn(shared, seed);
        err.println("generating " + records + " records into " + snapshot);
        try (Writer w = ArxivStandIn.open(snapshot); Writer d = ArxivStandIn.open(dayFile)) {
            generator.write(records, w, day, d, n -> {
                if (n % 250_000 == 0) {
                    err.printf("  %,d records%n", n);
                    err.flush();
                }
            });
        }
        Files.writeString(done, Long.toString(Files.size(snapshot)));
        g.put("reused", false);
        g.put("seconds", (System.nanoTime() - t0) / 1e9);
        g.put("heapsBeta", ArxivStandIn.beta(generator.growth(), 100_000));
        return g;
    }

    /** One {@code paperlink index --json} in a fresh JVM: its report, wall and CPU time, peak RSS, GC pauses. */
    private Map<String, Object> index(Path index, Path corpus, String label) throws IOException, InterruptedException {
        Path gcLog = work.resolve("gc-index-" + label + ".log");
        Files.deleteIfExists(gcLog);
        String flags = indexFlags + (indexHeap.isBlank() ? "" : " -Xmx" + indexHeap) + " -Xlog:gc:file=" + gcLog;
        if (jfr) {
            flags += " -XX:StartFlightRecording=filename=" + work.resolve("index-" + label + ".jfr") + ",settings=profile";
        }
        List<String> command = FreshJvm.command(flags, null, dev.paperlink.cli.Main.class.getName(),
                List.of("index", "--json", "--index-dir", index.toString(), corpus.toString()));
        err.println("  " + String.join(" ", command.subList(0, command.indexOf("-cp"))));
        long t0 = System.nanoTime();
        Process p = FreshJvm.start(command);
        JsonNode report;
        long cpu;
        long peak;
        try (ProcessWatch watch = new ProcessWatch(p)) {
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            watch.read();
            int exit = p.waitFor();
            cpu = watch.cpuMillis();
            peak = watch.peakRssMB();
            if (exit != 0 && exit != 2) {
                throw new IOException("paperlink index exited with " + exit + ": " + out);
            }
            // the summary is the last line that starts a JSON object (a flight recording's start message comes first)
            int at = out.startsWith("{") ? 0 : out.lastIndexOf("\n{") + 1;
            report = JSON.readTree(out.substring(at));
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("wallSeconds", wall);
        m.put("indexSeconds", report.get("millis").asLong() / 1e3);
        m.put("cpuSeconds", cpu / 1e3);
        m.put("peakRssMB", peak);
        m.put("recordsRead", report.get("recordsRead").asLong());
        m.put("papers", report.get("papers").asLong());
        m.put("skipped", report.path("skips").size());
        long[] gc = ProcessWatch.gcPauses(gcLog);
        m.put("gcPauses", gc[0]);
        m.put("gcPauseSeconds", gc[1] / 1e3);
        m.put("jvmFlags", flags);
        return m;
    }

    private static Map<String, Long> fileKinds(Path index) throws IOException {
        Map<String, Long> bytes = new java.util.TreeMap<>();
        try (var s = Files.list(index)) {
            for (Path p : s.toList()) {
                String n = p.getFileName().toString();
                String ext = n.contains(".") ? n.substring(n.lastIndexOf('.') + 1) : n;
                bytes.merge(ext, Files.size(p) / 1_000_000, Long::sum);
            }
        }
        return bytes;
    }

    /** Completion and hover in this JVM: the index opened read-only, queries made from sampled papers. */
    private Map<String, Object> inProcess(Path index) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        try (Corpus c = Corpus.openReadOnly(index)) {
            List<Paper> sample = c.sample(Math.max(queries, 1000), seed);
            BenchQueries generator = new BenchQueries(seed);
            Map<String, List<BenchQuery>> byKind = new LinkedHashMap<>();
            for (BenchQuery.Kind kind : List.of(BenchQuery.Kind.KEY_PREFIX, BenchQuery.Kind.TITLE_PREFIX, BenchQuery.Kind.TITLE_PREFIX_TYPO,
                    BenchQuery.Kind.AUTHOR_YEAR)) {
                List<BenchQuery> qs = new ArrayList<>();
                for (int round = 0; qs.size() < queries + warmup && round < 20; round++) {
                    for (Paper p : sample) {
                        generator.make(kind, p).ifPresent(qs::add);
                        if (qs.size() >= queries + warmup) {
                            break;
                        }
                    }
                }
                byKind.put(kind.label(), qs);
            }
            List<Paper> hoverSample = sample.stream().filter(p -> !p.key().isEmpty()).toList();
            err.println("in-process: warming up");
            byKind.forEach((k, qs) -> qs.subList(0, Math.min(warmup, qs.size() / 2)).forEach(q -> answer(c, q)));
            for (int i = 0; i < warmup; i++) {
                hover(c, hoverSample.get(i % hoverSample.size()).key());
            }
            Map<String, Latency> lat = new LinkedHashMap<>();
            byKind.forEach((k, qs) -> {
                List<BenchQuery> timed = qs.subList(Math.min(warmup, qs.size() / 2), qs.size());
                long[] nanos = new long[timed.size()];
                int found = 0;
                for (int i = 0; i < timed.size(); i++) {
                    long t = System.nanoTime();
                    List<Hit> hits = answer(c, timed.get(i));
                    nanos[i] = System.nanoTime() - t;
                    String expected = timed.get(i).expectedKey();
                    if (hits.stream().limit(10).anyMatch(h -> h.paper().allKeys().contains(expected))) {
                        found++;
                    }
                }
                lat.put(k, Latency.of(k, nanos, found));
            });
            long[] nanos = new long[queries];
            int found = 0;
            for (int i = 0; i < queries; i++) {
                String key = hoverSample.get((warmup + i) % hoverSample.size()).key();
                long t = System.nanoTime();
                String card = hover(c, key);
                nanos[i] = System.nanoTime() - t;
                found += card.isEmpty() ? 0 : 1;
            }
            lat.put("hover (byKey + card)", Latency.of("hover", nanos, found));
            m.put("latencyMs", lat);
            for (int i = 0; i < 3; i++) {
                System.gc();
            }
            m.put("heapAfterGcMB", ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1e6);
            m.put("maxHeapMB", Runtime.getRuntime().maxMemory() / 1e6);
        }
        return m;
    }

    private static List<Hit> answer(Corpus c, BenchQuery q) {
        return q.kind() == BenchQuery.Kind.KEY_PREFIX ? c.completeKey(q.text(), 50) : c.completeTitle(q.text(), 50);
    }

    /** What the server's hover does for a key the corpus has: the look-up and the card. */
    private static String hover(Corpus c, String key) {
        return c.byKey(key).map(p -> dev.paperlink.server.render.CitationFormatter.card(p,
                dev.paperlink.server.config.ServerConfig.DEFAULT_ABSTRACT_MAX_CHARS)).orElse("");
    }

    /** The language server over its pipes on the index: completion (key prefixes, title words), hover; heap after GC while serving. */
    private Map<String, Object> server(Path index, Path corpus) throws IOException, InterruptedException {
        Map<String, Object> m = new LinkedHashMap<>();
        List<Paper> sample;
        try (Corpus c = Corpus.openReadOnly(index)) {
            sample = c.sample(Math.max(200, Math.min(requests, 2000)), seed + 1).stream()
                    .filter(p -> p.key().length() >= 4 && !p.title().isBlank()).toList();
        }
        // line 3i: an open citation with a key's first letters; 3i+1: with the first letters of a title word; 3i+2: the key
        StringBuilder doc = new StringBuilder();
        List<String> typedWords = new ArrayList<>();
        for (Paper p : sample) {
            String word = java.util.Arrays.stream(p.title().split("[^\\p{L}\\p{N}]+")).filter(w -> w.length() >= 5).findFirst().orElse(p.key());
            String typed = word.substring(0, Math.min(word.length(), 5));
            typedWords.add(typed);
            doc.append("\\cite{").append(p.key(), 0, 4).append('\n');
            doc.append("\\cite{").append(typed).append('\n');
            doc.append("See \\cite{").append(p.key()).append("}.\n");
        }
        Path notes = work.resolve("notes");
        Files.createDirectories(notes);
        String uri = notes.resolve("bench.tex").toUri().toString();
        List<String> args = List.of("serve", "--index-dir", index.toString(), "--corpus", corpus.toAbsolutePath().toString());
        Process process = FreshJvm.start(FreshJvm.command(serverFlags, work.resolve("serve-arxiv.jsa"), dev.paperlink.cli.Main.class.getName(), args));
        try (LspPipe lsp = new LspPipe(process); ProcessWatch watch = new ProcessWatch(process)) {
            long t0 = System.nanoTime();
            lsp.request("initialize", Map.of("processId", ProcessHandle.current().pid(), "rootUri", notes.toUri().toString(),
                    "capabilities", Map.of("window", Map.of("workDoneProgress", true))));
            lsp.notify("initialized", Map.of());
            lsp.await("$/progress", p -> "end".equals(p.at("/value/kind").asText()), 1800);
            m.put("readySeconds", (System.nanoTime() - t0) / 1e9);
            lsp.notify("textDocument/didOpen", Map.of("textDocument", Map.of("uri", uri, "languageId", "latex", "version", 1, "text", doc.toString())));
            lsp.await("textDocument/publishDiagnostics", p -> uri.equals(p.path("uri").asText()), 600);
            Map<String, Latency> lat = new LinkedHashMap<>();
            lat.put("completion, key prefix", time(lsp, "textDocument/completion", sample, i -> position(uri, 3 * i, 10),
                    (i, r) -> r.path("items").findValuesAsText("label").contains(sample.get(i).key())));
            err.println("server: key completion done");
            lat.put("completion, title word", time(lsp, "textDocument/completion", sample,
                    i -> position(uri, 3 * i + 1, 6 + typedWords.get(i).length()), (i, r) -> r.path("items").size() > 0));
            err.println("server: title-word completion done");
            lat.put("hover", time(lsp, "textDocument/hover", sample, i -> position(uri, 3 * i + 2, 11),
                    (i, r) -> r.isObject() && r.at("/contents/value").asText().contains("**")));
            m.put("latencyMs", lat);
            m.put("heapAfterGcMB", ProcessWatch.heapAfterGcMB(process.pid()));
            watch.read();
            m.put("rssMB", watch.rssMB());
            m.put("peakRssMB", watch.peakRssMB());
            m.put("jvmFlags", serverFlags);
            lsp.shutdown();
        }
        return m;
    }

    private Latency time(LspPipe lsp, String method, List<Paper> sample, Function<Integer, Object> params,
                         java.util.function.BiPredicate<Integer, JsonNode> correct) throws IOException {
        for (int i = 0; i < Math.min(warmup, 2000); i++) {
            lsp.request(method, params.apply(i % sample.size()));
        }
        long[] nanos = new long[requests];
        int found = 0;
        for (int i = 0; i < requests; i++) {
            int k = (Math.min(warmup, 2000) + i) % sample.size();
            long t = System.nanoTime();
            JsonNode r = lsp.request(method, params.apply(k));
            nanos[i] = System.nanoTime() - t;
            if (correct.test(k, r)) {
                found++;
            }
        }
        return Latency.of(method, nanos, found);
    }

    private static Map<String, Object> position(String uri, int line, int character) {
        return Map.of("textDocument", Map.of("uri", uri), "position", Map.of("line", line, "character", character));
    }

    @SuppressWarnings("unchecked")
    public static String text(Map<String, Object> f) {
        StringBuilder sb = new StringBuilder();
        sb.append("machine        ").append(f.get("machine")).append('\n');
        sb.append(String.format("snapshot       %,d records (stand-in, seed %s), %.1f MB; generated: %s%n", f.get("records"), f.get("seed"),
                f.get("snapshotMB"), f.get("generated")));
        Map<String, Object> s = (Map<String, Object>) f.get("fromScratch");
        if (s != null) {
        sb.append(String.format("from scratch   %.1f s wall (%.1f s in the indexing run), %.1f s CPU, peak RSS %s MB, %s GC pauses (%.1f s); %,d papers, %d skipped%n",
                s.get("wallSeconds"), s.get("indexSeconds"), s.get("cpuSeconds"), s.get("peakRssMB"), s.get("gcPauses"), s.get("gcPauseSeconds"),
                s.get("papers"), s.get("skipped")));
        sb.append("               flags: ").append(s.get("jvmFlags")).append('\n');
        sb.append(String.format("index size     %.0f MB, %.0f MB per million papers; by file kind (MB): %s%n", f.get("indexMB"),
                f.get("indexMBPerMillionPapers"), f.get("indexFiles")));
        }
        Map<String, Object> a = (Map<String, Object>) f.get("appendedDay");
        if (a != null) {
            sb.append(String.format("appended day   %.1f s wall (%.1f s in the indexing run), %.1f s CPU, peak RSS %s MB: %,d records read, %,d papers after; index %.0f MB%n",
                    a.get("wallSeconds"), a.get("indexSeconds"), a.get("cpuSeconds"), a.get("peakRssMB"), a.get("recordsRead"), a.get("papers"),
                    f.get("indexMBAfterDay")));
        }
        Map<String, Object> in = (Map<String, Object>) f.get("inProcess");
        sb.append(String.format("%-30s %8s %8s %8s %8s %8s %8s%n", "in-process latency (ms)", "queries", "p50", "p95", "p99", "max", "top-10"));
        ((Map<String, Latency>) in.get("latencyMs")).forEach((k, l) -> sb.append(String.format("%-30s %8d %8.3f %8.3f %8.3f %8.2f %7.1f%%%n", k,
                l.queries(), l.p50(), l.p95(), l.p99(), l.max(), 100 * l.top10Rate())));
        sb.append(String.format("               heap after GC %.1f MB in the benchmark's JVM (max heap %.0f MB)%n", in.get("heapAfterGcMB"), in.get("maxHeapMB")));
        Map<String, Object> sv = (Map<String, Object>) f.get("server");
        sb.append(String.format("%-30s %8s %8s %8s %8s %8s %8s%n", "over the pipe (ms)", "requests", "p50", "p95", "p99", "max", "right"));
        ((Map<String, Latency>) sv.get("latencyMs")).forEach((k, l) -> sb.append(String.format("%-30s %8d %8.3f %8.3f %8.3f %8.2f %7.1f%%%n", k,
                l.queries(), l.p50(), l.p95(), l.p99(), l.max(), 100 * l.top10Rate())));
        sb.append(String.format("server         ready %.1f s after start; heap after GC while serving %.1f MB; RSS %s MB (peak %s MB); flags %s%n",
                sv.get("readySeconds"), sv.get("heapAfterGcMB"), sv.get("rssMB"), sv.get("peakRssMB"), sv.get("jvmFlags")));
        return sb.toString();
    }
}
