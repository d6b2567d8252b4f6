package dev.paperlink.corpus.source.csl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paperlink.corpus.model.Author;
import dev.paperlink.corpus.model.Paper;
import dev.paperlink.corpus.model.PaperBuilder;
import dev.paperlink.corpus.model.SourceFormat;
import dev.paperlink.corpus.model.SourceSpan;
import dev.paperlink.corpus.source.Identifiers;
import dev.paperlink.corpus.source.Skip;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One CSL item (CSL-JSON or CSL-YAML, read as a Jackson tree) to a {@link Paper}. */
public final class CslMapper {
    private static final Pattern KEY_LIKE = Pattern.compile("[^\\s{}(),\"'\\\\#%~]{1,200}");
    private static final Pattern ZOTERO_ITEM_ID = Pattern.compile("\\d+/[A-Z0-9]{8}");
    // "^\h*", not "^\s*": a line's leading blanks only; "\s*" ran on over the following lines from every line
    // start, quadratic in a run of blank lines (seconds for a note of 20,000 line breaks)
    private static final Pattern NOTE_KEY = Pattern.compile("(?im)^\\h*(?:citation[ -]?key|citationkey)\\s*:\\s*(\\S+)\\s*$");
    private static final Pattern NOTE_ARXIV = Pattern.compile("(?im)^\\h*arxiv\\s*:\\s*(\\S+)");
    private static final String[] DATE_VARIABLES = {"issued", "accessed", "original-date", "event-date", "submitted",
        "available-date"};
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("article-journal", "article"),
            Map.entry("article-magazine", "article"),
            Map.entry("article-newspaper", "article"),
            Map.entry("review", "article"),
            Map.entry("review-book", "article"),
            Map.entry("paper-conference", "inproceedings"),
            Map.entry("chapter", "incollection"),
            Map.entry("entry-encyclopedia", "incollection"),
            Map.entry("entry-dictionary", "incollection"),
            Map.entry("entry", "incollection"),
            Map.entry("book", "book"),
            Map.entry("classic", "book"),
            Map.entry("collection", "book"),
            Map.entry("pamphlet", "booklet"),
            Map.entry("thesis", "phdthesis"),
            Map.entry("report", "techreport"),
            Map.entry("manuscript", "unpublished"));

    private CslMapper() {
    }

    /** Either a paper or the skip that replaces it. */
    public record Result(Paper paper, Skip skip) {
        static Result ok(Paper p) {
            return new Result(p, null);
        }

        static Result skipped(Skip s) {
            return new Result(null, s);
        }
    }

    /** BibTeX entry type for a CSL type (lower case), given the CSL genre for theses. */
    public static String entryType(String cslType, String genre) {
        String t = cslType == null ? "" : cslType.strip().toLowerCase(Locale.ROOT);
        String mapped = TYPES.getOrDefault(t, "misc");
        if (mapped.equals("phdthesis") && genre != null && genre.toLowerCase(Locale.ROOT).contains("master")) {
            return "mastersthesis";
        }
        return mapped;
    }

    /** Whether a CSL {@code id} / {@code citation-key} value can serve as a citation key. */
    public static boolean looksLikeKey(String s) {
        return s != null && KEY_LIKE.matcher(s).matches() && !s.contains("://") && !ZOTERO_ITEM_ID.matcher(s).matches();
    }

    public static Result map(JsonNode item, String file, SourceFormat format, int startLine, int endLine) {
        if (item == null || !item.isObject()) {
            String what = item == null || item.isNull() ? "null" : item.isArray() ? "an array" : "a " + item.getNodeType().name().toLowerCase(Locale.ROOT);
            return Result.skipped(new Skip(file, startLine, "not an object", "item is " + what + ", not an object"));
        }
        PaperBuilder b = Paper.builder();
        String key = key(item);
        b.key(key);
        b.title(CslText.display(CslText.field(item, "title")));

        List<Author> authors = CslNames.names(item.get("author"));
        if (authors.isEmpty()) {
            authors = CslNames.names(item.get("editor"));
        }
        b.authors(authors);

        Optional<CslDates.PartialDate> issued = CslDates.fromCsl(item.get("issued"));
        if (issued.isEmpty()) {
            issued = CslDates.fromCsl(item.get("original-date"));
        }
        issued.ifPresent(d -> {
            b.year(d.yearText());
            b.date(d.iso());
        });

        String venue = "";
        for (String f : new String[] {"container-title", "collection-title", "event-title", "event"}) {
            venue = CslText.display(CslText.field(item, f));
            if (!venue.isEmpty()) {
                break;
            }
        }
        b.venue(venue);
        b.entryType(entryType(CslText.field(item, "type"), CslText.field(item, "genre")));
        b.abstractText(CslText.display(CslText.field(item, "abstract")));

        String doi = Identifiers.doiAsWritten(firstField(item, "DOI", "doi"));
        b.doi(doi);
        String url = firstField(item, "URL", "url");
        b.url(url);
        b.arxivId(arxiv(item, doi, url));

        keywords(item.get("keyword"), b);
        if (item.get("keywords") != null) {
            keywords(item.get("keywords"), b);
        }

        item.properties().forEach(e -> {
            JsonNode v = e.getValue();
            if (v != null && v.isValueNode() && !v.isNull()) {
                b.raw(e.getKey(), v.asText());
            }
        });
        for (String f : DATE_VARIABLES) {
            JsonNode v = item.get(f);
            if (v != null && v.isContainerNode()) {
                // date objects are not scalars: keep them in raw as ISO dates, so that accessed dates survive
                CslDates.fromCsl(v).map(CslDates.PartialDate::iso).filter(s -> !s.isEmpty()).ifPresent(s -> b.raw(f, s));
            }
        }
        b.source(new SourceSpan(file, format, startLine, endLine, startLine, 0, key));

        Paper p = b.build();
        if (p.title().isEmpty() && p.key().isEmpty() && p.doi().isEmpty() && p.arxivId().isEmpty() && p.url().isEmpty()) {
            return Result.skipped(new Skip(file, startLine, "no title", "item has neither a title nor an identifier (citation key, DOI, arXiv id, URL)"));
        }
        return Result.ok(p);
    }

    private static String key(JsonNode item) {
        String ck = CslText.field(item, "citation-key");
        if (looksLikeKey(ck)) {
            return ck;
        }
        Matcher m = NOTE_KEY.matcher(CslText.field(item, "note"));
        if (m.find() && looksLikeKey(m.group(1))) {
            return m.group(1);
        }
        JsonNode id = item.get("id");
        if (id != null && id.isTextual() && looksLikeKey(id.asText().strip())) {
            return id.asText().strip();
        }
        String label = CslText.field(item, "citation-label");
        return looksLikeKey(label) ? label : "";
    }

    private static String arxiv(JsonNode item, String doi, String url) {
        String fromDoiOrUrl = Identifiers.arxivIdOf(doi, url);
        if (!fromDoiOrUrl.isEmpty()) {
            return fromDoiOrUrl;
        }
        boolean fromArxiv = false;
        for (String f : new String[] {"publisher", "container-title", "archive", "source", "genre"}) {
            if (CslText.field(item, f).toLowerCase(Locale.ROOT).contains("arxiv")) {
                fromArxiv = true;
                break;
            }
        }
        if (fromArxiv) {
            for (String f : new String[] {"number", "archive_location", "archive-location"}) {
                String a = Identifiers.arxivId(CslText.field(item, f));
                if (!a.isEmpty()) {
                    return a;
                }
            }
        }
        Matcher m = NOTE_ARXIV.matcher(CslText.field(item, "note"));
        if (m.find()) {
            return Identifiers.arxivId(m.group(1));
        }
        return "";
    }

    private static void keywords(JsonNode node, PaperBuilder b) {
        if (node == null || node.isNull()) {
            return;
        }
        if (node.isArray()) {
            for (JsonNode k : node) {
                keywords(k, b);
            }
            return;
        }
        for (String k : CslText.scalar(node).split(",")) {
            b.keyword(CslText.display(k));
        }
    }

    private static String firstField(JsonNode item, String... names) {
        for (String n : names) {
            String v = CslText.field(item, n);
            if (!v.isEmpty()) {
                return v;
            }
        }
        return "";
    }
}
