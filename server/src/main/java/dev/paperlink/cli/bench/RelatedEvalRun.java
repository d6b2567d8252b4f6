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
import java.util.Set;

/** {@code paperlink bench --related-eval TOPICS QRELS}: related papers and plain BM25, side by side, on one index. */
public record RelatedEvalRun(Path topicsFile, Path qrelsFile, List<Path> collection, Path indexDir, Path exclude,
                             List<String> entryTypes, boolean json) {

    public int run(PrintWriter out, PrintWriter err) throws IOException {
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
            long t1 = System.nanoTime();
            RelatedEval.Scores bm25 = RelatedEval.run(topics, qrels, admitted, corpus::relatedBaseline);
            long t2 = System.nanoTime();
            RelatedEval.Scores related = RelatedEval.run(topics, qrels, admitted, corpus::related);
            long t3 = System.nanoTime();
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("topics", topicsFile.toString());
            figures.put("judgedTopics", related.topics());
            figures.put("papers", report.papers());
            figures.put("bm25", scores(bm25, (t2 - t1) / 1e6 / Math.max(1, bm25.topics())));
            figures.put("related", scores(related, (t3 - t2) / 1e6 / Math.max(1, related.topics())));
            figures.put("recallAt10Gain", bm25.recallAt10() == 0 ? 0 : related.recallAt10() / bm25.recallAt10() - 1);
            if (json) {
                out.println(dev.paperlink.cli.Json.write(figures));
            } else {
                out.printf("%s: %d judged topics, %,d papers%n", topicsFile.getFileName(), related.topics(), report.papers());
                out.printf("%-8s %7s %8s %7s %9s%n", "method", "R@10", "nDCG@10", "MRR", "ms/query");
                line(out, "bm25", bm25, (t2 - t1) / 1e6);
                line(out, "related", related, (t3 - t2) / 1e6);
                out.printf("related vs bm25: R@10 %+.1f%%, nDCG@10 %+.1f%%, MRR %+.1f%%%n", gain(related.recallAt10(), bm25.recallAt10()),
                        gain(related.ndcgAt10(), bm25.ndcgAt10()), gain(related.mrr(), bm25.mrr()));
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

    private static void line(PrintWriter out, String name, RelatedEval.Scores s, double millis) {
        out.printf("%-8s %7.4f %8.4f %7.4f %9.2f%n", name, s.recallAt10(), s.ndcgAt10(), s.mrr(), millis / Math.max(1, s.topics()));
    }

    private static double gain(double a, double b) {
        return b == 0 ? 0 : (a / b - 1) * 100;
    }
}
