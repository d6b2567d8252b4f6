package dev.paperlink.corpus.source.zotero;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paperlink.corpus.model.Author;
import dev.paperlink.corpus.model.Paper;
import dev.paperlink.corpus.model.PaperBuilder;
import dev.paperlink.corpus.model.SourceFormat;
import dev.paperlink.corpus.model.SourceSpan;
import dev.paperlink.corpus.source.Identifiers;
import dev.paperlink.corpus.source.Skip;
import dev.paperlink.corpus.source.csl.CslDates;
import dev.paperlink.corpus.source.csl.CslMapper;
import dev.paperlink.corpus.source.csl.CslText;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Zotero item, in the Zotero API's JSON form (as Better BibTeX JSON exports it, and as the
 * database reader builds it from {@code zotero.sqlite}), to a {@link Paper}.
 */
public final class ZoteroMapper {
    private static final Set<String> NOT_PAPERS = Set.of("note", "attachment", "annotation");
    // "^\h*", not "^\s*": a line's leading blanks only; "\s*" ran on over the following lines from every line
    // start, quadratic in a run of blank lines (seconds for an extra field of 20,000 line breaks)
    private static final Pattern EXTRA_KEY = Pattern.compile("(?im)^\\h*(?:citation[ -]?key|citationkey|bibtex)\\s*:\\s*(\\S+)\\s*$");
    private static final Pattern EXTRA_ARXIV = Pattern.compile("(?im)^\\h*arxiv(?:\\s*id)?\\s*:\\s*(\\S+)");
    private static final Pattern EXTRA_DOI = Pattern.compile("(?im)^\\h*doi\\s*:\\s*(\\S+)");
    private static final String[] VENUE_FIELDS = {"publicationTitle", "proceedingsTitle", "bookTitle", "conferenceName",
        "university", "websiteTitle", "blogTitle", "forumTitle", "encyclopediaTitle", "dictionaryTitle", "programTitle",
        "institution"};
    /** Creator types that are the primary creator of some item type (author of a paper in all but name). */
    private static final Set<String> PRIMARY = Set.of("author", "artist", "cartographer", "director", "inventor",
            "programmer", "presenter", "podcaster", "interviewee", "sponsor", "performer", "composer");
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("journalArticle", "article"),
            Map.entry("magazineArticle", "article"),
            Map.entry("newspaperArticle", "article"),
            Map.entry("conferencePaper", "inproceedings"),
            Map.entry("bookSection", "incollection"),
            Map.entry("encyclopediaArticle", "incollection"),
            Map.entry("dictionaryEntry", "incollection"),
            Map.entry("book", "book"),
            Map.entry("thesis", "phdthesis"),
            Map.entry("report", "techreport"),
            Map.entry("manuscript", "unpublished"));

    private ZoteroMapper() {
    }

    /** A paper, a skip, or neither (for notes and attachments, which are not papers). */
    public record Result(Paper paper, Skip skip) {
        public static Result skipped(Skip s) {
            return new Result(null, s);
        }
    }

    static String entryType(String itemType, String thesisType) {
        String mapped = TYPES.getOrDefault(itemType == null ? "" : itemType.strip(), "misc");
        if (mapped.equals("phdthesis") && thesisType.toLowerCase(Locale.ROOT).contains("master")) {
            return "mastersthesis";
        }
        return mapped;
    }

    static Result map(JsonNode item, String file, int startLine, int endLine) {
        return map(item, file, startLine, endLine, SourceFormat.ZOTERO_JSON);
    }

    /** As read from a file of {@code format}: the record's source names it. */
    public static Result map(JsonNode item, String file, int startLine, int endLine, SourceFormat format) {
        if (item == null || !item.isObject()) {
            String what = item == null || item.isNull() ? "null" : item.isArray() ? "an array" : "a " + item.getNodeType().name().toLowerCase(Locale.ROOT);
            return Result.skipped(new Skip(file, startLine, "not an object", "item is " + what + ", not an object"));
        }
        if (!item.has("itemType") && item.path("data").isObject()) {
            item = item.get("data"); // Zotero web API form: {key, version, library, data: {...}}
        }
        String itemType = CslText.field(item, "itemType");
        if (NOT_PAPERS.contains(itemType)) {
            return new Result(null, null);
        }
        String extra = extra(item.get("extra"));
        PaperBuilder b = Paper.builder();

        String key = CslText.field(item, "citationKey");
        if (!CslMapper.looksLikeKey(key)) {
            Matcher m = EXTRA_KEY.matcher(extra);
            key = m.find() && CslMapper.looksLikeKey(m.group(1)) ? m.group(1) : "";
        }
        b.key(key);
        b.title(CslText.display(CslText.field(item, "title")));
        List<Author> authors = creators(item.get("creators"));
        b.authors(authors);

        CslDates.parse(CslText.field(item, "date")).ifPresent(d -> {
            b.year(d.yearText());
            b.date(d.iso());
        });

        String venue = "";
        for (String f : VENUE_FIELDS) {
            venue = CslText.display(CslText.field(item, f));
            if (!venue.isEmpty()) {
                break;
            }
        }
        if (venue.isEmpty() && (itemType.equals("thesis") || itemType.equals("report"))) {
            venue = CslText.display(CslText.field(item, "publisher"));
        }
        b.venue(venue);
        b.entryType(entryType(itemType, CslText.field(item, "thesisType") + " " + CslText.field(item, "type")));
        b.abstractText(CslText.display(CslText.field(item, "abstractNote")));

        String doi = Identifiers.doiAsWritten(CslText.field(item, "DOI"));
        if (doi.isEmpty()) {
            Matcher m = EXTRA_DOI.matcher(extra);
            if (m.find()) {
                doi = Identifiers.doiAsWritten(m.group(1));
            }
        }
        String url = CslText.field(item, "url");
        if (doi.isEmpty() && url.toLowerCase(Locale.ROOT).matches("https?://(dx\\.)?doi\\.org/.*")) {
            doi = Identifiers.doiAsWritten(url); // a DOI given only as its address
        }
        b.doi(doi);
        b.url(url);
        b.arxivId(arxiv(item, extra, doi, url));

        JsonNode tags = item.get("tags");
        if (tags != null && tags.isArray()) {
            for (JsonNode t : tags) {
                b.keyword(CslText.display(t.isObject() ? CslText.field(t, "tag") : CslText.scalar(t)));
            }
        }
        JsonNode attachments = item.get("attachments");
        if (attachments != null && attachments.isArray()) {
            for (JsonNode a : attachments) {
                if (a.isObject()) {
                    String path = CslText.field(a, "path");
                    if (!path.isEmpty() && !path.contains("://")) {
                        b.file(path);
                    }
                }
            }
        }

        item.properties().forEach(e -> {
            JsonNode v = e.getValue();
            if (v != null && v.isValueNode() && !v.isNull()) {
                b.raw(e.getKey(), v.asText());
            }
        });
        if (!extra.isEmpty()) {
            b.raw("extra", extra);
        }
        List<Author> editors = editors(item.get("creators"));
        if (!editors.isEmpty() && !editors.equals(authors)) {
            b.raw("editor", String.join(" and ", editors.stream().map(Author::displayName).toList()));
        }
        b.source(new SourceSpan(file, format, startLine, endLine, startLine, 0, key));

        Paper p = b.build();
        if (p.title().isEmpty() && p.key().isEmpty() && p.doi().isEmpty() && p.arxivId().isEmpty() && p.url().isEmpty()) {
            return Result.skipped(new Skip(file, startLine, "no title",
                    "item has neither a title nor an identifier (citation key, DOI, arXiv id, URL)"));
        }
        return new Result(p, null);
    }

    /** {@code extra} as one text: a string, or (as in some exports) an array of lines. */
    private static String extra(JsonNode node) {
        if (node == null || node.isNull()) {
            return "";
        }
        if (node.isArray()) {
            List<String> lines = new ArrayList<>();
            node.forEach(l -> lines.add(CslText.scalar(l)));
            return String.join("\n", lines);
        }
        return CslText.scalar(node);
    }

    /** The editors, kept apart from the authors (in {@code raw.editor}) when the item has authors too. */
    private static List<Author> editors(JsonNode creators) {
        List<Author> editors = new ArrayList<>();
        if (creators != null && creators.isArray()) {
            for (JsonNode c : creators) {
                String type = c.isObject() ? CslText.field(c, "creatorType") : "";
                if (type.equals("editor") || type.equals("seriesEditor")) {
                    Author a = creator(c);
                    if (a != null) {
                        editors.add(a);
                    }
                }
            }
        }
        return editors;
    }

    private static List<Author> creators(JsonNode creators) {
        List<Author> authors = new ArrayList<>();
        List<Author> editors = new ArrayList<>();
        if (creators == null || !creators.isArray()) {
            return authors;
        }
        for (JsonNode c : creators) {
            if (!c.isObject()) {
                continue;
            }
            Author a = creator(c);
            if (a == null) {
                continue;
            }
            String type = CslText.field(c, "creatorType");
            if (type.isEmpty() || PRIMARY.contains(type)) {
                authors.add(a);
            } else if (type.equals("editor") || type.equals("seriesEditor")) {
                editors.add(a);
            }
        }
        return authors.isEmpty() ? editors : authors;
    }

    private static Author creator(JsonNode c) {
        String name = CslText.display(CslText.field(c, "name"));
        String last = CslText.display(CslText.field(c, "lastName"));
        String first = CslText.display(CslText.field(c, "firstName"));
        if (!last.isEmpty()) {
            return Author.person(last, first);
        }
        if (!name.isEmpty()) {
            return Author.literal(name);
        }
        return first.isEmpty() ? null : Author.literal(first);
    }

    private static String arxiv(JsonNode item, String extra, String doi, String url) {
        String fromDoiOrUrl = Identifiers.arxivIdOf(doi, url);
        if (!fromDoiOrUrl.isEmpty()) {
            return fromDoiOrUrl;
        }
        Matcher m = EXTRA_ARXIV.matcher(extra);
        if (m.find()) {
            String a = Identifiers.arxivId(m.group(1));
            if (!a.isEmpty()) {
                return a;
            }
        }
        String archiveId = CslText.field(item, "archiveID");
        if (archiveId.toLowerCase(Locale.ROOT).startsWith("arxiv:")) {
            String a = Identifiers.arxivId(archiveId.substring(6));
            if (!a.isEmpty()) {
                return a;
            }
        }
        boolean fromArxiv = false;
        for (String f : new String[] {"publisher", "repository", "publicationTitle", "libraryCatalog"}) {
            if (CslText.field(item, f).toLowerCase(Locale.ROOT).contains("arxiv")) {
                fromArxiv = true;
                break;
            }
        }
        if (fromArxiv) {
            for (String f : new String[] {"number", "reportNumber", "archiveLocation"}) {
                String a = Identifiers.arxivId(CslText.field(item, f));
                if (!a.isEmpty()) {
                    return a;
                }
            }
        }
        return "";
    }
}
