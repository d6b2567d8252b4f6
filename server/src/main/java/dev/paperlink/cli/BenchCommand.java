package dev.paperlink.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paperlink.cli.bench.BenchQueries;
import dev.paperlink.cli.bench.BenchQuery;
import dev.paperlink.cli.bench.FreshJvm;
import dev.paperlink.cli.bench.Latency;
import dev.paperlink.cli.bench.TempDirs;
import dev.paperlink.corpus.Corpus;
import dev.paperlink.corpus.model.Hit;
import dev.paperlink.corpus.model.Paper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/** {@code paperlink bench CORPUS...}: indexing speed, index size, start-up, query latency, heap. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measures indexing speed, index size, start-up and query latency on a corpus.",
                "Indexes the corpus from scratch into a new index and measures records/s and MB/s, index size, "
                        + "open-to-first-answer time (in a fresh JVM), latency percentiles of each kind of query, and heap after a full GC."})
final class BenchCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", paramLabel = "CORPUS", description = "Files or folders to index.")
    List<Path> corpus = new ArrayList<>();

    @Option(names = "--related-eval", arity = "2", paramLabel = "FILE", description =
            "TOPICS QRELS: instead of the rest, evaluate related papers against plain BM25 on the same index, side by side, "
                    + "by R@10, nDCG@10 and MRR as trec_eval computes them (TREC topics, the query is <desc>; qrels 'QID MARKER DOI 1').")
    List<Path> relatedEval;

    @Option(names = "--corpus", arity = "1..*", paramLabel = "PATH", description = "With --related-eval: the collection (as CORPUS).")
    List<Path> corpusOption = new ArrayList<>();

    @Option(names = "--index-dir", paramLabel = "DIR",
            description = "With --related-eval: index the collection there and keep it (a second run reads nothing again); default: a temporary index.")
    Path evalIndexDir;

    @Option(names = "--exclude", paramLabel = "FILE", description = "With --related-eval: DOIs never counted as hits (the citing papers), one per line.")
    Path exclude;

    @Option(names = "--no-embeddings", description = "With --related-eval: do not make or use embeddings (words alone).")
    boolean noEmbeddings;

    @Option(names = "--latency", description = "With --related-eval: also time context completion and the cite code action, "
            + "in-process and over the language server's pipes, on half the topics' sentences after the other half as warm-up.")
    boolean relatedLatency;

    @Option(names = "--entry-types", split = ",", paramLabel = "TYPE",
            description = "With --related-eval: only papers of these entry types are in the collection (ACM-CR: article,inproceedings).")
    List<String> entryTypes = new ArrayList<>();

    @Option(names = "--queries", defaultValue = "10000", description = "Queries of each kind (default: ${DEFAULT-VALUE}).")
    int queries;

    @Option(names = "--warmup", defaultValue = "5000", description = "Untimed queries of each kind, all kinds before any is timed (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the query generator (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--work-dir", paramLabel = "DIR", description = "Where to build the index (default: a new temporary folder, deleted afterwards).")
    Path workDir;

    @Option(names = "--index-runs", defaultValue = "1", paramLabel = "N",
            description = "Index the corpus from scratch N times, each in a fresh JVM, and report the median run (default: ${DEFAULT-VALUE}).")
    int indexRuns;

    @Option(names = "--json", description = "Print the figures as JSON.")
    boolean json;

    @Option(names = "--arxiv", paramLabel = "N", description = "Instead of CORPUS: the arXiv-scale workload on a stand-in snapshot of N records "
            + "(generated once into the work folder, see 'paperlink generate-arxiv'): indexed from scratch in a fresh JVM with a capped heap, a day "
            + "appended and indexed again, completion and hover in-process and over the language server's pipes, heap while serving.")
    Long arxiv;

    @Option(names = "--arxiv-day", defaultValue = "20000", paramLabel = "N", description = "With --arxiv: records of the appended day (default: ${DEFAULT-VALUE}).")
    long arxivDay;

    @Option(names = "--arxiv-seed", defaultValue = "1", description = "With --arxiv: seed of the stand-in snapshot (default: ${DEFAULT-VALUE}).")
    long arxivSeed;

    @Option(names = "--index-heap", defaultValue = "1g", description = "With --arxiv: -Xmx of the indexing JVM (default: ${DEFAULT-VALUE}; empty for the JVM's default).")
    String indexHeap;

    @Option(names = "--requests", defaultValue = "2000", description = "With --arxiv: timed requests of each kind over the pipe (default: ${DEFAULT-VALUE}).")
    int requests;

    @Option(names = "--jfr", description = "With --arxiv: record the indexing JVMs with Java Flight Recorder (index-*.jfr in the work folder).")
    boolean jfr;

    @Option(names = "--skip-index", description = "With --arxiv: measure latency and memory on the index a run before left in the work folder.")
    boolean skipIndex;

    @Option(names = "--shared", paramLabel = "DIR", description = "With --arxiv: the shared corpora the generator learns from (default: ../shared/corpora).")
    Path shared;

    @Option(names = "--lsp", description = "Then run the language server end to end over its pipes on the same corpus (what 'paperlink bench-lsp' does).")
    boolean lsp;

    @Option(names = "--zotero-refresh", description = "Instead of the rest: a generated Zotero library (--items) followed live by the language server "
            + "over its pipes: its first index, then the delay until completion shows a change made in Zotero (a new item, a renamed title) "
            + "and the cost of one refresh (wall and server CPU), over --changes changes of each measure.")
    boolean zoteroRefresh;

    @Option(names = "--zotero-library", paramLabel = "DIR", description = "Write the generated Zotero data directory (zotero.sqlite, "
            + "better-bibtex.sqlite, storage/) there and keep it; alone, only that (a test library); with --zotero-refresh, the workload runs on it.")
    Path zoteroLibrary;

    @Option(names = "--items", defaultValue = "10000", description = "With --zotero-refresh or --zotero-library: the library's regular items (default: ${DEFAULT-VALUE}).")
    int zoteroItems;

    @Option(names = "--changes", defaultValue = "20", description = "With --zotero-refresh: changes timed for the delay, and as many for the cost of a refresh (default: ${DEFAULT-VALUE}).")
    int zoteroChanges;

    @Option(names = "--no-fulltext", description = "With --zotero-refresh or --zotero-library: no full-text word index in the library "
            + "(Zotero keeps one by default: most of a real database's size).")
    boolean noFulltext;

    @Option(names = "--shared-corpora", paramLabel = "DIR", description = "With --zotero-refresh or --zotero-library: the shared corpora the library "
            + "is made from (the schema of a real Zotero 7 database, ACL/ACM/arXiv records); default: $PAPERLINK_SHARED/corpora or ../shared/corpora.")
    Path sharedCorpora;

    @Option(names = "--zotero-embeddings", description = "With --zotero-refresh: leave the server's related-paper embeddings on "
            + "(with the model installed it embeds the new library in the background, and the figures include that).")
    boolean zoteroEmbeddings;

    @Option(names = "--server-jvm-flags", defaultValue = "-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xmx448m -XX:+ExitOnOutOfMemoryError",
            description = "With --zotero-refresh: the language server's JVM flags (default, as bin/paperlink serve: ${DEFAULT-VALUE}).")
    String serverJvmFlags;

    @Option(names = "--solr", paramLabel = "URL", split = ",", description = "Instead of the rest: CORPUS indexed from scratch into the Solr "
            + "collection (emptied first) and into a new embedded index, then completion, hover, definition and related papers over the "
            + "language server's pipes on each (--requests, --warmup): Solr vs embedded, side by side.")
    List<String> solr;

    @Option(names = "--collection", paramLabel = "NAME", description = "With --solr: the Solr collection (default: papers).")
    String solrCollection;

    @Option(names = "--empty-collection", description = "With --solr: empty the collection even if it holds other files than CORPUS's "
            + "(without it, such a collection is refused: it may be the team's).")
    boolean emptyCollection;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (zoteroRefresh || zoteroLibrary != null) {
            return zotero(err);
        }
        List<Path> collection = new ArrayList<>(corpus);
        collection.addAll(corpusOption);
        if (relatedEval != null) {
            return new dev.paperlink.cli.bench.RelatedEvalRun(relatedEval.get(0), relatedEval.get(1), collection, evalIndexDir, exclude,
                    entryTypes, noEmbeddings, relatedLatency, json).run(spec.commandLine().getOut(), err);
        }
        if (arxiv != null) {
            return arxivScale(err);
        }
        if (collection.isEmpty()) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing required parameter: CORPUS");
        }
        if (solr != null && !solr.isEmpty()) {
            Map<String, Object> f = new dev.paperlink.cli.bench.SolrSideBySide(solr, solrCollection, collection, requests, warmup, seed,
                    serverJvmFlags, emptyCollection, err).run();
            PrintWriter out = spec.commandLine().getOut();
            out.println(json ? Json.write(f) : dev.paperlink.cli.bench.SolrSideBySide.text(f));
            out.flush();
            return 0;
        }
        corpus = collection;
        Path dir = workDir != null ? Files.createDirectories(workDir).resolve("bench-" + System.currentTimeMillis())
                : Files.createTempDirectory("paperlink-bench");
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("machine", machine());
        figures.put("corpus", corpus.stream().map(Path::toString).toList());
        try {
            // Each run indexes into an empty folder; the figures are the median run's, the last index is kept.
            List<JsonNode> runs = new ArrayList<>();
            for (int i = 0; i < Math.max(1, indexRuns); i++) {
                TempDirs.delete(dir);
                Files.createDirectories(dir);
                runs.add(indexInFreshJvm(dir, err));
            }
            List<JsonNode> byTime = runs.stream().sorted(Comparator.comparingLong(r -> r.get("millis").asLong())).toList();
            JsonNode report = byTime.get(byTime.size() / 2);
            double secs = report.get("millis").asLong() / 1e3;
            figures.put("indexRunsSeconds", runs.stream().map(r -> r.get("millis").asLong() / 1e3).toList());
            long records = report.get("recordsRead").asLong();
            double inputMB = report.get("bytesRead").asLong() / 1e6;
            figures.put("records", records);
            figures.put("papers", report.get("papers").asLong());
            figures.put("skipped", report.path("skips").size());
            figures.put("inputMB", inputMB);
            figures.put("indexSeconds", secs);
            figures.put("indexProcessSeconds", report.get("processMillis").asLong() / 1e3);
            figures.put("indexJvmFlags", report.get("jvmFlags").asText());
            figures.put("recordsPerSecond", records / secs);
            figures.put("mbPerSecond", inputMB / secs);
            figures.put("indexMB", TempDirs.size(dir) / 1e6);
            err.printf("indexed %,d records (%,d papers) in %.2f s%n", records, report.get("papers").asLong(), secs);

            figures.put("openToFirstAnswer", openInFreshJvm(dir, 5));

            Map<String, Latency> latencies = new LinkedHashMap<>();
            try (Corpus c = Corpus.openReadOnly(dir)) {
                List<Paper> sample = c.sample(Math.max(queries, 1000), seed);
                BenchQueries generator = new BenchQueries(seed);
                Map<BenchQuery.Kind, List<BenchQuery>> byKind = new LinkedHashMap<>();
                for (BenchQuery.Kind kind : BenchQuery.Kind.values()) {
                    List<BenchQuery> qs = make(generator, kind, sample, queries + warmup);
                    if (!qs.isEmpty()) {
                        byKind.put(kind, qs);
                    }
                }
                // Every kind's warm-up runs before any timing: the kinds share most of their code, and
                // the JIT compiler (a second core's worth of work here) settles before the clock starts.
                byKind.forEach((kind, qs) -> {
                    err.printf("warming up: %,d %s queries%n", warmupCount(qs), kind.label());
                    qs.subList(0, warmupCount(qs)).forEach(q -> answer(c, q));
                });
                byKind.forEach((kind, qs) -> {
                    err.printf("timing %,d %s queries%n", qs.size() - warmupCount(qs), kind.label());
                    latencies.put(kind.label(), time(c, qs.subList(warmupCount(qs), qs.size())));
                });
                figures.put("latencyMs", latencies);
                figures.put("heapAfterGcMB", heapAfterGc() / 1e6);
                figures.put("maxHeapMB", Runtime.getRuntime().maxMemory() / 1e6);
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println(json ? Json.write(figures) : text(figures));
            out.flush();
            return lsp ? benchLsp(dir) : 0;
        } finally {
            if (workDir == null) {
                TempDirs.delete(dir);
            }
        }
    }

    /** {@code --zotero-refresh} and {@code --zotero-library}: a generated library, and the server following it. */
    private int zotero(PrintWriter err) throws Exception {
        Path corpora = sharedCorpora != null ? sharedCorpora : dev.paperlink.cli.bench.SharedCorporaFolder.find()
                .orElseThrow(() -> new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "the Zotero library is made from the shared corpora: give --shared-corpora DIR (or set PAPERLINK_SHARED)"));
        Path scratch = workDir != null ? Files.createDirectories(workDir).resolve("bench-zotero-" + System.currentTimeMillis())
                : Files.createTempDirectory("paperlink-bench-zotero");
        Path data = zoteroLibrary != null ? zoteroLibrary : scratch.resolve("Zotero");
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("machine", machine());
        try {
            long t0 = System.nanoTime();
            err.printf("making a Zotero library of %,d items in %s%n", zoteroItems, data);
            var library = dev.paperlink.cli.bench.zotero.ZoteroLibrary.generate(data, corpora,
                    dev.paperlink.cli.bench.zotero.ZoteroLibrary.Options.of(zoteroItems, seed).withFulltext(!noFulltext));
            figures.put("generatedInMs", (System.nanoTime() - t0) / 1_000_000);
            figures.put("seed", seed);
            err.printf("made in %.1f s: %,d items (%,d live), %,d attachments, %,d BBT keys; zotero.sqlite %.1f MB%n",
                    (System.nanoTime() - t0) / 1e9, library.regular(), library.live(), library.attachments(), library.bbtKeys(),
                    Files.size(library.database()) / 1e6);
            if (!zoteroRefresh) {
                return 0;
            }
            figures.put("serverJvmFlags", serverJvmFlags);
            var bench = new dev.paperlink.cli.bench.zotero.ZoteroRefreshBench(index -> FreshJvm.start(FreshJvm.command(serverJvmFlags, null,
                    Main.class.getName(), List.of("serve", "--index-dir", index.toString()))), err, zoteroChanges, seed, zoteroEmbeddings);
            figures.putAll(bench.run(library, scratch));
            PrintWriter out = spec.commandLine().getOut();
            out.println(json ? Json.write(figures) : "machine        " + figures.get("machine") + "\nserver flags   " + serverJvmFlags + "\n"
                    + dev.paperlink.cli.bench.zotero.ZoteroRefreshBench.text(figures));
            out.flush();
            return 0;
        } finally {
            if (workDir == null) {
                TempDirs.delete(scratch);
            }
        }
    }

    private int arxivScale(PrintWriter err) throws Exception {
        Path work = workDir != null ? workDir : Path.of(System.getenv().getOrDefault("XDG_CACHE_HOME", System.getProperty("user.home") + "/.cache"),
                "paperlink", "bench-arxiv");
        Files.createDirectories(work);
        Path corpora = shared != null ? shared : dev.paperlink.cli.bench.SharedCorporaFolder.find().orElseThrow(() ->
                new picocli.CommandLine.ParameterException(spec.commandLine(), "cannot find the shared corpora (../shared/corpora); name them with --shared DIR"));
        String flags = System.getProperty(INDEX_JVM_OPTS, "-XX:+UseParallelGC -XX:MaxTenuringThreshold=1").strip();
        String serverFlags = "-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xmx448m -XX:+ExitOnOutOfMemoryError";
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("machine", machine());
        f.put("records", arxiv);
        f.put("seed", arxivSeed);
        f.put("loadAverageAtStart", loadAverage());
        f.putAll(new dev.paperlink.cli.bench.ArxivScaleBench(arxiv, arxivDay, arxivSeed, work, flags, indexHeap, queries, warmup, requests,
                serverFlags, jfr, err).skipIndex(skipIndex).run(corpora));
        f.put("loadAverageAtEnd", loadAverage());
        PrintWriter out = spec.commandLine().getOut();
        out.println(json ? Json.write(f) : dev.paperlink.cli.bench.ArxivScaleBench.text(f)
                + String.format("load average   %s at the start, %s at the end%n", f.get("loadAverageAtStart"), f.get("loadAverageAtEnd")));
        out.flush();
        return 0;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "?";
        }
    }

    /** The language server run on the index just built (not indexed a second time). */
    private int benchLsp(Path index) {
        List<String> args = new ArrayList<>(List.of("--index-dir", index.toString()));
        if (json) {
            args.add("--json");
        }
        corpus.forEach(p -> args.add(p.toString()));
        picocli.CommandLine sub = new picocli.CommandLine(new BenchLspCommand());
        sub.setOut(spec.commandLine().getOut());
        sub.setErr(spec.commandLine().getErr());
        return sub.execute(args.toArray(String[]::new));
    }

    private static List<BenchQuery> make(BenchQueries generator, BenchQuery.Kind kind, List<Paper> sample, int n) {
        List<BenchQuery> out = new ArrayList<>();
        for (int round = 0; out.size() < n && round < 50; round++) {
            int before = out.size();
            for (Paper p : sample) {
                generator.make(kind, p).ifPresent(out::add);
                if (out.size() >= n) {
                    break;
                }
            }
            if (out.size() == before) {
                break;
            }
        }
        return out;
    }

    private int warmupCount(List<BenchQuery> qs) {
        return Math.min(warmup, qs.size() / 2);
    }

    private static Latency time(Corpus c, List<BenchQuery> timed) {
        long[] nanos = new long[timed.size()];
        int found = 0;
        for (int i = 0; i < timed.size(); i++) {
            BenchQuery q = timed.get(i);
            long t = System.nanoTime();
            List<Hit> hits = answer(c, q);
            nanos[i] = System.nanoTime() - t;
            String expected = q.expectedKey();
            if (hits.stream().limit(10).anyMatch(h -> h.paper().allKeys().contains(expected))) {
                found++;
            }
        }
        return Latency.of(timed.isEmpty() ? "" : timed.get(0).kind().label(), nanos, found);
    }

    private static List<Hit> answer(Corpus c, BenchQuery q) {
        return switch (q.kind()) {
            case KEY_PREFIX -> c.completeKey(q.text(), 50);
            case TITLE_PREFIX, TITLE_PREFIX_TYPO, AUTHOR_YEAR -> c.completeTitle(q.text(), 50);
            case RELATED -> c.related(q.text(), 10);
        };
    }

    /**
     * Runs {@code paperlink index --json} on the corpus in a fresh JVM with the flags bin/paperlink
     * gives that command (the launcher passes them in {@value #INDEX_JVM_OPTS}; without it, only
     * the parallel collector), so the time is what a user's first {@code paperlink index} takes:
     * a cold JVM, JIT warm-up included. Returns the command's JSON summary plus the process time.
     */
    private JsonNode indexInFreshJvm(Path dir, PrintWriter err) throws IOException, InterruptedException {
        String flags = System.getProperty(INDEX_JVM_OPTS, "-XX:+UseParallelGC").strip();
        List<String> args = new ArrayList<>(List.of("index", "--json", "--index-dir", dir.toString()));
        corpus.forEach(c -> args.add(c.toString()));
        // The launcher's flags already name its archive.
        List<String> command = FreshJvm.command(flags, null, Main.class.getName(), args);
        err.println("indexing in a fresh JVM: " + String.join(" ", command));
        long t0 = System.nanoTime();
        var report = (ObjectNode) FreshJvm.runForJson(command, Set.of(0, 2)); // 2: some records skipped, the rest indexed
        report.put("processMillis", (System.nanoTime() - t0) / 1_000_000);
        report.put("jvmFlags", flags);
        return report;
    }

    /** System property with the JVM flags of {@code paperlink index}, set by bin/paperlink. */
    static final String INDEX_JVM_OPTS = "paperlink.index.jvmopts";

    /** Median over {@code runs} fresh JVMs of open-to-first-answer and JVM-start-to-first-answer. */
    private Map<String, Object> openInFreshJvm(Path dir, int runs) throws IOException, InterruptedException {
        List<Long> open = new ArrayList<>();
        List<Long> start = new ArrayList<>();
        // The same JVM flags as bin/paperlink: C1 only, serial GC, and a dynamic AppCDS archive that
        // the first (untimed) run creates and the timed runs map.
        Path archive = dir.resolveSibling(dir.getFileName() + "-bench-open.jsa");
        List<String> command = FreshJvm.command("-XX:+UseSerialGC -XX:TieredStopAtLevel=1", archive, Main.class.getName(),
                List.of("bench-open", "--index-dir", dir.toString(), "--query", "attention"));
        for (int i = -1; i < runs; i++) {
            JsonNode n = FreshJvm.runForJson(command, Set.of(0));
            if (i < 0) {
                continue; // created the archive
            }
            open.add(n.get("openToAnswerMs").asLong());
            start.add(n.get("jvmStartToAnswerMs").asLong());
        }
        open.sort(Comparator.naturalOrder());
        start.sort(Comparator.naturalOrder());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("runs", runs);
        m.put("openToAnswerMsMedian", open.get(runs / 2));
        m.put("jvmStartToAnswerMsMedian", start.get(runs / 2));
        m.put("jvmFlags", "-XX:+UseSerialGC -XX:TieredStopAtLevel=1"
                + (FreshJvm.canArchiveClasses() ? " + dynamic AppCDS archive, as bin/paperlink" : " (no AppCDS archive: classes not in jars)"));
        Files.deleteIfExists(archive);
        return m;
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("cpu", cpuModel());
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        m.put("jvmArgs", String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
        return m;
    }

    private static String cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).findFirst().map(l -> l.replaceFirst(".*:\\s*", "")).orElse("?");
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    @SuppressWarnings("unchecked")
    private static String text(Map<String, Object> f) {
        StringBuilder sb = new StringBuilder();
        sb.append("machine        ").append(f.get("machine")).append('\n');
        sb.append("corpus         ").append(f.get("corpus")).append('\n');
        sb.append(String.format("records        %,d (%,d papers after merging, %,d skipped)%n", f.get("records"), f.get("papers"), f.get("skipped")));
        sb.append(String.format("index time     %.2f s: %,.0f records/s, %.1f MB/s of input (%.1f MB as stored on disk)%n",
                f.get("indexSeconds"), f.get("recordsPerSecond"), f.get("mbPerSecond"), f.get("inputMB")));
        List<Double> runs = (List<Double>) f.get("indexRunsSeconds");
        if (runs != null && runs.size() > 1) {
            sb.append(String.format("               the median of %d runs: %s s%n", runs.size(),
                    String.join(", ", runs.stream().map(r -> String.format("%.2f", r)).toList())));
        }
        sb.append(String.format("               a fresh JVM running 'paperlink index' (%.2f s from its start to its exit), flags: %s%n",
                f.get("indexProcessSeconds"), f.get("indexJvmFlags")));
        sb.append(String.format("index size     %.1f MB%n", f.get("indexMB")));
        Map<String, Object> open = (Map<String, Object>) f.get("openToFirstAnswer");
        sb.append(String.format("first answer   %s ms from open, %s ms from JVM start (median of %s fresh JVMs, %s)%n",
                open.get("openToAnswerMsMedian"), open.get("jvmStartToAnswerMsMedian"), open.get("runs"), open.get("jvmFlags")));
        sb.append(String.format("%-28s %8s %8s %8s %8s %8s %8s%n", "latency (ms)", "queries", "p50", "p95", "p99", "max", "top-10"));
        Map<String, Latency> lat = (Map<String, Latency>) f.get("latencyMs");
        if (lat != null) {
            lat.forEach((k, l) -> sb.append(String.format("%-28s %8d %8.3f %8.3f %8.3f %8.2f %7.1f%%%n", k, l.queries(), l.p50(), l.p95(),
                    l.p99(), l.max(), 100 * l.top10Rate())));
        }
        sb.append(String.format("heap after GC  %.1f MB (max heap %.0f MB)%n", f.get("heapAfterGcMB"), f.get("maxHeapMB")));
        return sb.toString();
    }

}
