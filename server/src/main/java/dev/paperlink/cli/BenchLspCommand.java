package dev.paperlink.cli;

import dev.paperlink.cli.bench.CorpusOverPipe;
import dev.paperlink.cli.bench.FreshJvm;
import dev.paperlink.cli.bench.Latency;
import dev.paperlink.cli.bench.LspPipe;
import dev.paperlink.cli.bench.OwnBibliographyBench;
import dev.paperlink.cli.bench.TempDirs;
import dev.paperlink.corpus.Corpus;
import dev.paperlink.corpus.model.Paper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code paperlink bench-lsp CORPUS...}: the language server end to end, over its pipes, as an
 * editor sees it: process start to the {@code initialize} answer (fresh JVMs), and completion,
 * hover and definition latency percentiles on a document citing papers sampled from the corpus.
 */
@Command(name = "bench-lsp", mixinStandardHelpOptions = true,
        description = {"Measures the language server over its pipes on a corpus.",
                "Indexes the corpus, then starts 'paperlink serve' as a subprocess and measures over its pipes the time from "
                        + "process start to the initialize answer (median of fresh JVMs), and completion, hover and definition "
                        + "latency (p50/p95/p99) on a LaTeX document citing papers sampled from the corpus."})
final class BenchLspCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "CORPUS", description = "Files or folders to index.")
    List<Path> corpus;

    @Option(names = "--requests", defaultValue = "2000", description = "Timed requests of each kind (default: ${DEFAULT-VALUE}).")
    int requests;

    @Option(names = "--warmup", defaultValue = "500", description = "Untimed requests of each kind first (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--starts", defaultValue = "5", description = "Fresh server processes timed to the initialize answer (default: ${DEFAULT-VALUE}).")
    int starts;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the paper sample (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--jvm-flags", defaultValue = "-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xmx448m -XX:+ExitOnOutOfMemoryError",
            description = "Flags of the server JVM (default: ${DEFAULT-VALUE}).")
    String jvmFlags;

    @Option(names = "--no-cds", description = "Start the server without the dynamic AppCDS archive bin/paperlink uses.")
    boolean noCds;

    @Option(names = "--index-dir", hidden = true, paramLabel = "DIR",
            description = "An index of CORPUS already built (by 'bench --lsp'): used as it is, not indexed again, not deleted.")
    Path prebuiltIndex;

    @Option(names = "--own-bibliography", defaultValue = "10000,all", split = ",", paramLabel = "N",
            description = "The own-bibliography workload: the first N entries of the corpus's first BibTeX file (or 'all') "
                    + "as the note's \\bibliography, no corpus configured, cold and warm; 'none' skips it (default: ${DEFAULT-VALUE}).")
    List<String> ownBibliography;

    @Option(names = "--own-bibliography-only", description = "Run the own-bibliography workload alone (not the corpus one).")
    boolean ownBibliographyOnly;

    @Option(names = "--keystrokes", defaultValue = "1000", description = "Timed keystrokes of the own-bibliography typing workload (default: ${DEFAULT-VALUE}).")
    int keystrokes;

    @Option(names = "--solr", paramLabel = "URL", split = ",",
            description = "Through the team corpus on SolrCloud instead: CORPUS is indexed into the collection (incrementally), and the "
                    + "server answers from it alone (serve --solr, no --corpus).")
    List<String> solr;

    @Option(names = "--collection", paramLabel = "NAME", description = "The Solr collection (default: papers).")
    String collection;

    @Option(names = "--json", description = "Print the figures as JSON.")
    boolean json;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        Path dir = Files.createTempDirectory("paperlink-bench-lsp");
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("corpus", corpus.stream().map(Path::toString).toList());
        boolean archived = !noCds && FreshJvm.canArchiveClasses();
        figures.put("jvmFlags", jvmFlags + (archived ? " + dynamic AppCDS archive (as bin/paperlink)" : ""));
        try {
            if (ownBibliographyOnly) {
                figures.put("ownBibliography", ownBibliography(dir, err));
                PrintWriter out = spec.commandLine().getOut();
                out.println(json ? Json.write(figures) : ownBibliographyText(figures));
                out.flush();
                return 0;
            }
            List<Paper> sample;
            if (solr != null && !solr.isEmpty()) {
                figures.put("solr", Map.of("urls", solr, "collection", collection == null ? "papers" : collection));
            }
            try (Corpus c = solr != null && !solr.isEmpty()
                    ? dev.paperlink.corpus.solr.SolrCorpus.open(dev.paperlink.corpus.solr.SolrSettings.of(solr, collection)
                            .withCredentialsFrom(System.getenv()).withQueryTimeout(10_000))
                    : prebuiltIndex != null ? Corpus.openReadOnly(prebuiltIndex) : Corpus.open(indexDir(dir))) {
                long papers = prebuiltIndex != null ? c.stats().papers()
                        : c.index(corpus.stream().map(p -> p.toAbsolutePath().normalize()).toList(), dev.paperlink.corpus.IndexListener.NONE).papers();
                figures.put("papers", papers);
                err.printf(prebuiltIndex != null ? "using the index just built: %,d papers%n" : "indexed %,d papers%n", papers);
                sample = c.sample(Math.max(100, Math.min(requests, 2000)), seed).stream()
                        .filter(p -> !p.key().isEmpty() && p.key().length() >= 4 && !p.title().isEmpty()).toList();
            }
            if (sample.isEmpty()) {
                throw new IOException("the corpus has no papers with keys and titles");
            }
            List<Long> startMs = new ArrayList<>();
            // The first (untimed) start writes the AppCDS archive that bin/paperlink would keep; the
            // timed starts map it, as every start after the first does for a user.
            for (int i = noCds ? 0 : -1; i < starts; i++) {
                long t0 = System.nanoTime();
                try (LspPipe lsp = new LspPipe(server(dir))) {
                    lsp.request("initialize", CorpusOverPipe.initializeParams());
                    if (i >= 0) {
                        startMs.add((System.nanoTime() - t0) / 1_000_000);
                    }
                    lsp.shutdown();
                }
            }
            startMs.sort(Comparator.naturalOrder());
            figures.put("startToInitializeMs", Map.of("median", startMs.get(startMs.size() / 2), "min", startMs.get(0),
                    "max", startMs.get(startMs.size() - 1), "runs", startMs.size()));
            err.printf("start to initialize: median %d ms%n", startMs.get(startMs.size() / 2));
            figures.put("latencyMs", requests(dir, sample, err));
            figures.put("ownBibliography", ownBibliography(dir, err));
        } finally {
            TempDirs.delete(dir);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(json ? Json.write(figures) : text(figures));
        out.flush();
        return 0;
    }

    private Map<String, Latency> requests(Path dir, List<Paper> sample, PrintWriter err) throws IOException, InterruptedException {
        String uri = CorpusOverPipe.uri(dir);
        try (LspPipe lsp = new LspPipe(server(dir))) {
            CorpusOverPipe.initialize(lsp);
            lsp.await("$/progress", p -> "end".equals(p.at("/value/kind").asText()), 600);
            CorpusOverPipe.open(lsp, uri, sample);
            Map<String, Latency> out = CorpusOverPipe.time(lsp, uri, sample, warmup, requests, err);
            lsp.shutdown();
            return out;
        }
    }

    /** The own-bibliography workload at each size asked for (sizes at or above the file's entry count run once, as 'all'). */
    private Map<String, Object> ownBibliography(Path dir, PrintWriter err) throws IOException, InterruptedException {
        Map<String, Object> out = new LinkedHashMap<>();
        if (ownBibliography.contains("none")) {
            return out;
        }
        List<Path> roots = corpus.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        java.util.Optional<Path> bib = dev.paperlink.corpus.source.SourceFiles.discover(roots, new ArrayList<>()).stream()
                .filter(f -> f.format() == dev.paperlink.corpus.model.SourceFormat.BIBTEX).map(f -> f.path()).findFirst();
        if (bib.isEmpty()) {
            err.println("own bibliography: the corpus has no BibTeX file; workload skipped");
            return out;
        }
        OwnBibliographyBench bench = new OwnBibliographyBench(index -> FreshJvm.start(FreshJvm.command(jvmFlags,
                noCds ? null : dir.resolve("serve.jsa"), Main.class.getName(), List.of("serve", "--index-dir", index.toString()))),
                err, keystrokes, seed);
        int entries = OwnBibliographyBench.writeBibliography(bib.get(), 0, dir.resolve("count.bib")).size();
        java.util.Set<Integer> sizes = new java.util.TreeSet<>();
        for (String s : ownBibliography) {
            int n = s.strip().equals("all") ? entries : Integer.parseInt(s.strip());
            sizes.add(Math.min(n, entries));
        }
        for (int n : sizes) {
            String label = n == entries ? "all" : Integer.toString(n);
            Map<String, Object> f = bench.run(bib.get(), n == entries ? 0 : n, dir);
            err.print(OwnBibliographyBench.text(label, f));
            out.put(label, f);
        }
        return out;
    }

    private Path indexDir(Path scratch) {
        return prebuiltIndex != null ? prebuiltIndex : scratch.resolve("index");
    }

    private Process server(Path dir) throws IOException {
        List<String> args = new ArrayList<>(List.of("serve", "--index-dir", indexDir(dir).toString()));
        if (solr != null && !solr.isEmpty()) {
            args.addAll(List.of("--solr", String.join(",", solr)));
            if (collection != null) {
                args.addAll(List.of("--collection", collection));
            }
            return FreshJvm.start(FreshJvm.command(jvmFlags, noCds ? null : dir.resolve("serve.jsa"), Main.class.getName(), args));
        }
        corpus.forEach(p -> {
            args.add("--corpus");
            args.add(p.toAbsolutePath().normalize().toString());
        });
        return FreshJvm.start(FreshJvm.command(jvmFlags, noCds ? null : dir.resolve("serve.jsa"), Main.class.getName(), args));
    }

    @SuppressWarnings("unchecked")
    private static String ownBibliographyText(Map<String, Object> f) {
        StringBuilder sb = new StringBuilder();
        ((Map<String, Object>) f.get("ownBibliography")).forEach((k, v) -> sb.append(OwnBibliographyBench.text(k, (Map<String, Object>) v)));
        return sb.toString();
    }

    @SuppressWarnings("unchecked")
    private static String text(Map<String, Object> f) {
        StringBuilder sb = new StringBuilder();
        sb.append("corpus         ").append(f.get("corpus")).append(" (").append(f.get("papers")).append(" papers)\n");
        Map<String, Object> s = (Map<String, Object>) f.get("startToInitializeMs");
        sb.append(String.format("initialize     %s ms from process start (median of %s; min %s, max %s; %s)%n",
                s.get("median"), s.get("runs"), s.get("min"), s.get("max"), f.get("jvmFlags")));
        sb.append(String.format("%-28s %8s %8s %8s %8s %8s %8s%n", "latency over the pipe (ms)", "requests", "p50", "p95", "p99", "max", "right"));
        ((Map<String, Latency>) f.get("latencyMs")).forEach((k, l) -> sb.append(String.format("%-28s %8d %8.3f %8.3f %8.3f %8.2f %7.1f%%%n",
                k, l.queries(), l.p50(), l.p95(), l.p99(), l.max(), 100 * l.top10Rate())));
        sb.append(ownBibliographyText(f));
        return sb.toString();
    }
}
