package dev.paperlink.corpus.index;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds papers by match term, id or key while an indexing run writes: recent changes live in
 * memory, older ones are read from a near-real-time reader that is reopened every
 * {@value #PENDING_LIMIT} changes (or about {@code PENDING_BYTES_LIMIT} of papers), so memory stays
 * bounded however big the input.
 */
final class ClusterLookup implements AutoCloseable {
    static final int PENDING_LIMIT = 100_000;
    /** Bytes of encoded papers held in memory before a refresh, at most (no more than the indexing buffer). */
    static final long PENDING_BYTES_LIMIT = 128L << 20;
    private final long pendingBytesLimit;

    private final IndexWriter writer;
    private final ParallelUpdates updates;
    private DirectoryReader reader;
    private final Map<String, String> pendingMatch = new HashMap<>();
    /** Recent papers as {@link PaperCodec} encoded them: one array per paper is cheap to hold (and to collect). */
    private final Map<String, byte[]> pendingClusters = new HashMap<>();
    private final Set<String> pendingKeys = new HashSet<>();
    private final Set<String> pendingIds = new HashSet<>();
    private int changes;
    private long pendingBytes;
    /** Per field, one terms enum per leaf of the current reader; reused until the next refresh. */
    private final Map<String, TermsEnum[]> termsEnums = new HashMap<>();
    private PostingsEnum postings;
    /**
     * When the run started on an empty index: the match terms, lower-case keys and ids it wrote (all
     * of {@link #changed}), so that a look-up of one it never wrote skips the segments. Null otherwise.
     */
    private final WrittenTerms written;

    ClusterLookup(IndexWriter writer, ParallelUpdates updates, long indexingBufferBytes) throws IOException {
        this.pendingBytesLimit = Math.min(PENDING_BYTES_LIMIT, Math.max(8L << 20, indexingBufferBytes / 2));
        this.writer = writer;
        this.updates = updates;
        this.reader = DirectoryReader.open(writer);
        this.written = reader.maxDoc() == 0 ? new WrittenTerms() : null;
    }

    /** The id of a paper indexed under this match term, if any. */
    Optional<String> idByMatch(String term) throws IOException {
        String id = pendingMatch.get(term);
        if (id != null) {
            return Optional.of(id);
        }
        return firstDocRef(PaperFields.MATCH, term).map(this::idOf);
    }

    Optional<Cluster> cluster(String id) throws IOException {
        byte[] pending = pendingClusters.get(id);
        if (pending != null) {
            return Optional.of(PaperCodec.decode(pending, 0, pending.length));
        }
        Optional<int[]> doc = firstDocRef(PaperFields.ID, id);
        if (doc.isEmpty()) {
            return Optional.empty();
        }
        int[] ref = doc.get();
        return Optional.of(PaperRecords.read(reader.leaves().get(ref[0]).reader(), ref[1]));
    }

    /** Whether any committed or refreshed paper has a record from this source file. */
    boolean hasSource(String file) throws IOException {
        return firstDocRef(PaperFields.SOURCE, file).isPresent();
    }

    boolean keyTaken(String lowerCaseKey) throws IOException {
        return pendingKeys.contains(lowerCaseKey) || firstDocRef(PaperFields.KEY_LC, lowerCaseKey).isPresent();
    }

    boolean idTaken(String id) throws IOException {
        return pendingIds.contains(id) || firstDocRef(PaperFields.ID, id).isPresent();
    }

    /**
     * Records a change just written to the index writer.
     *
     * @param record the paper as {@link PaperCodec} encoded it
     */
    void changed(String id, byte[] record, Iterable<String> matchTerms, Iterable<String> lowerCaseKeys)
            throws IOException {
        pendingClusters.put(id, record);
        pendingIds.add(id);
        matchTerms.forEach(t -> pendingMatch.putIfAbsent(t, id));
        lowerCaseKeys.forEach(pendingKeys::add);
        if (written != null) {
            written.add(PaperFields.ID, id);
            matchTerms.forEach(t -> written.add(PaperFields.MATCH, t));
            lowerCaseKeys.forEach(k -> written.add(PaperFields.KEY_LC, k));
        }
        pendingBytes += record.length + 256L;
        if (++changes >= PENDING_LIMIT || pendingBytes >= pendingBytesLimit) {
            refresh();
        }
    }

    /** Makes every change so far visible to the reader and forgets the in-memory copies. */
    void refresh() throws IOException {
        updates.flushAll(writer);
        DirectoryReader newer = DirectoryReader.openIfChanged(reader, writer);
        if (newer != null) {
            reader.close();
            reader = newer;
            termsEnums.clear();
            postings = null;
        }
        pendingMatch.clear();
        pendingClusters.clear();
        pendingKeys.clear();
        pendingIds.clear();
        changes = 0;
        pendingBytes = 0;
    }

    DirectoryReader reader() {
        return reader;
    }

    private String idOf(int[] ref) {
        try {
            return PaperRecords.id(reader.leaves().get(ref[0]).reader(), ref[1]);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** {leaf ordinal, doc} of the first live document with this term. */
    private Optional<int[]> firstDocRef(String field, String term) throws IOException {
        if (written != null && (field.equals(PaperFields.MATCH) || field.equals(PaperFields.KEY_LC) || field.equals(PaperFields.ID))
                && !written.mayContain(field, term)) {
            return Optional.empty();
        }
        BytesRef bytes = new BytesRef(term);
        TermsEnum[] enums = termsEnums.computeIfAbsent(field, this::openTermsEnums);
        List<LeafReaderContext> leaves = reader.leaves();
        for (int i = 0; i < enums.length; i++) {
            TermsEnum te = enums[i];
            if (te == null || !te.seekExact(bytes)) {
                continue;
            }
            LeafReader leaf = leaves.get(i).reader();
            postings = te.postings(postings, PostingsEnum.NONE);
            Bits live = leaf.getLiveDocs();
            for (int d = postings.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = postings.nextDoc()) {
                if (live == null || live.get(d)) {
                    return Optional.of(new int[] {i, d});
                }
            }
        }
        return Optional.empty();
    }

    private TermsEnum[] openTermsEnums(String field) {
        List<LeafReaderContext> leaves = reader.leaves();
        TermsEnum[] enums = new TermsEnum[leaves.size()];
        try {
            for (int i = 0; i < enums.length; i++) {
                Terms terms = leaves.get(i).reader().terms(field);
                enums[i] = terms == null ? null : terms.iterator();
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return enums;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
