package dev.paperlink.corpus.index;

import dev.paperlink.corpus.model.Author;
import dev.paperlink.corpus.model.Paper;
import dev.paperlink.corpus.model.SourceSpan;
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

    private PaperDocuments() {
    }

    private static FieldType textType() {
        FieldType t = new FieldType(TextField.TYPE_NOT_STORED);
        t.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
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
     * @param normalizedTitle {@code Identifiers.normalizedTitle(p.title())}, computed once by the caller
     */
    static Document toDocument(Cluster cluster, Paper p, List<String> matchTerms, byte[] record,
            String normalizedTitle) {
        Document doc = new Document();
        doc.add(new StringField(PaperFields.ID, cluster.id(), Field.Store.NO));
        doc.add(new BinaryDocValuesField(PaperFields.RECORD, new BytesRef(record)));
        addKeys(doc, p.allKeys());
        doc.add(text(PaperFields.TITLE_WORDS, p.title()));
        if (!normalizedTitle.isEmpty()) {
            doc.add(new StringField(PaperFields.TITLE_START, titleStart(normalizedTitle), Field.Store.NO));
        }
        if (!p.abstractText().isEmpty()) {
            doc.add(text(PaperFields.ABSTRACT, p.abstractText()));
        }
        doc.add(text(PaperFields.TOPIC, topic(p)));
        addAuthors(doc, p.authors());
        if (!p.year().isEmpty()) {
            doc.add(new StringField(PaperFields.YEAR, p.year(), Field.Store.NO));
        }
        doc.add(new NumericDocValuesField(PaperFields.YEAR_DV, parseYear(p.year())));
        doc.add(new NumericDocValuesField(PaperFields.POPULARITY_DV, p.popularity() == null ? 0 : p.popularity()));
        doc.add(new org.apache.lucene.document.SortedDocValuesField(PaperFields.KEY_SORT,
                new org.apache.lucene.util.BytesRef(p.key().toLowerCase(java.util.Locale.ROOT))));
        doc.add(new ExactTermsField(PaperFields.MATCH, matchTerms));
        addProvenance(doc, cluster);
        return doc;
    }

    /** What a paper is about, as related papers are found by: its title, keywords and abstract. */
    static String topic(Paper p) {
        StringBuilder sb = new StringBuilder(p.title().length() + p.abstractText().length() + 64).append(p.title()).append('\n');
        p.keywords().forEach(k -> sb.append(k).append('\n'));
        return sb.append(p.abstractText()).toString();
    }

    /** Keys and aliases in lower case, and their prefixes up to {@link PaperFields#KEY_EDGE_MAX} chars. */
    private static void addKeys(Document doc, List<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        Set<String> lowerCase = new LinkedHashSet<>();
        Set<String> prefixes = new LinkedHashSet<>();
        for (String key : keys) {
            String lc = key.toLowerCase(Locale.ROOT);
            lowerCase.add(lc);
            for (int i = 1; i <= Math.min(lc.length(), PaperFields.KEY_EDGE_MAX); i++) {
                prefixes.add(lc.substring(0, i));
            }
        }
        doc.add(new ExactTermsField(PaperFields.KEY_LC, lowerCase));
        doc.add(new ExactTermsField(PaperFields.KEY_EDGE, prefixes));
    }

    /**
     * Every author's display name in one field value, and every family (or organisation) name in
     * another, one name per line: one field each instead of one per author. Positions are not
     * indexed, and a field's length sums over its values anyway, so scores are as for one field per name.
     */
    private static void addAuthors(Document doc, List<Author> authors) {
        StringBuilder names = new StringBuilder();
        StringBuilder families = new StringBuilder();
        for (Author a : authors) {
            if (a.isOthers()) {
                continue;
            }
            names.append(a.displayName()).append('\n');
            if (a.isLiteral()) {
                families.append(a.literal());
            } else {
                if (!a.particle().isEmpty()) {
                    families.append(a.particle()).append(' ');
                }
                families.append(a.family());
            }
            families.append('\n');
        }
        if (!names.isEmpty()) {
            doc.add(text(PaperFields.AUTHORS, names.toString()));
            doc.add(text(PaperFields.AUTHOR_FAMILY, families.toString()));
        }
    }

    /** The source files and formats of the cluster's records. */
    private static void addProvenance(Document doc, Cluster cluster) {
        Set<String> sources = new LinkedHashSet<>();
        Set<String> formats = new LinkedHashSet<>();
        for (Paper part : cluster.parts()) {
            for (SourceSpan s : part.sources()) {
                sources.add(s.file());
                formats.add(s.format().label());
            }
        }
        doc.add(new ExactTermsField(PaperFields.SOURCE, sources));
        doc.add(new ExactTermsField(PaperFields.FORMAT, formats));
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

    /**
     * Values that become whole terms (key, aliases, DOI, arXiv id) longer than this are refused:
     * Lucene refuses terms over 32,766 bytes, and a record with one would end the whole run.
     */
    static final int MAX_TERM_CHARS = 2_000;

    /** Why a record cannot be indexed (a value too long to be a term), or empty. */
    static java.util.Optional<String> overlongValue(dev.paperlink.corpus.model.Paper p) {
        for (String k : p.allKeys()) {
            if (k.length() > MAX_TERM_CHARS) {
                return java.util.Optional.of("key of " + k.length() + " characters (at most " + MAX_TERM_CHARS + ")");
            }
        }
        if (p.doi().length() > MAX_TERM_CHARS) {
            return java.util.Optional.of("DOI of " + p.doi().length() + " characters (at most " + MAX_TERM_CHARS + ")");
        }
        if (p.arxivId().length() > MAX_TERM_CHARS) {
            return java.util.Optional.of("arXiv id of " + p.arxivId().length() + " characters (at most " + MAX_TERM_CHARS + ")");
        }
        return java.util.Optional.empty();
    }
}
