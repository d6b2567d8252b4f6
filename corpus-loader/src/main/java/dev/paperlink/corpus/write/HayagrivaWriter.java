package dev.paperlink.corpus.write;

import dev.paperlink.corpus.model.Author;
import dev.paperlink.corpus.model.Paper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A paper as a Hayagriva entry (Typst's bibliography YAML): the key as a top-level mapping key,
 * type, title, authors as {@code "Last, First"}, date, the venue as the parent, DOI and arXiv id
 * under {@code serial-number}, url, abstract.
 */
public final class HayagrivaWriter {
    private HayagrivaWriter() {
    }

    public static String entry(Paper p, Layout layout) {
        Map<String, Object> e = new LinkedHashMap<>();
        boolean inProceedings = p.entryType().equals("inproceedings") || p.entryType().equals("conference");
        e.put("type", switch (p.entryType()) {
            case "article", "inproceedings", "conference" -> "article";
            case "book" -> "book";
            case "incollection", "inbook" -> "chapter";
            case "phdthesis", "mastersthesis", "thesis" -> "thesis";
            case "techreport", "report" -> "report";
            default -> "misc";
        });
        put(e, "title", p.title());
        List<Object> authors = new ArrayList<>();
        for (Author a : p.authors()) {
            if (!a.isOthers()) {
                String family = (a.particle().isEmpty() ? "" : a.particle() + " ") + a.family();
                if (!a.suffix().isEmpty()) { // the long form: the short one has no place for "Jr."
                    Map<String, Object> name = new LinkedHashMap<>();
                    name.put("name", a.family());
                    put(name, "given-name", a.given());
                    put(name, "prefix", a.particle());
                    name.put("suffix", a.suffix());
                    authors.add(name);
                } else {
                    authors.add(a.isLiteral() ? a.literal() : a.given().isEmpty() ? family : family + ", " + a.given());
                }
            }
        }
        if (!authors.isEmpty()) {
            e.put("author", authors);
        }
        put(e, "date", p.date().isEmpty() ? p.year() : p.date());
        if (!p.venue().isEmpty()) {
            Map<String, Object> parent = new LinkedHashMap<>();
            parent.put("type", inProceedings ? "proceedings" : p.entryType().equals("article") ? "periodical" : "misc");
            parent.put("title", p.venue());
            e.put("parent", parent);
        }
        Map<String, Object> serial = new LinkedHashMap<>();
        put(serial, "doi", Written.doi(p));
        put(serial, "arxiv", p.arxivId());
        if (!serial.isEmpty()) {
            e.put("serial-number", serial);
        }
        put(e, "url", Written.url(p));
        put(e, "abstract", p.abstractText());
        StringBuilder sb = new StringBuilder(yamlKey(p.key())).append(":\n");
        TreeText.yaml(e, layout.indent(), layout.indent(), sb);
        return layout.lines(sb.toString());
    }

    private static String yamlKey(String key) {
        return key.matches("[A-Za-z0-9_][\\w.+/-]*") ? key : TreeText.quoted(key);
    }

    private static void put(Map<String, Object> m, String field, String value) {
        if (value != null && !value.isBlank()) {
            m.put(field, value);
        }
    }
}
