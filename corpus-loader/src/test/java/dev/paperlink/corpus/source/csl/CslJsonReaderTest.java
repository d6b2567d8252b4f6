package dev.paperlink.corpus.source.csl;

import dev.paperlink.corpus.model.Paper;
import dev.paperlink.corpus.source.Skip;
import dev.paperlink.corpus.testing.CollectingSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class CslJsonReaderTest {

    private static Arguments item(String name, String json, String... expected) {
        return arguments(name, json, expected);
    }

    /** One CSL-JSON item each (wrapped in an array by the test) and the fields it must give. */
    static Stream<Arguments> items() {
        return Stream.of(
                item("full article",
                        """
                        {"id": "vaswani2017", "type": "article-journal", "title": "Attention is all you need",
                         "author": [{"family": "Vaswani", "given": "Ashish"}, {"family": "Shazeer", "given": "Noam"}],
                         "issued": {"date-parts": [[2017, 6, 12]]}, "container-title": "NeurIPS",
                         "abstract": "The dominant  sequence\\ntransduction models", "DOI": "https://doi.org/10.5555/ABC.123",
                         "URL": "https://example.org/p", "keyword": "transformers, attention ,nlp", "volume": 30}
                        """,
                        "key", "vaswani2017", "title", "Attention is all you need", "authors", "Vaswani|Ashish; Shazeer|Noam",
                        "year", "2017", "date", "2017-06-12", "venue", "NeurIPS", "type", "article",
                        "abstract", "The dominant sequence transduction models", "doi", "10.5555/ABC.123",
                        "url", "https://example.org/p", "keywords", "transformers; attention; nlp", "arxiv", "",
                        "id", "", "popularity", "null", "raw.volume", "30", "raw.title", "Attention is all you need"),
                item("partial date-parts as strings", """
                        {"id": "a", "title": "T", "issued": {"date-parts": [["1995", "03"]]}}""",
                        "year", "1995", "date", "1995-03"),
                item("year-only date-parts", """
                        {"id": "a", "title": "T", "issued": {"date-parts": [[1995]]}}""",
                        "year", "1995", "date", "1995"),
                item("date range takes the start", """
                        {"id": "a", "title": "T", "issued": {"date-parts": [[2000, 5], [2001, 2]]}}""",
                        "year", "2000", "date", "2000-05"),
                item("raw ISO date", """
                        {"id": "a", "title": "T", "issued": {"raw": "2019-03-15"}}""",
                        "year", "2019", "date", "2019-03-15"),
                item("raw month name", """
                        {"id": "a", "title": "T", "issued": {"raw": "March 2019"}}""",
                        "year", "2019", "date", "2019-03"),
                item("raw day month year", """
                        {"id": "a", "title": "T", "issued": {"raw": "15 Sept. 2019"}}""",
                        "date", "2019-09-15"),
                item("raw month day, year", """
                        {"id": "a", "title": "T", "issued": {"raw": "March 5, 2019"}}""",
                        "date", "2019-03-05"),
                item("raw year", """
                        {"id": "a", "title": "T", "issued": {"raw": "2019"}}""",
                        "year", "2019", "date", "2019"),
                item("raw EDTF range", """
                        {"id": "a", "title": "T", "issued": {"raw": "2004-04/2005-06"}}""",
                        "date", "2004-04"),
                item("literal date", """
                        {"id": "a", "title": "T", "issued": {"literal": "Spring of 1967, probably"}}""",
                        "year", "1967", "date", "1967"),
                item("season date", """
                        {"id": "a", "title": "T", "issued": {"date-parts": [[1995]], "season": "2"}}""",
                        "year", "1995", "date", "1995"),
                item("season as pseudo-month", """
                        {"id": "a", "title": "T", "issued": {"date-parts": [[1995, 22]]}}""",
                        "date", "1995"),
                item("no usable date", """
                        {"id": "a", "title": "T", "issued": {"literal": "n.d."}}""",
                        "year", "", "date", ""),
                item("accessed is not the publication date", """
                        {"id": "a", "title": "T", "accessed": {"date-parts": [[2020, 1, 2]]}}""",
                        "year", "", "raw.accessed", "2020-01-02"),
                item("accessed raw date kept as ISO", """
                        {"id": "a", "title": "T", "issued": {"raw": "May 2003"}, "accessed": {"raw": "2021-10-03"}}""",
                        "date", "2003-05", "raw.issued", "2003-05", "raw.accessed", "2021-10-03"),
                item("names: particles, suffix, literal", """
                        {"id": "a", "title": "T", "author": [
                          {"family": "Gogh", "given": "Vincent", "non-dropping-particle": "van"},
                          {"family": "Beethoven", "given": "Ludwig", "dropping-particle": "van"},
                          {"family": "King", "given": "Martin Luther", "suffix": "Jr."},
                          {"literal": "World Health Organization"},
                          {"given": "Prince"}]}""",
                        "authors", "Gogh|Vincent|van; Beethoven|Ludwig|van; King|Martin Luther||Jr.; =World Health Organization; =Prince"),
                item("editors when no authors", """
                        {"id": "a", "title": "T", "editor": [{"family": "Doe", "given": "Jane"}]}""",
                        "authors", "Doe|Jane"),
                item("markup stripped", """
                        {"id": "a", "title": "The <i>E. coli</i> genome of <span class=\\"nocase\\">iPhone</span> &amp; <b>more</b>",
                         "abstract": "<p>x<sup>2</sup></p>"}""",
                        "title", "The E. coli genome of iPhone & more", "abstract", "x2",
                        "raw.title", "The <i>E. coli</i> genome of <span class=\"nocase\">iPhone</span> &amp; <b>more</b>"),
                item("venue fallbacks: collection-title then event", """
                        {"id": "a", "title": "T", "collection-title": "LNCS", "event": "ICML"}""",
                        "venue", "LNCS"),
                item("venue from event", """
                        {"id": "a", "title": "T", "event": "ICML 2020"}""",
                        "venue", "ICML 2020"),
                item("type paper-conference", """
                        {"id": "a", "title": "T", "type": "paper-conference"}""", "type", "inproceedings"),
                item("type chapter", """
                        {"id": "a", "title": "T", "type": "chapter"}""", "type", "incollection"),
                item("type book", """
                        {"id": "a", "title": "T", "type": "book"}""", "type", "book"),
                item("type thesis", """
                        {"id": "a", "title": "T", "type": "thesis"}""", "type", "phdthesis"),
                item("type master thesis", """
                        {"id": "a", "title": "T", "type": "thesis", "genre": "Master's thesis"}""", "type", "mastersthesis"),
                item("type report", """
                        {"id": "a", "title": "T", "type": "report"}""", "type", "techreport"),
                item("type webpage", """
                        {"id": "a", "title": "T", "type": "webpage"}""", "type", "misc"),
                item("no type", """
                        {"id": "a", "title": "T"}""", "type", "misc"),
                item("citation-key preferred over id", """
                        {"id": "http://zotero.org/users/1/items/ABCD2345", "citation-key": "doe2020", "title": "T"}""",
                        "key", "doe2020", "span", "csl-json 2-2 key@2:0 doe2020"),
                item("URI id is not a key", """
                        {"id": "http://zotero.org/users/1/items/ABCD2345", "title": "T"}""", "key", ""),
                item("numeric id is not a key", """
                        {"id": 12, "title": "T"}""", "key", "", "raw.id", "12"),
                item("id with spaces is not a key", """
                        {"id": "not a key", "title": "T"}""", "key", ""),
                item("citation-label as last resort", """
                        {"id": 3, "citation-label": "Doe20", "title": "T"}""", "key", "Doe20"),
                item("arXiv from DOI", """
                        {"id": "a", "title": "T", "DOI": "10.48550/arXiv.1706.03762"}""",
                        "arxiv", "1706.03762", "doi", "10.48550/arXiv.1706.03762"),
                item("arXiv from URL", """
                        {"id": "a", "title": "T", "URL": "https://arxiv.org/abs/1810.04805v2"}""", "arxiv", "1810.04805"),
                item("arXiv from number when published by arXiv", """
                        {"id": "a", "title": "T", "publisher": "arXiv", "number": "arXiv:2106.09685"}""", "arxiv", "2106.09685"),
                item("number is not arXiv elsewhere", """
                        {"id": "a", "title": "T", "publisher": "ACM", "number": "1706.03762"}""", "arxiv", ""),
                item("keywords as array", """
                        {"id": "a", "title": "T", "keyword": ["a, b", "c"]}""", "keywords", "a; b; c"),
                item("title missing but key present", """
                        {"id": "ITEM-1", "author": [{"family": "Doe"}]}""", "title", "", "key", "ITEM-1", "authors", "Doe"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("items")
    void mapsItem(String name, String json, String[] expected) {
        CollectingSink sink = CollectingSink.read(new CslJsonReader(), "t.json", "[\n" + json.strip() + "\n]\n");
        assertEquals(0, sink.skips.size(), () -> "skips: " + sink.skips);
        PaperFields.check(sink.only(), expected);
    }

    @Test
    void singleItemAndItemsWrapper() {
        Paper one = CollectingSink.read(new CslJsonReader(), "t.json", "{\"id\": \"k\", \"title\": \"Solo\"}").only();
        PaperFields.check(one, "key", "k", "title", "Solo", "span", "csl-json 1-1 key@1:0 k");
        CollectingSink wrapped = CollectingSink.read(new CslJsonReader(), "t.json",
                "{\"meta\": {\"x\": 1},\n \"items\": [\n  {\"id\": \"a\", \"title\": \"A\"},\n  {\"id\": \"b\",\n   \"title\": \"B\"}\n ]\n}");
        assertEquals(2, wrapped.papers.size());
        PaperFields.check(wrapped.papers.get(1), "key", "b", "span", "csl-json 4-5 key@4:0 b");
    }

    @Test
    void spansCoverEachItem() {
        String text = """
                [
                  {
                    "id": "a",
                    "title": "A"
                  },
                  {"id": "b", "title": "B"}
                ]
                """;
        CollectingSink sink = CollectingSink.read(new CslJsonReader(), "t.json", text);
        PaperFields.check(sink.papers.get(0), "span", "csl-json 2-5 key@2:0 a");
        PaperFields.check(sink.papers.get(1), "span", "csl-json 6-6 key@6:0 b");
        assertEquals("t.json", sink.papers.get(0).primarySource().orElseThrow().file());
    }

    @Test
    void brokenJsonKeepsEarlierItemsAndReportsTheLine() {
        String text = "[\n{\"id\": \"a\", \"title\": \"A\"},\n{\"id\": \"b\", \"title\": \"B\"},\n{\"id\": \"c\" \"title\": \"C\"},\n{\"id\": \"d\", \"title\": \"D\"}\n]";
        CollectingSink sink = CollectingSink.read(new CslJsonReader(), "t.json", text);
        assertEquals(2, sink.papers.size());
        assertEquals(1, sink.skips.size());
        Skip s = sink.skips.get(0);
        assertEquals("syntax", s.reason());
        assertEquals(4, s.line());
        assertTrue(s.message().startsWith("invalid JSON"), s.message());
    }

    @Test
    void truncatedJson() {
        CollectingSink sink = CollectingSink.read(new CslJsonReader(), "t.json", "[\n{\"id\": \"a\", \"title\": \"A\"},\n{\"id\": \"b\", \"ti");
        assertEquals(1, sink.papers.size());
        assertEquals(1, sink.skips.size());
        assertEquals(3, sink.skips.get(0).line());
    }

    @Test
    void nonObjectsAndEmptyItemsAreSkipped() {
        CollectingSink sink = CollectingSink.read(new CslJsonReader(), "t.json",
                "[\n42,\n\"x\",\nnull,\n{\"type\": \"book\", \"author\": [{\"family\": \"Doe\"}]},\n{\"id\": \"ok\", \"title\": \"fine\"}\n]");
        assertEquals(1, sink.papers.size());
        assertEquals(4, sink.skips.size(), () -> sink.skips.toString());
        assertEquals("not an object", sink.skips.get(0).reason());
        assertEquals(2, sink.skips.get(0).line());
        assertEquals("no title", sink.skips.get(3).reason());
        assertEquals(5, sink.skips.get(3).line());
    }

    @Test
    void emptyAndScalarDocuments() {
        assertEquals(0, CollectingSink.read(new CslJsonReader(), "t.json", "").skips.size());
        assertEquals(0, CollectingSink.read(new CslJsonReader(), "t.json", "[]").papers.size());
        CollectingSink scalar = CollectingSink.read(new CslJsonReader(), "t.json", "\"hello\"");
        assertEquals(1, scalar.skips.size());
        assertEquals("syntax", scalar.skips.get(0).reason());
    }

    @Test
    void sinkFailuresAreNotReportedAsSyntaxErrors() {
        var failing = new dev.paperlink.corpus.source.RecordSink() {
            @Override
            public void accept(Paper paper) {
                throw new IllegalStateException("sink is full");
            }

            @Override
            public void skip(Skip skip) {
                throw new AssertionError("unexpected skip " + skip);
            }
        };
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> new CslJsonReader().read("t.json", new java.io.StringReader("[{\"id\": \"a\", \"title\": \"A\"}]"), failing));
        assertEquals("sink is full", e.getMessage());
    }

    @Test
    void noPopularity() {
        assertNull(CollectingSink.read(new CslJsonReader(), "t.json", "[{\"id\": \"a\", \"title\": \"A\"}]").only().popularity());
    }

    @Test
    void aNoteOfManyLineBreaksIsReadInLinearTime() {
        // found by ReaderFuzzRunTest: the note's "^\s*" patterns were quadratic in line breaks (3 s for 20,000)
        String note = "x" + "\\n".repeat(100_000) + "citation-key: late2020\\narXiv: 2001.00001";
        Paper p = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> CollectingSink.read(new CslJsonReader(), "t.json",
                "[{\"id\": \"a\", \"title\": \"T\", \"note\": \"" + note + "\"}]").only());
        assertEquals("late2020", p.key());
        assertEquals("2001.00001", p.arxivId());
    }
}
