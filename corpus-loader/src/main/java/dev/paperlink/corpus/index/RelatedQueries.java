package dev.paperlink.corpus.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;

import java.io.IOException;
import java.io.StringReader;

/**
 * "Papers related to this passage": MoreLikeThis over title and abstract. The passage's most
 * distinctive terms (tf-idf against the corpus) become a BM25 query; title matches count double.
 */
final class RelatedQueries {
    private RelatedQueries() {
    }

    /** The query, or null when the passage has no distinctive term. */
    static Query like(IndexReader reader, Analyzer english, Analyzer titleWords, String passage) throws IOException {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        int n = 0;
        for (String field : new String[] {PaperFields.TITLE_WORDS, PaperFields.ABSTRACT}) {
            MoreLikeThis mlt = new MoreLikeThis(reader);
            mlt.setAnalyzer(field.equals(PaperFields.ABSTRACT) ? english : titleWords);
            mlt.setFieldNames(new String[] {field});
            mlt.setMinTermFreq(1);
            mlt.setMinDocFreq(1);
            mlt.setMinWordLen(3);
            mlt.setMaxQueryTerms(30);
            mlt.setMaxDocFreqPct(20);
            Query q = mlt.like(field, new StringReader(passage));
            if (q instanceof BooleanQuery bq && bq.clauses().isEmpty()) {
                continue;
            }
            b.add(field.equals(PaperFields.TITLE_WORDS) ? new BoostQuery(q, 2f) : q, Occur.SHOULD);
            n++;
        }
        return n == 0 ? null : b.build();
    }
}
