package dev.paperlink.corpus.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.IndexOptions;

import java.util.Collection;
import java.util.Iterator;

/**
 * Several exact terms (not analyzed, like {@link org.apache.lucene.document.StringField}s) in one
 * field instance: a paper's keys, key prefixes or match terms cost the index writer one field
 * each instead of one per value, and the token stream is reused from document to document.
 */
final class ExactTermsField extends Field {
    /** Indexed, whether a document has the term is all that counts: no frequencies, no norms. */
    static final FieldType TYPE = type();

    private final Collection<String> terms;

    ExactTermsField(String name, Collection<String> terms) {
        super(name, TYPE);
        this.terms = terms;
    }

    private static FieldType type() {
        FieldType t = new FieldType();
        t.setIndexOptions(IndexOptions.DOCS);
        t.setOmitNorms(true);
        t.setTokenized(true);
        t.freeze();
        return t;
    }

    @Override
    public TokenStream tokenStream(Analyzer analyzer, TokenStream reuse) {
        Terms stream = reuse instanceof Terms t ? t : new Terms();
        stream.terms = terms;
        return stream;
    }

    /** The terms, one token each. */
    private static final class Terms extends TokenStream {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private Collection<String> terms;
        private Iterator<String> next;

        @Override
        public void reset() {
            next = terms.iterator();
        }

        @Override
        public boolean incrementToken() {
            if (!next.hasNext()) {
                return false;
            }
            clearAttributes();
            term.setEmpty().append(next.next());
            return true;
        }

        @Override
        public void close() {
            next = null;
        }
    }
}
