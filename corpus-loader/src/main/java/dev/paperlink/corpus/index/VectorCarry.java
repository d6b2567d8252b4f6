package dev.paperlink.corpus.index;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;

/**
 * The vectors an index run may keep: a snapshot of the index as the run found it, in which a
 * paper written again (its file changed, or it merged with another record) finds the vector made
 * before for the same text ({@link PaperFields#EMBEDDING_TEXT}), so that only papers whose text
 * changed are embedded again. Looked up on the indexing thread only.
 */
final class VectorCarry implements AutoCloseable {
    private final DirectoryReader snapshot;
    private final String field;
    private final TermsEnum[] enums;
    private PostingsEnum postings;

    private VectorCarry(DirectoryReader snapshot, String field) throws IOException {
        this.snapshot = snapshot;
        this.field = field;
        this.enums = new TermsEnum[snapshot.leaves().size()];
        for (int i = 0; i < enums.length; i++) {
            Terms terms = snapshot.leaves().get(i).reader().terms(PaperFields.EMBEDDING_TEXT);
            enums[i] = terms == null ? null : terms.iterator();
        }
    }

    /** @param field the vector field of the model in use, or null (nothing to keep) */
    static VectorCarry open(IndexWriter writer, String field) throws IOException {
        return field == null ? null : new VectorCarry(DirectoryReader.open(writer), field);
    }

    /** The vector this model made for a text of this hash, or null. */
    float[] vectorFor(String textHash) throws IOException {
        BytesRef term = new BytesRef(textHash);
        for (int i = 0; i < enums.length; i++) {
            if (enums[i] == null || !enums[i].seekExact(term)) {
                continue;
            }
            LeafReaderContext leaf = snapshot.leaves().get(i);
            postings = enums[i].postings(postings, PostingsEnum.NONE);
            for (int d = postings.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = postings.nextDoc()) {
                float[] v = Embeddings.vector(snapshot, field, leaf.docBase + d);
                if (v != null) {
                    return v;
                }
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        snapshot.close();
    }
}
