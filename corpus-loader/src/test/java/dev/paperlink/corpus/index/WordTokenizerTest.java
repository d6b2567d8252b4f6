package dev.paperlink.corpus.index;

import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What each analyzer makes of a text, as data: analyzer, text, tokens separated by '|'. */
class WordTokenizerTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = ';', quoteCharacter = '`', value = {
        "words;    Attention Is All You Need;                  attention|is|all|you|need",
        "words;    BERT: Pre-training of Deep Transformers;    bert|pre|training|of|deep|transformers",
        "words;    Schütze and O'Brien don’t;                  schutze|and|o'brien|don't",
        "words;    'quoted' words' end;                        quoted|words|end",
        "words;    naïve Bayes, Ångström, Øresund, Straße;    naive|bayes|angstrom|oresund|strasse",
        "words;    GPT-4 gets 3.5 points in 2023;              gpt|4|gets|3|5|points|in|2023",
        "words;    深度学习 models;                             深|度|学|习|models",
        "words;    ΑΒΓ Ελληνικά;                               αβγ|ελληνικά",
        "words;    `caf\u0065\u0301 au lait`;                  caf\u0065\u0301|au|lait",
        "words;    `snake_case x--y`;                          snake|case|x|y",
        "words;    `   `;                                      ",
        "stop;     The Attention of a Transformer;             attention|transformer",
        "english;  The transformer's attention layers;         transformer|attention|layer",
        "english;  Studies of queries, classes and corpus;     study|query|classe|corpus",
        "english;  She does languages;                         language",
        "english;  We show that our models don't overfit;      show|model|overfit",
    })
    void analyzes(String analyzer, String text, String tokens) {
        List<String> expected = tokens == null ? List.of() : Arrays.asList(tokens.split("\\|"));
        assertEquals(expected, CompletionQueries.analyze(analyzer(analyzer), "f", text));
    }

    @Test
    void cutsVeryLongWords() {
        String longWord = "a".repeat(300);
        assertEquals(List.of("a".repeat(WordTokenizer.MAX_WORD_CHARS), "a".repeat(300 - WordTokenizer.MAX_WORD_CHARS)),
                CompletionQueries.analyze(Analyzers.words(), "f", longWord));
    }

    @Test
    void readsInputsLongerThanItsFirstBuffer() {
        String text = "word ".repeat(2000);
        assertEquals(2000, CompletionQueries.analyze(Analyzers.words(), "f", text).size());
    }

    private static Analyzer analyzer(String name) {
        return switch (name) {
            case "words" -> Analyzers.words();
            case "stop" -> Analyzers.wordsWithoutStopWords();
            case "english" -> Analyzers.english();
            default -> throw new IllegalArgumentException(name);
        };
    }
}
