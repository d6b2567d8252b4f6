package dev.paperlink.corpus.source.csl;

import dev.paperlink.corpus.testing.CollectingSink;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CslYamlReaderTest {

    private static CollectingSink read(String yaml) {
        return CollectingSink.read(new CslYamlReader(), "refs.yaml", yaml);
    }

    @Test
    void plainListWithSpans() {
        CollectingSink sink = read("""
                - id: doe2020
                  type: paper-conference
                  title: A <i>good</i> paper
                  author:
                    - family: Doe
                      given: Jane
                      non-dropping-particle: de
                  issued:
                    date-parts:
                      - [2020, 7]
                  container-title: ICML
                  keyword: a, b
                - id: roe2021
                  title: Another
                  issued:
                    raw: 2021-02-03
                """);
        assertEquals(2, sink.papers.size(), () -> sink.skips.toString());
        PaperFields.check(sink.papers.get(0), "key", "doe2020", "title", "A good paper", "authors", "Doe|Jane|de",
                "date", "2020-07", "venue", "ICML", "type", "inproceedings", "keywords", "a; b",
                "span", "csl-yaml 1-12 key@1:0 doe2020");
        PaperFields.check(sink.papers.get(1), "key", "roe2021", "date", "2021-02-03", "span", "csl-yaml 13-16 key@13:0 roe2021");
    }

    @Test
    void pandocFrontMatterWithMarkdownBody() {
        CollectingSink sink = read("""
                ---
                title: My notes
                references:
                - id: smith
                  type: book
                  title: Smith's Book
                  issued:
                  - year: 1999
                    month: 4
                - id: jones
                  type: article-journal
                  title: Jones's Article
                  DOI: 10.1000/xyz
                ...

                # Body

                Some *markdown* text: with colons, [@smith] and - dashes.
                """);
        assertEquals(2, sink.papers.size(), () -> sink.skips.toString());
        assertEquals(0, sink.skips.size(), () -> sink.skips.toString());
        PaperFields.check(sink.papers.get(0), "key", "smith", "type", "book", "date", "1999-04", "span", "csl-yaml 4-9 key@4:0 smith");
        PaperFields.check(sink.papers.get(1), "doi", "10.1000/xyz", "type", "article");
    }

    @Test
    void frontMatterClosedByDashes() {
        CollectingSink sink = read("---\nreferences:\n- id: a\n  title: A\n---\n\n# Heading\n\ntext: more\n");
        assertEquals(1, sink.papers.size(), () -> sink.skips.toString());
        assertEquals(0, sink.skips.size(), () -> sink.skips.toString());
    }

    @Test
    void frontMatterWithoutReferencesIsNoPaper() {
        CollectingSink sink = read("---\ntitle: My notes\nauthor: Me\ndate: 2020-01-01\n---\n\n# Body\n");
        assertEquals(0, sink.papers.size());
        assertEquals(0, sink.skips.size());
    }

    @Test
    void singleItemMapping() {
        CollectingSink sink = read("id: solo\ntype: book\ntitle: Solo\n");
        PaperFields.check(sink.only(), "key", "solo", "type", "book", "span", "csl-yaml 1-3 key@1:0 solo");
    }

    @Test
    void betterBibtexStyleSeasonsAndNumbers() {
        CollectingSink sink = read("""
                references:
                - id: '00002100002400'
                  citation-key: seasonal
                  issued:
                    - year: 2001
                      season: 1
                  title: 0000-21/0000-24
                  type: webpage
                - id: 2019
                  title: numeric id
                """);
        PaperFields.check(sink.papers.get(0), "key", "seasonal", "date", "2001", "type", "misc");
        PaperFields.check(sink.papers.get(1), "key", "", "raw.id", "2019");
    }

    @Test
    void stringNamesAndUnquotedDates() {
        CollectingSink sink = read("""
                - id: x
                  title: T
                  author: [ "Doe, Jane", "ACME Corp." ]
                  issued: 2020-05-01
                """);
        PaperFields.check(sink.only(), "authors", "Doe|Jane; =ACME Corp.", "date", "2020-05-01");
    }

    @Test
    void brokenYamlKeepsEarlierItems() {
        CollectingSink sink = read("""
                - id: a
                  title: A
                - id: b
                  title: "unterminated
                - id: c
                  title: C
                """);
        assertEquals(1, sink.papers.size());
        assertEquals(1, sink.skips.size());
        assertEquals("syntax", sink.skips.get(0).reason());
        assertTrue(sink.skips.get(0).line() >= 4, sink.skips.get(0).toString());
        assertTrue(sink.skips.get(0).message().startsWith("invalid YAML"), sink.skips.get(0).message());
        assertTrue(!sink.skips.get(0).message().contains("\n"), sink.skips.get(0).message());
    }

    @Test
    void noTitleNoIdentifierIsSkipped() {
        CollectingSink sink = read("- type: book\n  author:\n  - family: Doe\n- id: ok\n  title: fine\n");
        assertEquals(1, sink.papers.size());
        assertEquals("no title", sink.skips.get(0).reason());
        assertEquals(1, sink.skips.get(0).line());
    }

    @Test
    void aliasBombDoesNotExplode() {
        StringBuilder sb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 12; i++) {
            sb.append((char) ('a' + i)).append(": &").append((char) ('a' + i)).append(" [");
            for (int j = 0; j < 9; j++) {
                sb.append(j > 0 ? ", " : "").append('*').append((char) ('a' + i - 1));
            }
            sb.append("]\n");
        }
        sb.append("references:\n- id: z\n  title: Z\n");
        CollectingSink sink = read(sb.toString());
        assertTrue(sink.papers.size() + sink.skips.size() >= 1);
    }

    @Test
    void aNoteOfManyLineBreaksIsReadInLinearTime() {
        // found by ReaderFuzzRunTest: the note's "^\s*" patterns were quadratic in line breaks (3 s for 20,000)
        String yaml = "- id: a\n  title: T\n  note: \"x" + "\\n".repeat(100_000) + "citation-key: late2020\"\n";
        var paper = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> read(yaml).only());
        assertEquals("late2020", paper.key());
    }
}
