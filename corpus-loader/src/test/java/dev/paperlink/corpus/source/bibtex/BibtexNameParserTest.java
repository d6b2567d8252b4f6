package dev.paperlink.corpus.source.bibtex;

import dev.paperlink.corpus.model.Author;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BibtexNameParserTest {

    /** name | family | given | particle | suffix | literal */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\0', nullValues = "-", emptyValue = "", textBlock = """
            Donald E. Knuth                | Knuth       | Donald E. |          |     |
            Knuth, Donald E.               | Knuth       | Donald E. |          |     |
            Ludwig van Beethoven           | Beethoven   | Ludwig    | van      |     |
            van Beethoven, Ludwig          | Beethoven   | Ludwig    | van      |     |
            de la Fontaine, Jean           | Fontaine    | Jean      | de la    |     |
            Jean de la Fontaine            | Fontaine    | Jean      | de la    |     |
            von Neumann, Jr., John         | Neumann     | John      | von      | Jr. |
            King, Jr., Martin Luther       | King        | Martin Luther |      | Jr. |
            {Barnes and Noble}             |             |           |          |     | Barnes and Noble
            {World Health Organization}    |             |           |          |     | World Health Organization
            Aristotle                      | Aristotle   |           |          |     |
            Kurt G{\\"o}del                | Gödel       | Kurt      |          |     |
            G\\"{o}del, Kurt               | Gödel       | Kurt      |          |     |
            {\\"O}zt{\\"u}rk, Ay{\\c{s}}e  | Öztürk      | Ayşe      |          |     |
            Mostafazadeh Davani, Aida      | Mostafazadeh Davani | Aida |       |     |
            {De Gaulle}, Charles           | De Gaulle   | Charles   |          |     |
            Charles {De Gaulle}            | De Gaulle   | Charles   |          |     |
            Jos{\\'e} {\\'A}lvarez          | Álvarez     | José      |          |     |
            Group, Machine Translation     |             |           |          |     | Machine Translation Group
            Team, Kim                      | Team        | Kim       |          |     |
            Group, the Translation         | Group       | the Translation |    |     |
            """)
    void parsesOneName(String name, String family, String given, String particle, String suffix, String literal) {
        Author a = NameParser.parseName(name);
        assertEquals(new Author(family, given, particle, suffix, literal), a);
    }

    @Test
    void splitsOnAndAtDepthZero() {
        List<Author> authors = NameParser.parse("Singh, Sumer  and\n      Li, Sheng and {Barnes and Noble} AND others");
        assertEquals(4, authors.size());
        assertEquals(Author.person("Singh", "Sumer"), authors.get(0));
        assertEquals(Author.person("Li", "Sheng"), authors.get(1));
        assertEquals(Author.literal("Barnes and Noble"), authors.get(2));
        assertTrue(authors.get(3).isOthers());
    }

    @Test
    void andInsideAWordIsNotASeparator() {
        List<Author> authors = NameParser.parse("Anderson, Alexander and Sandoval, Brandon");
        assertEquals(List.of(Author.person("Anderson", "Alexander"), Author.person("Sandoval", "Brandon")), authors);
    }

    @Test
    void emptyAndBlank() {
        assertEquals(List.of(), NameParser.parse(""));
        assertEquals(List.of(Author.person("A", "")), NameParser.parse(" and A and "));
    }
}
