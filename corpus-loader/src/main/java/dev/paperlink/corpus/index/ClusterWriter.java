package dev.paperlink.corpus.index;

import dev.paperlink.corpus.merge.CitationKeys;
import dev.paperlink.corpus.merge.MatchKeys;
import dev.paperlink.corpus.model.Paper;
import dev.paperlink.corpus.source.Identifiers;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Adds source records to the index one by one, merging each into the paper it belongs to
 * ({@link MatchKeys}) or starting a new paper with a stable id and, when it has no key, a
 * generated one ({@link CitationKeys}).
 */
final class ClusterWriter {
    private final IndexWriter writer;
    private final ClusterLookup lookup;
    private final ParallelUpdates updates;
    private long merged;
    /** Clusters written, to look at the writer's buffer every 64 of them. */
    private long written;

    private final long flushAtBytes;

    /** Vectors a rewritten paper keeps when its text is the same, or null (no embeddings). */
    private final VectorCarry carry;
    private final String vectorField;

    ClusterWriter(IndexWriter writer, ClusterLookup lookup, ParallelUpdates updates, long flushAtBytes) {
        this(writer, lookup, updates, flushAtBytes, null, null);
    }

    ClusterWriter(IndexWriter writer, ClusterLookup lookup, ParallelUpdates updates, long flushAtBytes, VectorCarry carry,
                  String vectorField) {
        this.carry = carry;
        this.vectorField = vectorField;
        this.flushAtBytes = flushAtBytes;
        this.writer = writer;
        this.lookup = lookup;
        this.updates = updates;
    }

    /** Adds one record; returns true when it joined a paper already known. */
    boolean add(Paper part) throws IOException {
        String normalizedTitle = Identifiers.normalizedTitle(part.title());
        MatchKeys.Hashed terms = MatchKeys.hashed(part, normalizedTitle);
        Optional<Cluster> existing = findMatch(part, terms.lookup());
        if (existing.isPresent()) {
            Cluster cluster = existing.get().with(part);
            write(cluster, cluster.matchTerms(), false, null);
            merged++;
        } else {
            // a new paper's title is its one record's title
            write(newCluster(part), terms.index(), true, normalizedTitle);
        }
        return existing.isPresent();
    }

    long merged() {
        return merged;
    }

    /** Writes a changed cluster (replacing its document) and tells the lookup about it. */
    void write(Cluster cluster) throws IOException {
        write(cluster, cluster.matchTerms(), false, null);
    }

    /**
     * Writes a cluster and tells the lookup about it. A new cluster's id is in no document yet
     * ({@link #newCluster} made sure), so it is added without the delete-by-id an update costs:
     * every such delete is looked up again in each segment when the writer flushes.
     *
     * @param terms           the cluster's {@link Cluster#matchTerms()}
     * @param normalizedTitle the merged paper's title normalised, or null to compute it here
     */
    private void write(Cluster cluster, List<String> terms, boolean isNew, String normalizedTitle) throws IOException {
        Paper paper = cluster.merged();
        byte[] record = PaperCodec.encode(cluster);
        String normalized = normalizedTitle != null ? normalizedTitle : Identifiers.normalizedTitle(paper.title());
        String textHash = carry == null ? null : Embeddings.textHash(paper);
        float[] vector = carry == null ? null : carry.vectorFor(textHash);
        updates.submit(cluster.id(), () -> {
            Document doc = PaperDocuments.toDocument(cluster, paper, terms, record, normalized);
            if (vector != null) {
                Embeddings.addVector(doc, vectorField, vector, textHash);
            }
            if (isNew) {
                writer.addDocument(doc);
            } else {
                writer.updateDocument(new Term(PaperFields.ID, cluster.id()), doc);
            }
        });
        List<String> keys = paper.allKeys().stream().map(k -> k.toLowerCase(Locale.ROOT)).toList();
        lookup.changed(cluster.id(), record, terms, keys);
        if ((++written & 63) == 0 && writer.ramBytesUsed() >= flushAtBytes) {
            flushBuffers();
        }
    }

    /**
     * Writes every in-memory segment out, each on its own thread and all at once (a commit or a
     * near-real-time reader would flush them one after the other on the calling thread).
     */
    void flushBuffers() throws IOException {
        updates.flushAll(writer);
    }

    void delete(String id) throws IOException {
        updates.submit(id, () -> writer.deleteDocuments(new Term(PaperFields.ID, id)));
    }

    private Optional<Cluster> findMatch(Paper part, List<String> lookupTerms) throws IOException {
        for (String term : lookupTerms) {
            Optional<String> id = lookup.idByMatch(term);
            if (id.isEmpty()) {
                continue;
            }
            Optional<Cluster> cluster = lookup.cluster(id.get());
            if (cluster.isPresent() && MatchKeys.compatible(cluster.get().merged(), part)) {
                return cluster;
            }
        }
        return Optional.empty();
    }

    private Cluster newCluster(Paper part) throws IOException {
        String generatedKey = "";
        if (part.key().isEmpty()) {
            generatedKey = CitationKeys.unique(CitationKeys.base(part), k -> taken(k));
        }
        String id = CitationKeys.unique(CitationKeys.baseId(part, generatedKey), this::idTaken);
        return new Cluster(id, generatedKey, List.of(part));
    }

    private boolean taken(String key) {
        try {
            return lookup.keyTaken(key.toLowerCase(Locale.ROOT));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private boolean idTaken(String id) {
        try {
            return lookup.idTaken(id);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
