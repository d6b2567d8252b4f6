package dev.paperlink.corpus.index;

import dev.paperlink.corpus.embed.Embedder;
import dev.paperlink.corpus.model.Paper;
import dev.paperlink.corpus.source.Identifiers;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Papers' embeddings, as Lucene vectors (HNSW, dot product of unit vectors) in a field named
 * after the model: made after the words are indexed, in batches, for the papers that have none
 * (new or changed ones lose theirs when the indexer rewrites them), so that the keyword index
 * never waits for them.
 */
final class Embeddings {
    /** Papers embedded per call to the model. */
    static final int BATCH = 64;

    private Embeddings() {
    }

    /** The vector field of a model: another model's vectors are never compared with this one's. */
    static String field(Embedder e) {
        return "embedding_" + e.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
    }

    /** What a paper's vector is made from: its title, keywords and abstract. */
    static String text(Paper p) {
        return p.title() + ". " + String.join(", ", p.keywords()) + ". " + p.abstractText();
    }

    static Query missing(String field) {
        return new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.MUST).add(new FieldExistsQuery(field), Occur.MUST_NOT).build();
    }

    /** Progress of the papers' embeddings. */
    record Count(long embedded, long missing) {
    }

    static Count count(IndexSearcher s, String field) throws IOException {
        long missing = s.count(missing(field));
        return new Count(s.getIndexReader().numDocs() - missing, missing);
    }

    /**
     * Embeds up to {@code max} papers that have no vector yet and rewrites their documents with it;
     * the caller holds the writer alone (no index run at the same time) and commits. How many.
     */
    static int fill(IndexWriter writer, Embedder embedder, int max) throws IOException {
        String field = field(embedder);
        int done = 0;
        try (DirectoryReader reader = DirectoryReader.open(writer)) {
            IndexSearcher s = new IndexSearcher(reader);
            ScoreDoc[] docs = s.search(missing(field), Math.max(1, max)).scoreDocs;
            for (int from = 0; from < docs.length; from += BATCH) {
                ScoreDoc[] batch = java.util.Arrays.copyOfRange(docs, from, Math.min(docs.length, from + BATCH));
                Cluster[] clusters = PaperRecords.read(reader, batch);
                List<String> texts = new ArrayList<>(clusters.length);
                List<Paper> papers = new ArrayList<>(clusters.length);
                for (Cluster c : clusters) {
                    Paper p = c.merged();
                    papers.add(p);
                    texts.add(text(p));
                }
                List<float[]> vectors = embedder.embed(texts);
                for (int i = 0; i < clusters.length; i++) {
                    Cluster c = clusters[i];
                    Paper p = papers.get(i);
                    Document doc = PaperDocuments.toDocument(c, p, c.matchTerms(), PaperCodec.encode(c), Identifiers.normalizedTitle(p.title()));
                    addVector(doc, field, vectors.get(i), textHash(p));
                    writer.updateDocument(new Term(PaperFields.ID, c.id()), doc);
                    done++;
                }
            }
        }
        return done;
    }

    /** A paper's vector, and the hash of the text it was made from. */
    static void addVector(Document doc, String field, float[] vector, String textHash) {
        doc.add(new KnnFloatVectorField(field, vector, VectorSimilarityFunction.DOT_PRODUCT));
        doc.add(new org.apache.lucene.document.StringField(PaperFields.EMBEDDING_TEXT, textHash, org.apache.lucene.document.Field.Store.NO));
    }

    /** The hash of {@link #text}: 128 bits, base64. */
    static String textHash(Paper p) {
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(com.google.common.hash.Hashing.murmur3_128()
                .hashString(text(p), java.nio.charset.StandardCharsets.UTF_8).asBytes());
    }

    /** The vector of one document, or null when it has none. */
    static float[] vector(IndexReader reader, String field, int doc) throws IOException {
        List<LeafReaderContext> leaves = reader.leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        FloatVectorValues values = leaf.reader().getFloatVectorValues(field);
        if (values == null) {
            return null;
        }
        KnnVectorValues.DocIndexIterator it = values.iterator();
        int target = doc - leaf.docBase;
        return it.advance(target) == target ? values.vectorValue(it.index()).clone() : null;
    }
}
