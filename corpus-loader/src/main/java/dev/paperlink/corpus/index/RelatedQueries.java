package dev.paperlink.corpus.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * "Papers related to this passage", over {@link PaperFields#TOPIC} (title, keywords and abstract,
 * Porter-stemmed, BM25 k1 = 0.9, b = 0.4).
 */
final class RelatedQueries {
    private RelatedQueries() {
    }

    /** Plain BM25: every word of the passage, weighted by how often the passage has it; null when it has none. */
    static Query bm25(Analyzer topic, String passage) {
        return weighted(terms(topic, passage));
    }

    /** The ranking of related papers by words alone (with feedback); null when the passage has no word to look for. */
    static Query related(IndexSearcher searcher, Analyzer topic, dev.paperlink.corpus.model.Passage passage) throws IOException {
        Map<String, Float> query = passageTerms(topic, passage);
        if (query.isEmpty()) {
            return null;
        }
        return weighted(Rm3.expand(searcher, topic, query, weighted(query)));
    }

    /** The passage's own words, without the feedback step: to score given candidates. */
    static Query direct(Analyzer topic, dev.paperlink.corpus.model.Passage passage) {
        return weighted(passageTerms(topic, passage));
    }

    /** The focus's words by their frequency, and the words around it at the passage's weight; markers and numbers out. */
    private static Map<String, Float> passageTerms(Analyzer topic, dev.paperlink.corpus.model.Passage passage) {
        Map<String, Float> query = terms(topic, RelatedText.clean(passage.focus()));
        terms(topic, RelatedText.clean(passage.around())).forEach((t, n) -> query.merge(t, passage.aroundWeight() * n, Float::sum));
        return query;
    }

    /** The passage's topic terms and how often each occurs. */
    static Map<String, Float> terms(Analyzer topic, String text) {
        Map<String, Float> tf = new LinkedHashMap<>();
        try (TokenStream ts = topic.tokenStream(PaperFields.TOPIC, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                tf.merge(term.toString(), 1f, Float::sum);
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tf;
    }

    /** One SHOULD clause per term, boosted by its weight; null for no terms. */
    static Query weighted(Map<String, Float> weights) {
        if (weights.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        List<Map.Entry<String, Float>> terms = new ArrayList<>(weights.entrySet());
        terms.sort(Map.Entry.<String, Float>comparingByValue(Comparator.reverseOrder()));
        for (Map.Entry<String, Float> e : terms.subList(0, Math.min(terms.size(), IndexSearcher.getMaxClauseCount()))) {
            Query q = new TermQuery(new Term(PaperFields.TOPIC, e.getKey()));
            b.add(e.getValue() == 1f ? q : new BoostQuery(q, e.getValue()), Occur.SHOULD);
        }
        return b.build();
    }
}
