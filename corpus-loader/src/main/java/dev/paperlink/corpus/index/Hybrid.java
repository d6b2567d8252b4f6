package dev.paperlink.corpus.index;

import dev.paperlink.corpus.embed.Embedder;
import dev.paperlink.corpus.model.Hit;
import dev.paperlink.corpus.model.Passage;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Related papers by words and by meaning together: the passage's BM25 ranking over the topic
 * field and the cosine of its embedding with each paper's, mixed linearly,
 * {@code alpha * bm25 / best bm25 + (1 - alpha) * cosine}, over the union of the first
 * {@value #DEPTH} of each. On ACM-CR's development split this ranks cited papers well above
 * either alone (docs/benchmarks.md); {@link #ALPHA} was chosen there, once for both kinds of query.
 */
final class Hybrid {
    /** How many papers each ranking brings. */
    static final int DEPTH = 100;
    /** The weight of words against meaning. */
    static final float ALPHA = 0.45f;

    private Hybrid() {
    }

    static List<Hit> related(IndexSearcher s, Analyzer topic, Embedder embedder, QueryVectors vectors, Passage passage, int limit,
                             Query filter) throws IOException {
        Query words = RelatedQueries.direct(topic, passage);
        String text = denseText(passage);
        if (words == null && text.isEmpty()) {
            return List.of();
        }
        int depth = Math.max(DEPTH, limit);
        Map<Integer, Float> combined = new LinkedHashMap<>();
        Map<Integer, Float> lexical = new HashMap<>();
        if (words != null) {
            ScoreDoc[] top = s.search(PaperSearcher.filtered(words, filter), depth).scoreDocs;
            float best = top.length == 0 ? 1 : top[0].score;
            for (ScoreDoc d : top) {
                lexical.put(d.doc, ALPHA * d.score / best);
            }
        }
        String field = Embeddings.field(embedder);
        float[] q = text.isEmpty() ? null : vectors.of(embedder, text);
        Map<Integer, Float> cosine = new HashMap<>();
        if (q != null) {
            for (ScoreDoc d : s.search(new KnnFloatVectorQuery(field, q, depth, filter), depth).scoreDocs) {
                cosine.put(d.doc, 2 * d.score - 1); // DOT_PRODUCT scores are (1 + cosine) / 2
            }
        }
        for (Map.Entry<Integer, Float> e : lexical.entrySet()) {
            float cos = cosine.containsKey(e.getKey()) ? cosine.get(e.getKey()) : cosineOf(s, field, q, e.getKey());
            combined.put(e.getKey(), e.getValue() + (1 - ALPHA) * cos);
        }
        cosine.forEach((doc, cos) -> combined.putIfAbsent(doc, (1 - ALPHA) * cos));
        List<Map.Entry<Integer, Float>> ranked = new ArrayList<>(combined.entrySet());
        ranked.sort(Map.Entry.<Integer, Float>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        ranked = ranked.subList(0, Math.min(limit, ranked.size()));
        ScoreDoc[] docs = new ScoreDoc[ranked.size()];
        for (int i = 0; i < docs.length; i++) {
            docs[i] = new ScoreDoc(ranked.get(i).getKey(), ranked.get(i).getValue());
        }
        return PaperSearcher.collect(s, new TopDocs(new TotalHits(docs.length, TotalHits.Relation.EQUAL_TO), docs), x -> Hit.Match.RELATED);
    }

    /** What of a passage is embedded: its focus (else what is around it), markers and commands out. */
    static String denseText(Passage passage) {
        return RelatedText.clean(passage.focus().isBlank() ? passage.around() : passage.focus()).strip();
    }

    private static float cosineOf(IndexSearcher s, String field, float[] q, int doc) throws IOException {
        if (q == null) {
            return 0;
        }
        float[] v = Embeddings.vector(s.getIndexReader(), field, doc);
        if (v == null) {
            return 0;
        }
        float dot = 0;
        for (int i = 0; i < q.length; i++) {
            dot += q[i] * v[i];
        }
        return dot;
    }

    /** The embeddings of the last passages asked about, most recent kept. */
    static final class QueryVectors {
        private final Map<String, float[]> recent;

        QueryVectors(int size) {
            this.recent = Recent.map(size);
        }

        float[] of(Embedder e, String text) {
            // the same words are the same passage: "... recognition" typed, then "... recognition \cite{"
            String key = e.name() + "\n" + text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
            synchronized (recent) {
                float[] v = recent.get(key);
                if (v != null) {
                    return v;
                }
            }
            float[] v = e.embed(List.of(text)).get(0);
            synchronized (recent) {
                recent.put(key, v);
            }
            return v;
        }
    }
}
