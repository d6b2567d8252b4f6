package dev.paperlink.corpus.source.csl;

import dev.paperlink.corpus.model.Author;
import dev.paperlink.corpus.model.Paper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Declarative expectations on papers: a paper as a flat field map, compared on the fields a test names. */
public final class PaperFields {
    private PaperFields() {
    }

    public static Map<String, String> of(Paper p) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("key", p.key());
        m.put("title", p.title());
        m.put("authors", p.authors().stream().map(PaperFields::name).collect(Collectors.joining("; ")));
        m.put("year", p.year());
        m.put("date", p.date());
        m.put("venue", p.venue());
        m.put("type", p.entryType());
        m.put("abstract", p.abstractText());
        m.put("doi", p.doi());
        m.put("arxiv", p.arxivId());
        m.put("url", p.url());
        m.put("files", String.join("; ", p.files()));
        m.put("keywords", String.join("; ", p.keywords()));
        m.put("popularity", String.valueOf(p.popularity()));
        p.primarySource().ifPresent(s -> m.put("span", s.format().label() + " " + s.startLine() + "-" + s.endLine()
                + " key@" + s.keyLine() + ":" + s.keyColumn() + " " + s.key()));
        p.raw().forEach((k, v) -> m.put("raw." + k, v));
        return m;
    }

    /** An author as "family|given|particle|suffix" or "=literal", so that every part is checked. */
    public static String name(Author a) {
        if (a.isLiteral()) {
            return "=" + a.literal();
        }
        return String.join("|", List.of(a.family(), a.given(), a.particle(), a.suffix())).replaceAll("\\|+$", "");
    }

    /** Asserts the named fields; {@code expected} alternates field names and values. */
    public static void check(Paper p, String... expected) {
        Map<String, String> actual = of(p);
        Map<String, String> want = new LinkedHashMap<>();
        Map<String, String> got = new LinkedHashMap<>();
        for (int i = 0; i + 1 < expected.length; i += 2) {
            want.put(expected[i], expected[i + 1]);
            got.put(expected[i], actual.getOrDefault(expected[i], "<absent>"));
        }
        assertEquals(want, got, () -> "paper: " + actual);
    }
}
