package dev.paperlink.corpus.index;

import dev.paperlink.corpus.Corpus;
import dev.paperlink.corpus.IndexListener;
import dev.paperlink.corpus.model.Hit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Title completion on the demo corpus, as typed: the expected first paper for each text, whatever
 * the length of the word being typed (one letter, the indexed two- and three-letter prefixes,
 * longer prefixes) and with one typo in a finished word.
 */
class TitleCompletionTest {
    @TempDir
    static Path tmp;
    static Corpus corpus;

    @BeforeAll
    static void index() throws IOException {
        corpus = Corpus.open(tmp.resolve("index"));
        corpus.index(List.of(DemoCorpus.dir()), IndexListener.NONE);
    }

    @AfterAll
    static void close() throws IOException {
        corpus.close();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            attention is a              | vaswani2017attention
            deep residual l             | he2016deep
            deep residual le            | he2016deep
            deep residual lea           | he2016deep
            deep residual lear          | he2016deep
            a mathematical theory o     | shannon1948
            a mathematical theory of c  | shannon1948
            resdiual learning           | he2016deep
            deep residul learning       | he2016deep
            vaswnai 2017                | vaswani2017attention
            """)
    void firstPaper(String typed, String expectedKey) {
        List<Hit> hits = corpus.completeTitle(typed, 10);
        assertEquals(expectedKey, hits.isEmpty() ? "(nothing)" : hits.get(0).paper().key(), () -> "hits: " + hits);
    }

    /** One word, so only the strict passes run: exactly the papers with a title word (or author) starting so. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ca      | barnes2020catalogue
            cat     | barnes2020catalogue
            catal   | barnes2020catalogue
            catalog | barnes2020catalogue
            o       | barnes2020catalogue devlin2019bert erdos1959random shannon1948 touvron2023llama
            of      | barnes2020catalogue devlin2019bert shannon1948
            ne      | vaswani2017attention
            x       | (nothing)
            """)
    void allPapers(String typed, String expectedKeys) {
        List<String> keys = corpus.completeTitle(typed, 50).stream().map(h -> h.paper().key()).sorted().toList();
        assertEquals(expectedKeys, keys.isEmpty() ? "(nothing)" : String.join(" ", keys));
    }
}
