package dev.paperlink.corpus.solr;

import dev.paperlink.corpus.model.Author;
import dev.paperlink.corpus.model.Paper;
import dev.paperlink.corpus.model.SourceSpan;
import dev.paperlink.corpus.source.Identifiers;
import org.apache.solr.common.SolrInputDocument;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** A paper as a document of the collection (schema.xml in the configset): what the embedded index's PaperDocuments makes, in Solr's fields. */
final class SolrDocuments {
    static final String TYPE = "type";
    static final String PAPER = "paper";
    static final String SOURCE_DOC = "source";
    static final String META = "meta";
    static final String META_ID = "meta:generation";
    static final String SOURCE_PREFIX = "source:";
    /** As the embedded index: a normalised title's first characters are its "starts with" term. */
    static final int TITLE_START_CHARS = 60;
    /** A key, DOI or arXiv id longer than this is no term (the embedded index refuses the same records). */
    static final int MAX_TERM_CHARS = 2_000;

    private SolrDocuments() {
    }

    static SolrInputDocument paper(SolrCluster cluster) {
        Paper p = cluster.merged();
        SolrInputDocument doc = new SolrInputDocument();
        doc.setField("id", cluster.id());
        doc.setField(TYPE, PAPER);
        doc.setField("record", PaperJson.write(cluster));
        doc.setField("brief", PaperJson.writeBrief(cluster));
        Set<String> keys = new LinkedHashSet<>();
        p.allKeys().forEach(k -> keys.add(k.toLowerCase(Locale.ROOT)));
        doc.setField("key_lc", List.copyOf(keys));
        doc.setField("key_edge", List.copyOf(keys));
        doc.setField("key_sort", p.key().toLowerCase(Locale.ROOT));
        if (!p.title().isEmpty()) {
            doc.setField("title_words", p.title());
            doc.setField("title_edge", p.title());
            String normalized = Identifiers.normalizedTitle(p.title());
            if (!normalized.isEmpty()) {
                doc.setField("title_start", normalized.length() <= TITLE_START_CHARS ? normalized : normalized.substring(0, TITLE_START_CHARS));
            }
        }
        List<String> families = p.authors().stream().filter(a -> !a.isOthers())
                .map(a -> a.isLiteral() ? a.literal() : a.family()).filter(s -> !s.isEmpty()).toList();
        if (!families.isEmpty()) {
            doc.setField("author_family", families);
            doc.setField("author_edge", families);
            doc.setField("authors", p.authors().stream().filter(a -> !a.isOthers()).map(Author::displayName).toList());
        }
        if (!p.year().isEmpty()) {
            doc.setField("year", p.year());
        }
        if (!p.abstractText().isEmpty()) {
            doc.setField("abstract", p.abstractText());
        }
        String topic = String.join("\n", p.title(), String.join(", ", p.keywords()), p.abstractText()).strip();
        if (!topic.isEmpty()) {
            doc.setField("topic", topic);
        }
        if (p.popularity() != null) {
            doc.setField("popularity", p.popularity());
        }
        doc.setField("match", cluster.matchTerms());
        Set<String> files = new LinkedHashSet<>();
        Set<String> formats = new LinkedHashSet<>();
        for (Paper part : cluster.parts()) {
            for (SourceSpan s : part.sources()) {
                files.add(s.file());
                formats.add(s.format().label());
            }
        }
        doc.setField("source", List.copyOf(files));
        doc.setField("format", List.copyOf(formats));
        return doc;
    }

    /** Why a record cannot be indexed (a value too long to be a term), or empty: the embedded index's rule. */
    static Optional<String> overlongValue(Paper p) {
        for (String k : p.allKeys()) {
            if (k.length() > MAX_TERM_CHARS) {
                return Optional.of("key of " + k.length() + " characters (at most " + MAX_TERM_CHARS + ")");
            }
        }
        if (p.doi().length() > MAX_TERM_CHARS) {
            return Optional.of("DOI of " + p.doi().length() + " characters (at most " + MAX_TERM_CHARS + ")");
        }
        if (p.arxivId().length() > MAX_TERM_CHARS) {
            return Optional.of("arXiv id of " + p.arxivId().length() + " characters (at most " + MAX_TERM_CHARS + ")");
        }
        return Optional.empty();
    }
}
