package dev.paperlink.corpus.source.arxiv;

import dev.paperlink.corpus.testing.CollectingSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArxivJsonlReaderTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "plain|plain",
            "'  two  spaces  '|two spaces",
            "'a\nb\t c'|a b c",
            "'trailing '|trailing",
            "' leading'|leading",
            "''|''",
            "'   '|''",
    })
    void collapsesWhitespace(String in, String out) {
        assertEquals(out, ArxivJsonlReader.collapse(in));
    }

    @Test
    void detectsLatexMarkup() {
        assertFalse(ArxivJsonlReader.needsLatex("A plain title: with (parentheses) and one-dash"));
        assertFalse(ArxivJsonlReader.needsLatex("O'Brien"));
        assertTrue(ArxivJsonlReader.needsLatex("Bal\\'azs"));
        assertTrue(ArxivJsonlReader.needsLatex("the $k$-th"));
        assertTrue(ArxivJsonlReader.needsLatex("{BERT}"));
        assertTrue(ArxivJsonlReader.needsLatex("pages 1--2"));
        assertTrue(ArxivJsonlReader.needsLatex("``quoted''"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Mon, 2 Apr 2007 19:18:42 GMT|2007-04-02",
            "Sat, 31 Mar 2007 02:26:18 GMT|2007-03-31",
            "Thu, 22 Dec 2022 17:01:56 GMT|2022-12-22",
            "2 Sept 2010|2010-09-02",
            "garbage|''",
            "Mon, 45 Apr 2007|''",
    })
    void versionDates(String created, String iso) {
        assertEquals(iso, ArxivJsonlReader.rfcToIso(created));
    }

    @Test
    void lineEndingsAndLongLines() throws IOException {
        String good = "{\"id\":\"2212.00001\",\"title\":\"T\"}";
        String text = good + "\r" + good + "\r\n" + "x".repeat(100) + "\n" + good;
        BoundedLineReader lines = new BoundedLineReader(new StringReader(text), 50);
        assertEquals(good, lines.next());
        assertEquals(1, lines.lineNumber());
        assertEquals(good, lines.next());
        assertEquals(2, lines.lineNumber());
        assertEquals("", lines.next());
        assertTrue(lines.truncated());
        assertEquals(3, lines.lineNumber());
        assertEquals(good, lines.next());
        assertFalse(lines.truncated());
        assertEquals(4, lines.lineNumber());
        assertEquals(null, lines.next());

        CollectingSink sink = CollectingSink.read(new ArxivJsonlReader(), "x.jsonl", text);
        assertEquals(3, sink.papers.size());
        assertEquals(4, sink.papers.get(2).sources().get(0).startLine());
    }

    @Test
    void unarxiveFullTextLinesAreReadThroughTheirMetadata() {
        String line = "{\"paper_id\": \"2212.11867\", \"metadata\": {\"id\": \"2212.11867\", \"title\": \"Zeros of random\\n  polynomials\","
                + " \"authors_parsed\": [[\"Michelen\", \"Marcus\", \"\"]], \"abstract\": \"  Let $X_1$ be.\"},"
                + " \"body_text\": [{\"text\": \"Long paper text\"}]}";
        var paper = CollectingSink.read(new ArxivJsonlReader(), "unarxive.jsonl", line).only();
        assertEquals("Zeros of random polynomials", paper.title());
        assertEquals("2212.11867", paper.arxivId());
        assertEquals("Michelen", paper.authors().get(0).family());
    }

    @Test
    void authorsWithALongRunOfBlanksAreSplitInLinearTime() {
        // found by ReaderFuzzRunTest: splitting on "\s*,\s*|\s+and\s+" was quadratic in a run of blanks (2.6 s for 20,000)
        // (blanks inside a name: next to a comma the separator takes the whole run in one match)
        String line = "{\"id\": \"2301.00001\", \"title\": \"T\", \"authors\": \"A." + " ".repeat(100_000)
                + "Smith, B. Jones and C. Doe\"}";
        var paper = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> CollectingSink.read(new ArxivJsonlReader(), "x.jsonl", line).only());
        assertEquals(java.util.List.of("Smith", "Jones", "Doe"), paper.authors().stream().map(a -> a.family()).toList());
    }
}
