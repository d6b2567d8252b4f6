package dev.paperlink.corpus.index;

/**
 * Every Lucene field name, in one place, with how it is indexed. One Lucene document is one
 * paper (a cluster of source records); its source records are kept in {@link #RECORD}, the merged
 * paper is computed from them when read.
 */
final class PaperFields {
    /** StringField: the stable id; documents are updated and deleted by it. */
    static final String ID = "id";
    /**
     * BinaryDocValues: the paper as {@link PaperCodec} encodes it (id, generated key, which is kept
     * so that re-merging never renames a paper, and source records). Doc values, not stored
     * fields: written and read as they are, with no compression to pay for on either side.
     */
    static final String RECORD = "record";
    /** {@link ExactTermsField}: key and aliases in lower case, for look-up and prefix completion. */
    static final String KEY_LC = "key_lc";
    /** {@link ExactTermsField}: every prefix (1 to {@code KEY_EDGE_MAX} chars) of the lower-case keys: key prefix in one term. */
    static final String KEY_EDGE = "key_edge";
    /** Longest key prefix indexed; longer typed prefixes use a prefix query (few keys share them). */
    static final int KEY_EDGE_MAX = 5;
    /** TextField, words of the title, folded, not stemmed, no stop words removed: completion (the word being typed: a prefix query), search, related papers. */
    static final String TITLE_WORDS = "title_words";
    /** StringField: the normalised title (its first 60 characters), for "title starts with" completion. */
    static final String TITLE_START = "title_start";
    /** TextField, English analysis of the abstract ({@link Analyzers#english()}). */
    static final String ABSTRACT = "abstract";
    /**
     * TextField: title, keywords and abstract in one, English words with Porter stemming and
     * Lucene's 33 English stop words ({@link Analyzers#topic()}), frequencies without positions:
     * related papers, ranked by BM25 with k1 = 0.9 and b = 0.4 ({@link #similarity()}).
     */
    static final String TOPIC = "topic";
    /**
     * StringField: a hash of the text a paper's vector was made from ({@link Embeddings#textHash}),
     * beside the vector: an index run that writes the paper again keeps the vector when the text is
     * the same ({@link VectorCarry}). The vectors themselves are in a field per model ({@link Embeddings#field}).
     */
    static final String EMBEDDING_TEXT = "embedding_text";
    /** TextField, every author's display name, folded, one per line in one value. */
    static final String AUTHORS = "authors";
    /** TextField: family names and organisation names, folded, one per line in one value, for author + year completion. */
    static final String AUTHOR_FAMILY = "author_family";
    /** StringField: the four-digit year. */
    static final String YEAR = "year";
    /** NumericDocValues: year as a number (0 when unknown), a tie-breaker. */
    static final String YEAR_DV = "year_dv";
    /** NumericDocValues: popularity (HF upvotes, citation counts; 0 when unknown), a tie-breaker. */
    static final String POPULARITY_DV = "popularity_dv";
    /** SortedDocValues: the key in lower case, the last tie-breaker (the order of equal hits is the same in every index). */
    static final String KEY_SORT = "key_sort";
    /** {@link ExactTermsField}: {@link dev.paperlink.corpus.merge.MatchKeys} terms (titles hashed) for de-duplication. */
    static final String MATCH = "match";
    /** {@link ExactTermsField}: the source files of the records, to drop them when a file changes. */
    static final String SOURCE = "source";
    /** {@link ExactTermsField}: the formats of the records, for statistics. */
    static final String FORMAT = "format";

    private PaperFields() {
    }

    /** BM25 per field: the defaults, and Anserini's k1 = 0.9, b = 0.4 for {@link #TOPIC} (short queries against abstracts). */
    static org.apache.lucene.search.similarities.Similarity similarity() {
        org.apache.lucene.search.similarities.Similarity standard = new org.apache.lucene.search.similarities.BM25Similarity();
        org.apache.lucene.search.similarities.Similarity topic = new org.apache.lucene.search.similarities.BM25Similarity(0.9f, 0.4f);
        return new org.apache.lucene.search.similarities.PerFieldSimilarityWrapper() {
            @Override
            public org.apache.lucene.search.similarities.Similarity get(String field) {
                return field.equals(TOPIC) ? topic : standard;
            }
        };
    }
}
