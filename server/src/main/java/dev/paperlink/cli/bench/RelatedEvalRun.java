package dev.paperlink.cli.bench;

import dev.paperlink.corpus.Corpus;
import dev.paperlink.corpus.IndexListener;
import dev.paperlink.corpus.IndexReport;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import dev.paperlink.corpus.embed.Embedder;
import java.util.Set;

/** {@code paperlink bench --related-eval TOPICS QRELS}: related papers and plain BM25, side by side, on one index. */
public record RelatedEvalRun(Path topicsFile, Path qrelsFile, List<Path> collection, Path indexDir, Path exclude,
                             List<String> entryTypes, boolean withoutEmbeddings, boolean latency, boolean json) {

    /** The JVM flags bin/paperlink gives the language server. */
    static final String SERVER_JVM_FLAGS = System.getProperty("paperlink.bench.serverFlags", "-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xmx448m");

    public int run(PrintWriter out, PrintWriter err) throws IOException, InterruptedException {
        if (collection.isEmpty()) {
            err.println("paperlink bench --related-eval: give the collection (--corpus PATH... or CORPUS)");
            return 2;
        }
        List<RelatedEval.Topic> topics = RelatedEval.topics(topicsFile);
        Map<String, Set<String>> qrels = RelatedEval.qrels(qrelsFile);
        RelatedEval.Collection admitted = new RelatedEval.Collection(exclude == null ? Set.of() : RelatedEval.dois(exclude),
                Set.copyOf(entryTypes.stream().map(t -> t.strip().toLowerCase(Locale.ROOT)).toList()));
        Path dir = indexDir != null ? indexDir : Files.createTempDirectory("paperlink-related-eval");
        try (Corpus corpus = Corpus.open(dir)) {
            long t0 = System.nanoTime();
            IndexReport report = corpus.index(collection, IndexListener.NONE);
            err.printf("index: %,d papers (%,d files read, %,d unchanged) in %.1f s%n", report.papers(), report.sourcesRead(),
                    report.sourcesUnchanged(), (System.nanoTime() - t0) / 1e9);
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("topics", topicsFile.toString());
            figures.put("papers", report.papers());
            figures.put("indexMB", TempDirs.size(dir) / 1e6);
            Map<String, RelatedEval.Scores> runs = new LinkedHashMap<>();
            Map<String, Double> millis = new LinkedHashMap<>();
            timed("bm25", runs, millis, () -> RelatedEval.run(topics, qrels, admitted, corpus::relatedBaseline));
            timed("words", runs, millis, () -> RelatedEval.run(topics, qrels, admitted, corpus::related));
            Optional<Embedder> embedder = withoutEmbeddings ? Optional.empty() : Embedder.available();
            if (embedder.isPresent()) {
                corpus.useEmbedder(embedder);
                figures.put("embeddings", Embed.missing(corpus, err));
                figures.put("indexWithEmbeddingsMB", TempDirs.size(dir) / 1e6);
                timed("related", runs, millis, () -> RelatedEval.run(topics, qrels, admitted, corpus::related));
            } else {
                err.println("no embedding model (paperlink-embeddings.jar beside paperlink.jar): related is ranked by words alone");
            }
            List<String> sentences = topics.stream().map(RelatedEval.Topic::text).toList();
            List<String> warm = sentences.subList(0, sentences.size() / 2);
            List<String> timedSentences = sentences.subList(sentences.size() / 2, sentences.size());
            if (latency) {
                err.println("latency in-process: " + warm.size() + " sentences to warm up, " + timedSentences.size() + " timed");
                figures.put("latencyInProcessMs", RelatedLatency.inProcess(corpus, warm, timedSentences));
            }
            RelatedEval.Scores bm25 = runs.get("bm25");
            runs.forEach((name, s) -> figures.put(name, scores(s, millis.get(name) / Math.max(1, s.topics()))));
            figures.put("judgedTopics", bm25.topics());
            if (latency) {
                corpus.close();
                err.println("latency over the pipe: the server (" + SERVER_JVM_FLAGS + ") on this index");
                figures.put("latencyOverPipeMs", RelatedLatency.overPipe(dir, collection, SERVER_JVM_FLAGS, warm, timedSentences));
            }
            if (json) {
                out.println(dev.paperlink.cli.Json.write(figures));
            } else {
                out.printf("%s: %d judged topics, %,d papers%n", topicsFile.getFileName(), bm25.topics(), report.papers());
                out.printf("%-8s %7s %8s %7s %9s  %s%n", "method", "R@10", "nDCG@10", "MRR", "ms/query", "vs bm25 (R@10, nDCG@10, MRR)");
                runs.forEach((name, s) -> out.printf("%-8s %7.4f %8.4f %7.4f %9.2f  %s%n", name, s.recallAt10(), s.ndcgAt10(), s.mrr(),
                        millis.get(name) / Math.max(1, s.topics()), name.equals("bm25") ? "" : String.format("%+.1f%% %+.1f%% %+.1f%%",
                                gain(s.recallAt10(), bm25.recallAt10()), gain(s.ndcgAt10(), bm25.ndcgAt10()), gain(s.mrr(), bm25.mrr()))));
                out.println("bm25: plain BM25 (k1 0.9, b 0.4, Porter) with every word; words: related without embeddings;"
                        + (embedder.isPresent() ? " related: with embeddings (" + embedder.get().name() + ")" : ""));
                for (String where : List.of("latencyInProcessMs", "latencyOverPipeMs")) {
                    if (figures.get(where) instanceof Map<?, ?> m) {
                        m.values().forEach(l -> {
                            Latency x = (Latency) l;
                            out.printf("%-28s %-26s p50 %6.1f ms  p99 %6.1f ms  max %6.1f ms  (%d sentences)%n",
                                    where.equals("latencyInProcessMs") ? "latency, in-process" : "latency, over the pipe", x.kind(),
                                    x.p50(), x.p99(), x.max(), x.queries());
                        });
                    }
                }
            }
            out.flush();
            return 0;
        } finally {
            if (indexDir == null) {
                TempDirs.delete(dir);
            }
        }
    }

    private static Map<String, Object> scores(RelatedEval.Scores s, double msPerQuery) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("recallAt10", s.recallAt10());
        m.put("ndcgAt10", s.ndcgAt10());
        m.put("mrr", s.mrr());
        m.put("msPerQuery", msPerQuery);
        return m;
    }

    private static void timed(String name, Map<String, RelatedEval.Scores> runs, Map<String, Double> millis,
                              java.util.function.Supplier<RelatedEval.Scores> run) {
        long t0 = System.nanoTime();
        runs.put(name, run.get());
        millis.put(name, (System.nanoTime() - t0) / 1e6);
    }

    private static double gain(double a, double b) {
        return b == 0 ? 0 : (a / b - 1) * 100;
    }
}
