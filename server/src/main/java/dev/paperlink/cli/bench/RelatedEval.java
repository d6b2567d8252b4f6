package dev.paperlink.cli.bench;

import dev.paperlink.corpus.model.Hit;
import dev.paperlink.corpus.model.Paper;
import dev.paperlink.corpus.source.Identifiers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A citation-recommendation evaluation as trec_eval computes it: TREC topics (the query is the
 * {@code <desc>} text, the citation context), qrels ("QID MARKER DOI 1"), hits counted by their
 * DOI. R@10, nDCG@10 (binary gain, log2(rank + 1) discount, the ideal over all judged papers)
 * and reciprocal rank (over the first {@value #DEPTH} hits), averaged over the judged topics.
 */
public final class RelatedEval {
    /** How many hits are asked for and ranked (before exclusions). */
    public static final int DEPTH = 100;

    public record Topic(String id, String title, String text) {
    }

    /** Averages over the judged topics. */
    public record Scores(int topics, double recallAt10, double ndcgAt10, double mrr) {
    }

    /** What counts as a hit: the citing papers and papers outside the collection are skipped. */
    public record Collection(Set<String> excludedDois, Set<String> entryTypes) {
        boolean admits(Paper p) {
            if (excludedDois.contains(Identifiers.doi(p.doi()))) {
                return false;
            }
            if (!entryTypes.isEmpty() && !entryTypes.contains(p.entryType().toLowerCase(Locale.ROOT))) {
                return false;
            }
            // ACM's "Session details: ..." records are not papers
            return !(p.abstractText().isEmpty() && p.title().toLowerCase(Locale.ROOT).startsWith("session"));
        }
    }

    private RelatedEval() {
    }

    private static final Pattern TOP = Pattern.compile("<top>(.*?)</top>", Pattern.DOTALL);
    private static final Pattern NUM = Pattern.compile("<num>\\s*(?:Number:)?\\s*(\\S+)");
    private static final Pattern TITLE = Pattern.compile("<title>(.*?)(?=<desc>|<narr>|$)", Pattern.DOTALL);
    private static final Pattern DESC = Pattern.compile("<desc>\\s*(?:Description:)?(.*?)(?=<narr>|$)", Pattern.DOTALL);

    /** The topics of a TREC topics file, in order; a topic given twice keeps its last text. */
    public static List<Topic> topics(Path file) throws IOException {
        Map<String, Topic> out = new LinkedHashMap<>();
        Matcher top = TOP.matcher(Files.readString(file));
        while (top.find()) {
            String block = top.group(1);
            Matcher num = NUM.matcher(block);
            Matcher desc = DESC.matcher(block);
            if (!num.find() || !desc.find()) {
                throw new IOException(file + ": a topic without <num> or <desc>: " + block.strip().lines().findFirst().orElse(""));
            }
            Matcher title = TITLE.matcher(block);
            String id = num.group(1);
            out.remove(id);
            out.put(id, new Topic(id, title.find() ? title.group(1).strip() : "", desc.group(1).strip().replaceAll("\\s+", " ")));
        }
        return List.copyOf(out.values());
    }

    /** The judged papers (DOIs, lower case) of each topic; a topic's lines are a union. */
    public static Map<String, Set<String>> qrels(Path file) throws IOException {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        int line = 0;
        for (String l : Files.readAllLines(file)) {
            line++;
            String[] f = l.strip().split("\\s+");
            if (f.length == 1 && f[0].isEmpty()) {
                continue;
            }
            if (f.length < 4) {
                throw new IOException(file + ":" + line + ": not 'QID MARKER DOC RELEVANCE': " + l);
            }
            if (Integer.parseInt(f[3]) > 0) {
                out.computeIfAbsent(f[0], k -> new LinkedHashSet<>()).add(Identifiers.doi(f[2]).isEmpty()
                        ? f[2].toLowerCase(Locale.ROOT) : Identifiers.doi(f[2]));
            }
        }
        return out;
    }

    /** DOIs, one per line ("#" comments and blank lines skipped). */
    public static Set<String> dois(Path file) throws IOException {
        Set<String> out = new HashSet<>();
        for (String l : Files.readAllLines(file)) {
            String d = Identifiers.doi(l.strip());
            if (!l.isBlank() && !l.strip().startsWith("#") && !d.isEmpty()) {
                out.add(d);
            }
        }
        return out;
    }

    /** Runs {@code method} (passage, limit → hits) on every judged topic and averages the scores. */
    public static Scores run(List<Topic> topics, Map<String, Set<String>> qrels, Collection collection,
                             BiFunction<String, Integer, List<Hit>> method) {
        double recall = 0;
        double ndcg = 0;
        double rr = 0;
        int n = 0;
        for (Topic t : topics) {
            Set<String> relevant = qrels.get(t.id());
            if (relevant == null || relevant.isEmpty()) {
                continue;
            }
            List<String> ranked = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (Hit h : method.apply(t.text(), DEPTH)) {
                String doi = Identifiers.doi(h.paper().doi());
                if (collection.admits(h.paper()) && seen.add(doi.isEmpty() ? "id:" + h.paper().id() : doi)) {
                    ranked.add(doi);
                }
            }
            recall += recallAt(ranked, relevant, 10);
            ndcg += ndcgAt(ranked, relevant, 10);
            rr += reciprocalRank(ranked, relevant);
            n++;
        }
        return n == 0 ? new Scores(0, 0, 0, 0) : new Scores(n, recall / n, ndcg / n, rr / n);
    }

    static double recallAt(List<String> ranked, Set<String> relevant, int k) {
        int found = 0;
        for (int i = 0; i < Math.min(k, ranked.size()); i++) {
            if (relevant.contains(ranked.get(i))) {
                found++;
            }
        }
        return (double) found / relevant.size();
    }

    static double ndcgAt(List<String> ranked, Set<String> relevant, int k) {
        double dcg = 0;
        for (int i = 0; i < Math.min(k, ranked.size()); i++) {
            if (relevant.contains(ranked.get(i))) {
                dcg += 1 / log2(i + 2);
            }
        }
        double ideal = 0;
        for (int i = 0; i < Math.min(k, relevant.size()); i++) {
            ideal += 1 / log2(i + 2);
        }
        return dcg / ideal;
    }

    static double reciprocalRank(List<String> ranked, Set<String> relevant) {
        for (int i = 0; i < ranked.size(); i++) {
            if (relevant.contains(ranked.get(i))) {
                return 1.0 / (i + 1);
            }
        }
        return 0;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
