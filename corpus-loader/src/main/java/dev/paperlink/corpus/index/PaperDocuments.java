package dev.paperlink.corpus.index;

import dev.paperlink.corpus.model.Author;
import dev.paperlink.corpus.model.Paper;
import dev.paperlink.corpus.model.SourceSpan;
import dev.paperlink.corpus.source.Identifiers;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.util.BytesRef;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** A {@link Cluster} to a Lucene document (read back by {@link PaperRecords}). No IO. */
final class PaperDocuments {
    /**
     * Analyzed text without positions: nothing here runs phrase queries, and positions would cost
     * a good part of indexing time.
     */
    static final FieldType TEXT = textType();
    /** Prefixes of title words: only whether a document has one matters (no frequencies, no norms). */
    static final FieldType PREFIXES = prefixType();

    private PaperDocuments() {
    }

    private static FieldType textType() {
        FieldType t = new FieldType(TextField.TYPE_NOT_STORED);
        t.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        t.freeze();
        return t;
    }

    private static FieldType prefixType() {
        FieldType t = new FieldType(TextField.TYPE_NOT_STORED);
        t.setIndexOptions(IndexOptions.DOCS);
        t.setOmitNorms(true);
        t.freeze();
        return t;
    }

    private static Field text(String name, String value) {
        return new Field(name, value, TEXT);
    }

    /**
     * @param p          the cluster's merged paper
     * @param matchTerms the cluster's {@link Cluster#matchTerms()}, computed once by the caller
     * @param record     the cluster encoded by {@link PaperCodec#encode}
     */
    static Document toDocument(Cluster cluster, Paper p, List<String> matchTerms, byte[] record) {
        Document doc = new Document();
        doc.add(new StringField(PaperFields.ID, cluster.id(), Field.Store.NO));
        doc.add(new BinaryDocValuesField(PaperFields.RECORD, new BytesRef(record)));
        java.util.Set<String> keyPrefixes = new java.util.HashSet<>();
        for (String key : p.allKeys()) {
            String lc = key.toLowerCase(Locale.ROOT);
            doc.add(new StringField(PaperFields.KEY_LC, lc, Field.Store.NO));
            for (int i = 1; i <= Math.min(lc.length(), PaperFields.KEY_EDGE_MAX); i++) {
                if (keyPrefixes.add(lc.substring(0, i))) {
                    doc.add(new StringField(PaperFields.KEY_EDGE, lc.substring(0, i), Field.Store.NO));
                }
            }
        }
        doc.add(text(PaperFields.TITLE_WORDS, p.title()));
        doc.add(new Field(PaperFields.TITLE_EDGE, p.title(), PREFIXES));
        String normalized = Identifiers.normalizedTitle(p.title());
        if (!normalized.isEmpty()) {
            doc.add(new StringField(PaperFields.TITLE_START, titleStart(normalized), Field.Store.NO));
        }
        if (!p.abstractText().isEmpty()) {
            doc.add(text(PaperFields.ABSTRACT, p.abstractText()));
        }
        for (Author a : p.authors()) {
            if (a.isOthers()) {
                continue;
            }
            doc.add(text(PaperFields.AUTHORS, a.displayName()));
            String family = a.isLiteral() ? a.literal() : (a.particle() + " " + a.family()).strip();
            doc.add(text(PaperFields.AUTHOR_FAMILY, family));
        }
        if (!p.year().isEmpty()) {
            doc.add(new StringField(PaperFields.YEAR, p.year(), Field.Store.NO));
        }
        doc.add(new NumericDocValuesField(PaperFields.YEAR_DV, parseYear(p.year())));
        doc.add(new NumericDocValuesField(PaperFields.POPULARITY_DV, p.popularity() == null ? 0 : p.popularity()));
        Set<String> sources = new LinkedHashSet<>();
        Set<String> formats = new LinkedHashSet<>();
        for (Paper part : cluster.parts()) {
            for (SourceSpan s : part.sources()) {
                sources.add(s.file());
                formats.add(s.format().label());
            }
        }
        matchTerms.forEach(m -> doc.add(new StringField(PaperFields.MATCH, m, Field.Store.NO)));
        sources.forEach(s -> doc.add(new StringField(PaperFields.SOURCE, s, Field.Store.NO)));
        formats.forEach(f -> doc.add(new StringField(PaperFields.FORMAT, f, Field.Store.NO)));
        return doc;
    }

    /** The indexed start of a normalised title: enough for any title prefix a person types. */
    static String titleStart(String normalizedTitle) {
        return normalizedTitle.length() <= TITLE_START_CHARS ? normalizedTitle : normalizedTitle.substring(0, TITLE_START_CHARS);
    }

    static final int TITLE_START_CHARS = 60;

    private static long parseYear(String year) {
        try {
            return year.isEmpty() ? 0 : Long.parseLong(year);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
