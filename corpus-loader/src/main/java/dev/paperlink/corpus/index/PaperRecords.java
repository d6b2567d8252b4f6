package dev.paperlink.corpus.index;

import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** Reads the papers kept in {@link PaperFields#RECORD} by document number. */
final class PaperRecords {
    private PaperRecords() {
    }

    /** The paper of one document of a leaf. */
    static Cluster read(LeafReader leaf, int doc) throws IOException {
        BytesRef b = bytes(leaf, doc);
        return PaperCodec.decode(b.bytes, b.offset, b.length);
    }

    /** Only the id of the paper of one document of a leaf. */
    static String id(LeafReader leaf, int doc) throws IOException {
        BytesRef b = bytes(leaf, doc);
        return PaperCodec.decodeId(b.bytes, b.offset, b.length);
    }

    /** The papers of these hits, in the same order. */
    static Cluster[] read(IndexReader reader, ScoreDoc[] hits) throws IOException {
        int[] docs = new int[hits.length];
        for (int i = 0; i < docs.length; i++) {
            docs[i] = hits[i].doc;
        }
        return read(reader, docs);
    }

    /**
     * The papers of these top-level document numbers, in the same order. Doc values are read
     * forwards, so the documents are visited by leaf and in increasing order.
     */
    static Cluster[] read(IndexReader reader, int[] docs) throws IOException {
        Cluster[] out = new Cluster[docs.length];
        Integer[] order = new Integer[docs.length];
        for (int i = 0; i < docs.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingInt(i -> docs[i]));
        List<LeafReaderContext> leaves = reader.leaves();
        BinaryDocValues values = null;
        int leafIndex = -1;
        int lastDoc = -1;
        for (int i : order) {
            int leaf = ReaderUtil.subIndex(docs[i], leaves);
            LeafReaderContext ctx = leaves.get(leaf);
            int doc = docs[i] - ctx.docBase;
            if (leaf != leafIndex || doc <= lastDoc) {
                values = ctx.reader().getBinaryDocValues(PaperFields.RECORD);
                leafIndex = leaf;
            }
            if (values == null || !values.advanceExact(doc)) {
                throw new IOException("document " + docs[i] + " has no paper record");
            }
            BytesRef b = values.binaryValue();
            out[i] = PaperCodec.decode(b.bytes, b.offset, b.length);
            lastDoc = doc;
        }
        return out;
    }

    private static BytesRef bytes(LeafReader leaf, int doc) throws IOException {
        BinaryDocValues values = leaf.getBinaryDocValues(PaperFields.RECORD);
        if (values == null || !values.advanceExact(doc)) {
            throw new IOException("document " + doc + " has no paper record");
        }
        return values.binaryValue();
    }
}
