package dev.paperlink.corpus.merge;

import dev.paperlink.corpus.model.Paper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MatchKeysTest {

    private static Paper paper(String title, String year, String doi, String arxiv) {
        return Paper.builder().title(title).year(year).doi(doi).arxivId(arxiv).build();
    }

    @Test
    void identifiersAreNormalised() {
        Paper p = paper("{BERT}: Pre-Training of Deep Bidirectional Transformers", "2019",
                "https://doi.org/10.18653/V1/N19-1423", "arXiv:1810.04805v2");
        assertEquals(List.of("doi:10.18653/v1/n19-1423", "arxiv:1810.04805",
                "t:bert pre training of deep bidirectional transformers",
                "ty:bert pre training of deep bidirectional transformers|2019"), MatchKeys.indexTerms(p));
    }

    @Test
    void titleWithYearAlsoLooksForTheSameTitleWithoutYear() {
        assertEquals(List.of("ty:attention is all you need|2017", "tn:attention is all you need"),
                MatchKeys.lookupTerms(paper("Attention Is All You Need", "2017", "", "")));
        assertEquals(List.of("t:attention is all you need"),
                MatchKeys.lookupTerms(paper("Attention is all you need.", "", "", "")));
    }

    @Test
    void shortOrOneWordTitlesNeverMatch() {
        assertEquals(List.of(), MatchKeys.indexTerms(paper("Preface", "2001", "", "")));
        assertEquals(List.of(), MatchKeys.indexTerms(paper("On Graphs", "2001", "", "")));
    }

    @Test
    void genericTitlesNeverMatchOnTitleAlone() {
        for (String generic : List.of("In This Issue: Introduction", "Guest Editorial: Introduction to the Special Issue",
                "Message from the Program Chairs", "Editor's Introduction", "Front Matter, Volume 12", "Table of Contents")) {
            assertEquals(List.of(), MatchKeys.indexTerms(paper(generic, "2001", "", "")), generic);
        }
        assertEquals(List.of("doi:10.1145/1"), MatchKeys.indexTerms(paper("In This Issue: Introduction", "2001", "10.1145/1", "")),
                "its DOI still matches");
        assertEquals(2, MatchKeys.indexTerms(paper("An Introduction to Graph Neural Networks", "2021", "", "")).size(),
                "a title with a word of its own matches");
    }

    @Test
    void conflictingIdentifiersOrYearsNeverMerge() {
        Paper a = paper("A Long Enough Title Here", "2019", "10.1000/a", "");
        assertFalse(MatchKeys.compatible(a, paper("A Long Enough Title Here", "2019", "10.1000/b", "")));
        assertFalse(MatchKeys.compatible(a, paper("A Long Enough Title Here", "2020", "", "")));
        assertTrue(MatchKeys.compatible(a, paper("A Long Enough Title Here", "", "", "1810.04805")));
        // the same DOI wins over a different year (preprint year vs. publication year)
        assertTrue(MatchKeys.compatible(a, paper("Another Title", "2018", "10.1000/A", "")));
    }
}
