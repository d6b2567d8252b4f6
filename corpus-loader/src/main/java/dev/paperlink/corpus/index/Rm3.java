package dev.paperlink.corpus.index;

import dev.paperlink.corpus.model.Paper;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pseudo-relevance feedback (RM3, as Anserini has it): the words of the passage's first hits,
 * weighted by how much of each hit they make and by how well the hit scored, join the passage's
 * own words, half and half.
 */
final class Rm3 {
    /** Anserini's defaults: the first 10 hits give 10 words, weighing half of the query. */
    static final int FEEDBACK_DOCS = 10;
    static final int FEEDBACK_TERMS = 10;
    static final float ORIGINAL_WEIGHT = 0.5f;

    private Rm3() {
    }

    static Map<String, Float> expand(IndexSearcher searcher, Analyzer topic, Map<String, Float> query, Query first) throws IOException {
        ScoreDoc[] top = searcher.search(first, FEEDBACK_DOCS).scoreDocs;
        if (top.length == 0) {
            return query;
        }
        double scoreSum = 0;
        for (ScoreDoc d : top) {
            scoreSum += d.score;
        }
        Cluster[] clusters = PaperRecords.read(searcher.getIndexReader(), top);
        Map<String, Double> feedback = new HashMap<>();
        for (int i = 0; i < clusters.length; i++) {
            Paper p = clusters[i].merged();
            Map<String, Float> tf = RelatedQueries.terms(topic, PaperDocuments.topic(p));
            double length = tf.values().stream().mapToDouble(Float::doubleValue).sum();
            double docWeight = top[i].score / scoreSum;
            for (Map.Entry<String, Float> e : tf.entrySet()) {
                if (useful(e.getKey())) {
                    feedback.merge(e.getKey(), docWeight * e.getValue() / length, Double::sum);
                }
            }
        }
        List<Map.Entry<String, Double>> best = new ArrayList<>(feedback.entrySet());
        best.sort(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        best = best.subList(0, Math.min(FEEDBACK_TERMS, best.size()));
        double bestSum = best.stream().mapToDouble(Map.Entry::getValue).sum();
        double querySum = query.values().stream().mapToDouble(Float::doubleValue).sum();
        Map<String, Float> out = new LinkedHashMap<>();
        query.forEach((t, w) -> out.put(t, (float) (ORIGINAL_WEIGHT * w / querySum)));
        for (Map.Entry<String, Double> e : best) {
            out.merge(e.getKey(), (float) ((1 - ORIGINAL_WEIGHT) * e.getValue() / bestSum), Float::sum);
        }
        return out;
    }

    /** Feedback words worth adding: letters, two or more (no numbers, no stray characters). */
    private static boolean useful(String term) {
        if (term.length() < 2) {
            return false;
        }
        for (int i = 0; i < term.length(); i++) {
            if (!Character.isLetter(term.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
