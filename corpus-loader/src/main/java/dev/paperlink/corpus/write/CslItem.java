package dev.paperlink.corpus.write;

import dev.paperlink.corpus.model.Author;
import dev.paperlink.corpus.model.Paper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A paper as a CSL item, a tree of maps, lists and strings in the order CSL-JSON and CSL-YAML
 * files are written in: id, type, title, author, issued, container-title, DOI, URL, arXiv number,
 * abstract.
 */
final class CslItem {
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("article", "article-journal"),
            Map.entry("inproceedings", "paper-conference"),
            Map.entry("conference", "paper-conference"),
            Map.entry("incollection", "chapter"),
            Map.entry("inbook", "chapter"),
            Map.entry("book", "book"),
            Map.entry("booklet", "pamphlet"),
            Map.entry("phdthesis", "thesis"),
            Map.entry("mastersthesis", "thesis"),
            Map.entry("thesis", "thesis"),
            Map.entry("techreport", "report"),
            Map.entry("report", "report"),
            Map.entry("unpublished", "manuscript"));

    private CslItem() {
    }

    static Map<String, Object> of(Paper p) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", p.key());
        item.put("type", TYPES.getOrDefault(p.entryType(), p.arxivId().isEmpty() ? "document" : "article"));
        put(item, "title", p.title());
        List<Object> authors = new ArrayList<>();
        for (Author a : p.authors()) {
            if (a.isOthers()) {
                continue;
            }
            Map<String, Object> name = new LinkedHashMap<>();
            if (a.isLiteral()) {
                name.put("literal", a.literal());
            } else {
                name.put("family", a.family());
                put(name, "given", a.given());
                put(name, "non-dropping-particle", a.particle());
                put(name, "suffix", a.suffix());
            }
            authors.add(name);
        }
        if (!authors.isEmpty()) {
            item.put("author", authors);
        }
        List<String> parts = dateParts(p.date().isEmpty() ? p.year() : p.date());
        if (!parts.isEmpty()) {
            item.put("issued", Map.of("date-parts", List.of(parts)));
        }
        put(item, "container-title", p.venue());
        put(item, "DOI", Written.doi(p));
        put(item, "URL", Written.url(p));
        if (!p.arxivId().isEmpty()) {
            item.put("number", p.arxivId());
            item.put("publisher", "arXiv");
        }
        put(item, "abstract", p.abstractText());
        return item;
    }

    /** "2017-06-12" as ["2017", "6", "12"] (numbers, as strings the renderers write bare). */
    private static List<String> dateParts(String iso) {
        List<String> out = new ArrayList<>();
        for (String part : iso.split("-")) {
            if (!part.matches("\\d{1,4}")) {
                break;
            }
            out.add(String.valueOf(Integer.parseInt(part)));
        }
        return out;
    }

    private static void put(Map<String, Object> m, String field, String value) {
        if (value != null && !value.isBlank()) {
            m.put(field, value);
        }
    }
}
