package dev.paperlink.cli.bench;

import dev.paperlink.corpus.Corpus;
import dev.paperlink.corpus.IndexListener;
import dev.paperlink.corpus.IndexReport;
import dev.paperlink.corpus.model.Paper;
import dev.paperlink.corpus.solr.SolrCorpus;
import dev.paperlink.corpus.solr.SolrSettings;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code paperlink bench --solr URL CORPUS...}: the same corpus indexed from scratch into the Solr
 * collection (emptied first) and into a new embedded index, then completion, hover, definition and
 * related papers over the language server's pipes on each: Solr vs embedded, side by side.
 */
public record SolrSideBySide(List<String> urls, String collection, List<Path> corpus, int requests, int warmup, long seed,
                             String jvmFlags, boolean emptyAnyCollection, PrintWriter err) {
    /** The target of issue 16: completion p99 over the pipe, in milliseconds. */
    public static final double COMPLETION_P99_TARGET_MS = 20;

    /**
     * The run empties the collection: not one that holds other files than CORPUS's (a team's
     * collection by mistake) unless told to ({@code --empty-collection}).
     */
    private void refuseAnotherCorpus(SolrCorpus c, List<Path> roots, String name) throws IOException {
        if (emptyAnyCollection) {
            return;
        }
        List<String> others = c.stats().sources().stream().map(dev.paperlink.corpus.CorpusStats.SourceStats::file)
                .filter(f -> roots.stream().noneMatch(r -> Path.of(f).toAbsolutePath().normalize().startsWith(r))).toList();
        if (!others.isEmpty()) {
            throw new IOException("the collection '" + name + "' holds " + others.size() + " other source files (" + others.get(0)
                    + (others.size() > 1 ? ", ..." : "") + ") and bench --solr empties it: name a scratch collection "
                    + "('paperlink solr init --collection scratch'), or pass --empty-collection");
        }
    }

    public Map<String, Object> run() throws IOException, InterruptedException {
        List<Path> roots = corpus.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        SolrSettings settings = SolrSettings.of(urls, collection).withCredentialsFrom(System.getenv()).withQueryTimeout(10_000);
        Path dir = Files.createTempDirectory("paperlink-bench-solr");
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("corpus", corpus.stream().map(Path::toString).toList());
        figures.put("solr", Map.of("urls", urls, "collection", settings.collection()));
        try {
            Map<String, Object> solr = new LinkedHashMap<>();
            Map<String, Object> embedded = new LinkedHashMap<>();
            List<Paper> sample;
            try (SolrCorpus c = SolrCorpus.open(settings)) {
                refuseAnotherCorpus(c, roots, settings.collection());
                c.index(List.of(), IndexListener.NONE); // no source named: every source's records dropped
                solr.putAll(indexing(c, roots));
                solr.put("indexMB", c.stats().indexBytes() / 1e6);
            }
            Path index = dir.resolve("index");
            try (Corpus c = Corpus.open(index)) {
                embedded.putAll(indexing(c, roots));
                sample = c.sample(Math.max(100, Math.min(requests, 2000)), seed).stream()
                        .filter(p -> p.key().length() >= 4 && !p.title().isEmpty()).toList();
            }
            embedded.put("indexMB", TempDirs.size(index) / 1e6);
            if (sample.isEmpty()) {
                throw new IOException("the corpus has no papers with keys and titles");
            }
            List<String> args = new ArrayList<>(List.of("serve", "--index-dir", dir.resolve("solr-server-index").toString(),
                    "--solr", String.join(",", urls), "--collection", settings.collection()));
            solr.put("latencyMs", latencies(args, dir, sample));
            List<String> embeddedArgs = new ArrayList<>(List.of("serve", "--index-dir", index.toString()));
            roots.forEach(r -> embeddedArgs.addAll(List.of("--corpus", r.toString())));
            embedded.put("latencyMs", latencies(embeddedArgs, dir, sample));
            figures.put("solrBackend", solr);
            figures.put("embedded", embedded);
            figures.put("completionP99TargetMs", COMPLETION_P99_TARGET_MS);
        } finally {
            TempDirs.delete(dir);
        }
        return figures;
    }

    private Map<String, Object> indexing(Corpus c, List<Path> roots) throws IOException {
        long t0 = System.nanoTime();
        IndexReport r = c.index(roots, IndexListener.NONE);
        double secs = (System.nanoTime() - t0) / 1e9;
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("records", r.recordsRead());
        f.put("papers", r.papers());
        f.put("indexSeconds", secs);
        f.put("recordsPerSecond", r.recordsRead() / secs);
        err.printf("indexed %,d records (%,d papers) into %s in %.2f s%n", r.recordsRead(), r.papers(), c.indexDir(), secs);
        return f;
    }

    private Map<String, Latency> latencies(List<String> serveArgs, Path dir, List<Paper> sample) throws IOException, InterruptedException {
        String uri = CorpusOverPipe.uri(dir);
        List<String> sentences = sample.stream().map(Paper::title).toList();
        int timed = Math.max(2, Math.min(sentences.size() / 2, requests / 5));
        int warm = Math.max(1, Math.min(sentences.size() - timed, warmup / 5));
        try (LspPipe lsp = new LspPipe(FreshJvm.start(FreshJvm.command(jvmFlags, null, dev.paperlink.cli.Main.class.getName(), serveArgs)))) {
            CorpusOverPipe.initialize(lsp);
            CorpusOverPipe.open(lsp, uri, sample);
            CorpusOverPipe.awaitAnswers(lsp, uri, sample, 300);
            Map<String, Latency> out = new LinkedHashMap<>(CorpusOverPipe.time(lsp, uri, sample, warmup, requests, err));
            out.putAll(RelatedLatency.overPipe(lsp, sentences.subList(timed, timed + warm), sentences.subList(0, timed)));
            lsp.shutdown();
            return out;
        }
    }

    /** The figures as a plain-text table, Solr beside embedded. */
    @SuppressWarnings("unchecked")
    public static String text(Map<String, Object> f) {
        Map<String, Object> s = (Map<String, Object>) f.get("solrBackend");
        Map<String, Object> e = (Map<String, Object>) f.get("embedded");
        StringBuilder sb = new StringBuilder();
        sb.append("corpus         ").append(f.get("corpus")).append('\n');
        sb.append("solr           ").append(f.get("solr")).append('\n');
        sb.append(String.format("%-30s %14s %14s%n", "", "solr", "embedded"));
        for (String k : List.of("papers", "records")) {
            sb.append(String.format("%-30s %,14d %,14d%n", k, s.get(k), e.get(k)));
        }
        sb.append(String.format("%-30s %14.2f %14.2f%n", "index wall seconds", s.get("indexSeconds"), e.get("indexSeconds")));
        sb.append(String.format("%-30s %,14.0f %,14.0f%n", "records/s", s.get("recordsPerSecond"), e.get("recordsPerSecond")));
        sb.append(String.format("%-30s %14.2f %14.2f%n", "index MB", s.get("indexMB"), e.get("indexMB")));
        sb.append("latency over the pipe (ms)     p50 / p95 / p99\n");
        Map<String, Latency> sl = (Map<String, Latency>) s.get("latencyMs");
        Map<String, Latency> el = (Map<String, Latency>) e.get("latencyMs");
        sl.forEach((k, l) -> sb.append(String.format("%-30s %24s %24s%n", k + " (" + l.queries() + ")", pcts(l), pcts(el.get(k)))));
        sb.append(String.format("target: completion p99 <= %.0f ms over the pipe: solr %s, embedded %s%n", COMPLETION_P99_TARGET_MS,
                met(sl.get("completion")), met(el.get("completion"))));
        return sb.toString();
    }

    private static String pcts(Latency l) {
        return l == null ? "-" : String.format("%.2f / %.2f / %.2f", l.p50(), l.p95(), l.p99());
    }

    private static String met(Latency l) {
        return l.p99() <= COMPLETION_P99_TARGET_MS ? "met" : "not met";
    }
}
