package dev.paperlink.corpus.source.hayagriva;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paperlink.corpus.model.Author;
import dev.paperlink.corpus.model.Paper;
import dev.paperlink.corpus.model.PaperBuilder;
import dev.paperlink.corpus.model.SourceFormat;
import dev.paperlink.corpus.model.SourceSpan;
import dev.paperlink.corpus.source.Identifiers;
import dev.paperlink.corpus.source.Skip;
import dev.paperlink.corpus.source.csl.CslDates;
import dev.paperlink.corpus.source.csl.CslNames;
import dev.paperlink.corpus.source.csl.CslText;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One Hayagriva entry (a YAML tree) to a {@link Paper}. */
final class HayagrivaMapper {
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("article", "article"), Map.entry("book", "book"), Map.entry("chapter", "incollection"),
            Map.entry("anthos", "incollection"), Map.entry("thesis", "phdthesis"), Map.entry("report", "techreport"),
            Map.entry("proceedings", "proceedings"), Map.entry("manuscript", "unpublished"), Map.entry("web", "online"));

    private HayagrivaMapper() {
    }

    record Result(Paper paper, Skip skip) {
        static Result skipped(Skip s) {
            return new Result(null, s);
        }
    }

    static Result map(String key, JsonNode e, String file, int startLine, int endLine) {
        if (e == null || !e.isObject()) {
            return Result.skipped(new Skip(file, startLine, "not an object", "entry '" + key + "' is not a map of fields"));
        }
        PaperBuilder b = Paper.builder().key(key.strip());
        b.title(text(e.get("title")));
        List<Author> authors = names(e.get("author"));
        b.authors(authors.isEmpty() ? names(e.get("editor")) : authors);
        CslDates.parse(text(e.get("date"))).ifPresent(d -> {
            b.year(d.yearText());
            b.date(d.iso());
        });
        JsonNode parent = e.get("parent");
        if (parent != null && parent.isArray() && !parent.isEmpty()) {
            parent = parent.get(0);
        }
        String type = text(e.get("type")).toLowerCase(Locale.ROOT);
        String parentType = parent == null ? "" : text(parent.get("type")).toLowerCase(Locale.ROOT);
        b.venue(parent == null ? "" : text(parent.get("title")));
        b.entryType(type.equals("article") && parentType.equals("proceedings") ? "inproceedings" : TYPES.getOrDefault(type, "misc"));
        b.abstractText(text(e.get("abstract")));
        JsonNode serial = e.get("serial-number");
        String doi = Identifiers.doiAsWritten(first(text(e.get("doi")), serial != null && serial.isObject() ? text(serial.get("doi")) : ""));
        b.doi(doi);
        JsonNode url = e.get("url");
        String u = url != null && url.isObject() ? text(url.get("value")) : text(url);
        b.url(u);
        String arxiv = serial != null && serial.isObject() ? Identifiers.arxivId(text(serial.get("arxiv"))) : "";
        b.arxivId(arxiv.isEmpty() ? Identifiers.arxivIdOf(doi, u) : arxiv);
        JsonNode keywords = e.get("keywords");
        if (keywords != null && keywords.isArray()) {
            keywords.forEach(k -> b.keyword(text(k)));
        }
        e.properties().forEach(f -> {
            if (f.getValue() != null && f.getValue().isValueNode() && !f.getValue().isNull()) {
                b.raw(f.getKey(), f.getValue().asText());
            }
        });
        b.source(new SourceSpan(file, SourceFormat.HAYAGRIVA, startLine, endLine, startLine, 0, key.strip()));
        return new Result(b.build(), null);
    }

    /** A field as text: a string, a number, or a formattable string ({@code {value: ..., short: ...}}). */
    private static String text(JsonNode n) {
        if (n == null || n.isNull()) {
            return "";
        }
        if (n.isObject()) {
            return text(n.get("value"));
        }
        return n.isValueNode() ? CslText.display(CslText.scalar(n)) : "";
    }

    /** Names: "Family, Given" strings, a list of them, or maps ({@code name}, {@code given-name}). */
    private static List<Author> names(JsonNode n) {
        List<Author> out = new ArrayList<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (n.isArray()) {
            n.forEach(x -> out.addAll(names(x)));
        } else if (n.isObject()) {
            String family = text(n.get("name"));
            if (!family.isEmpty()) {
                out.add(new Author(family, text(n.get("given-name")), text(n.get("prefix")), text(n.get("suffix")), ""));
            }
        } else {
            CslNames.fromString(text(n)).ifPresent(out::add);
        }
        return out;
    }

    private static String first(String a, String b) {
        return a.isEmpty() ? b : a;
    }
}
