package dev.paperlink.corpus.source.hf;

import dev.paperlink.corpus.model.Author;
import dev.paperlink.corpus.model.SourceFormat;
import dev.paperlink.corpus.source.SourceFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HfTextTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "'Jingxuan Wei,'|Wei|Jingxuan|",
            "'  Xi   bai ,'|bai|Xi|",
            "Fung|Fung||",
            "'Yuki M. Asano'|Asano|Yuki M.|",
            "Qwen Team|||Qwen Team",
            "ATLAS Collaboration|||ATLAS Collaboration",
            "Ai Chen|Chen|Ai|",
    })
    void authors(String name, String family, String given, String literal) {
        Author a = HfText.author(name);
        assertEquals(family == null ? "" : family, a.family());
        assertEquals(given == null ? "" : given, a.given());
        assertEquals(literal == null ? "" : literal, a.literal());
    }

    @Test
    void emptyNamesAreDropped() {
        assertNull(HfText.author(" , "));
        assertNull(HfText.author(null));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "'learning , revealing'|'learning, revealing'",
            "'a benchmark .'|'a benchmark.'",
            "'( e.g. , x )'|'( e.g., x)'",
            "'a ,b'|'a ,b'",
            "'3 . 5'|'3 . 5'",
    })
    void scrapeArtifacts(String in, String out) {
        assertEquals(out, HfText.cleanScraped(in));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2026-04-01T09:02:03.980738+00:00|2026-04-01",
            "2024-01-22T18:59:59.000Z|2024-01-22",
            "2024-13-01|''",
            "yesterday|''",
    })
    void isoDates(String in, String out) {
        assertEquals(out, HfText.isoDate(in));
    }

    @Test
    void organisationLines() {
        assertEquals("Spiral Works", HfPageTextReader.orgName("spiralworks Spiral Works"));
        assertEquals("UC Berkeley", HfPageTextReader.orgName("Berkeley UC Berkeley"));
        assertEquals("Meta AI Research", HfPageTextReader.orgName("Meta AI Research"));
        assertEquals("OpenAI", HfPageTextReader.orgName("OpenAI"));
    }

    @Test
    void titlesAndAbstracts() {
        assertFalse(HfPageTextReader.abstractLike("What Algorithms can Transformers Learn? A Study in Length Generalization"));
        assertTrue(HfPageTextReader.abstractLike("x".repeat(301)));
        assertTrue(HfPageTextReader.abstractLike("We study the problem of learning things, and we show that it works well in practice."));
    }

    @Test
    void fixturesAreDetected() throws URISyntaxException {
        Path json = Path.of(getClass().getResource("json-fixtures").toURI());
        for (String name : new String[] {"api-daily-papers.json", "scraped-wrapper.json", "scraped-array-broken.json"}) {
            assertEquals(Optional.of(SourceFormat.HF_JSON), SourceFiles.detect(json.resolve(name)), name);
        }
        Path pages = Path.of(getClass().getResource("fixtures").toURI());
        for (String name : new String[] {"names-and-page-year.txt", "fragments.txt", "crlf-page.txt"}) {
            assertEquals(Optional.of(SourceFormat.HF_PAGE_TEXT), SourceFiles.detect(pages.resolve(name)), name);
        }
    }
}
