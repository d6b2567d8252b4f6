package dev.paperlink.corpus.merge;

import dev.paperlink.corpus.model.Author;
import dev.paperlink.corpus.model.Paper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CitationKeysTest {

    @ParameterizedTest(name = "{0} / {1} / {2} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            Vaswani     | 2017 | Attention Is All You Need                         | vaswani2017attention
            Erdős       | 1959 | On Random Graphs I                                | erdos1959random
            van der Berg| 2020 | The Art of Computer Programming                   | vanderberg2020art
            O'Neil      |      | A Study of Things                                 | oneilstudy
            Müller      | 2021 | Über die Natur                                    | muller2021uber
            Łukasz      | 2019 | 42 Ways to Fail                                   | lukasz201942
            """)
    void authorYearWord(String family, String year, String title, String expected) {
        Paper p = Paper.builder().title(title).year(year == null ? "" : year).author(Author.person(family, "X")).build();
        assertEquals(expected, CitationKeys.base(p));
    }

    @Test
    void titleOnlyFormWhenNoAuthors() {
        assertEquals("attentionneed2017", CitationKeys.base(Paper.builder().title("Attention is all you need").year("2017").build()));
        assertEquals("paper", CitationKeys.base(Paper.builder().build()));
    }

    @Test
    void organisationUsesItsFirstWord() {
        Paper p = Paper.builder().title("Gemini: A Family of Models").year("2023").author(Author.literal("Google DeepMind")).build();
        assertEquals("google2023gemini", CitationKeys.base(p));
    }

    @Test
    void suffixesAreStableLetters() {
        Set<String> taken = Set.of("smith2020", "smith2020a", "smith2020b");
        assertEquals("smith2020c", CitationKeys.unique("smith2020", taken::contains));
        assertEquals("free", CitationKeys.unique("free", taken::contains));
        assertEquals(List.of("a", "b", "z", "aa", "ab", "az", "ba"),
                List.of(CitationKeys.suffix(0), CitationKeys.suffix(1), CitationKeys.suffix(25), CitationKeys.suffix(26),
                        CitationKeys.suffix(27), CitationKeys.suffix(51), CitationKeys.suffix(52)));
    }
}
