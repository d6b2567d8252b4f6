package dev.paperlink.corpus.source.zotero;

import dev.paperlink.corpus.source.csl.PaperFields;
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
import static org.junit.jupiter.params.provider.Arguments.arguments;

class ZoteroJsonReaderTest {

    private static Arguments item(String name, String json, String... expected) {
        return arguments(name, json, expected);
    }

    private static CollectingSink library(String items) {
        return CollectingSink.read(new ZoteroJsonReader(), "lib.json", """
                {
                  "config": {"id": "36a3b0b5", "label": "BetterBibTeX JSON", "preferences": {"citekeyFormat": "auth + year"}},
                  "collections": {"ABC": {"name": "c", "items": [1, 2]}},
                  "items": [
                """ + items + "\n  ]\n}\n");
    }

    static Stream<Arguments> items() {
        return Stream.of(
                item("journal article with everything", """
                        {"itemID": 1, "itemType": "journalArticle", "title": "Deep <i>residual</i> learning",
                         "creators": [{"creatorType": "author", "firstName": "Kaiming", "lastName": "He"},
                                      {"creatorType": "editor", "firstName": "Ed", "lastName": "Itor"},
                                      {"creatorType": "author", "name": "Microsoft Research"}],
                         "date": "2016-06-27", "publicationTitle": "CVPR", "abstractNote": "Deeper  networks",
                         "DOI": "10.1109/CVPR.2016.90", "url": "https://example.org/resnet",
                         "tags": [{"tag": "vision"}, {"tag": "resnet", "type": 1}, "plain"],
                         "attachments": [{"path": "/home/u/papers/resnet.pdf", "title": "PDF"}, {"title": "Snapshot", "url": "https://x"}],
                         "citationKey": "he2016deep", "volume": "1", "extra": "Citation Key: other\\ntex.note: x"}""",
                        "key", "he2016deep", "title", "Deep residual learning", "authors", "He|Kaiming; =Microsoft Research",
                        "year", "2016", "date", "2016-06-27", "venue", "CVPR", "type", "article", "abstract", "Deeper networks",
                        "doi", "10.1109/CVPR.2016.90", "url", "https://example.org/resnet", "keywords", "vision; resnet; plain",
                        "files", "/home/u/papers/resnet.pdf", "id", "", "popularity", "null", "raw.volume", "1",
                        "raw.extra", "Citation Key: other\ntex.note: x"),
                item("key from extra string", """
                        {"itemType": "book", "title": "T", "extra": "Original Date: 1900\\nCitation Key: doe1900"}""",
                        "key", "doe1900", "type", "book"),
                item("key from extra lines array", """
                        {"itemType": "book", "title": "T", "extra": ["tex.x: y", "citationKey: roe1901"]}""",
                        "key", "roe1901"),
                item("arXiv and DOI from extra", """
                        {"itemType": "preprint", "title": "T", "extra": ["arXiv: 2005.14165 [cs.CL]", "DOI: 10.1000/ABC"]}""",
                        "arxiv", "2005.14165", "doi", "10.1000/ABC", "type", "misc"),
                item("arXiv from archiveID", """
                        {"itemType": "preprint", "title": "T", "archiveID": "arXiv:1706.03762", "repository": "arXiv"}""",
                        "arxiv", "1706.03762"),
                item("arXiv from DOI", """
                        {"itemType": "preprint", "title": "T", "DOI": "10.48550/arXiv.2302.13971"}""", "arxiv", "2302.13971"),
                item("editors when no authors", """
                        {"itemType": "book", "title": "T", "creators": [{"creatorType": "editor", "firstName": "A", "lastName": "B"},
                          {"creatorType": "translator", "firstName": "C", "lastName": "D"}]}""",
                        "authors", "B|A"),
                item("conference paper venues", """
                        {"itemType": "conferencePaper", "title": "T", "proceedingsTitle": "Proc. X", "conferenceName": "X 2020"}""",
                        "venue", "Proc. X", "type", "inproceedings"),
                item("conference name as venue", """
                        {"itemType": "conferencePaper", "title": "T", "conferenceName": "X 2020"}""", "venue", "X 2020"),
                item("book section", """
                        {"itemType": "bookSection", "title": "T", "bookTitle": "The Book"}""", "venue", "The Book", "type", "incollection"),
                item("thesis", """
                        {"itemType": "thesis", "title": "T", "university": "MIT", "thesisType": "PhD thesis"}""",
                        "venue", "MIT", "type", "phdthesis"),
                item("master thesis", """
                        {"itemType": "thesis", "title": "T", "publisher": "ETH", "type": "Master's thesis"}""",
                        "venue", "ETH", "type", "mastersthesis"),
                item("report", """
                        {"itemType": "report", "title": "T", "institution": "RAND"}""", "type", "techreport", "venue", "RAND"),
                item("free-text dates", """
                        {"itemType": "book", "title": "T", "date": "March 2019"}""", "date", "2019-03"),
                item("day-first date", """
                        {"itemType": "book", "title": "T", "date": "15.03.2019"}""", "date", "2019-03-15"),
                item("ambiguous numeric date keeps the year", """
                        {"itemType": "book", "title": "T", "date": "03/04/2019"}""", "date", "2019"),
                item("no title but a key", """
                        {"itemType": "statute", "citationKey": "11.9:23", "section": "3"}""", "title", "", "key", "11.9:23"),
                item("web API form with data", """
                        {"key": "ABCD2345", "version": 3, "data": {"itemType": "webpage", "title": "Page", "url": "https://p"}}""",
                        "title", "Page", "url", "https://p", "key", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("items")
    void mapsItem(String name, String json, String[] expected) {
        CollectingSink sink = library(json);
        assertEquals(0, sink.skips.size(), () -> "skips: " + sink.skips);
        PaperFields.check(sink.only(), expected);
    }

    @Test
    void notesAndAttachmentsAreNeitherPapersNorSkips() {
        CollectingSink sink = library("""
                    {"itemType": "note", "note": "<p>hello</p>"},
                    {"itemType": "attachment", "title": "PDF", "path": "/x.pdf"},
                    {"itemType": "book", "title": "Real"}""");
        assertEquals(0, sink.skips.size());
        PaperFields.check(sink.only(), "title", "Real", "span", "zotero-json 7-7 key@7:0 ");
    }

    @Test
    void emptyItemIsSkippedAsNoTitle() {
        CollectingSink sink = library("""
                    {"itemType": "book", "date": "2017",
                     "creators": [{"creatorType": "author", "lastName": "Doe"}]},
                    "not an item",
                    {"itemType": "book", "title": "Real"}""");
        assertEquals(1, sink.papers.size());
        assertEquals(2, sink.skips.size());
        assertEquals("no title", sink.skips.get(0).reason());
        assertEquals(5, sink.skips.get(0).line());
        assertEquals("not an object", sink.skips.get(1).reason());
    }

    @Test
    void brokenJsonKeepsEarlierItems() {
        CollectingSink sink = CollectingSink.read(new ZoteroJsonReader(), "lib.json",
                "{\"items\": [\n{\"itemType\": \"book\", \"title\": \"A\"},\n{\"itemType\": \"book\", \"title\": \"B\",,}\n]}");
        assertEquals(1, sink.papers.size());
        assertEquals(1, sink.skips.size());
        assertEquals("syntax", sink.skips.get(0).reason());
        assertEquals(3, sink.skips.get(0).line());
    }

    @Test
    void libraryWithoutItemsIsEmpty() {
        CollectingSink sink = CollectingSink.read(new ZoteroJsonReader(), "lib.json", "{\"config\": {}, \"collections\": {}}");
        assertEquals(0, sink.papers.size());
        assertEquals(0, sink.skips.size());
    }

    @Test
    void noPopularity() {
        assertNull(library("{\"itemType\": \"book\", \"title\": \"A\"}").only().popularity());
    }

    @Test
    void anExtraOfManyLineBreaksIsReadInLinearTime() {
        // found by ReaderFuzzRunTest: the extra field's "^\s*" patterns were quadratic in line breaks (5 s for 20,000)
        String extra = "x" + "\\n".repeat(100_000) + "Citation Key: late2020\\nDOI: 10.1000/Late";
        var paper = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> library("{\"itemType\": \"book\", \"title\": \"A\", \"extra\": \"" + extra + "\"}").only());
        assertEquals("late2020", paper.key());
        assertEquals("10.1000/Late", paper.doi());
    }
}
