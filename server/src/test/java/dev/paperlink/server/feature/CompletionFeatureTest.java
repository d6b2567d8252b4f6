package dev.paperlink.server.feature;

import dev.paperlink.server.feature.completion.CompletionFeature;
import dev.paperlink.server.testing.Corpora;
import dev.paperlink.server.testing.FeatureFixture;
import dev.paperlink.server.testing.Fixture;
import dev.paperlink.server.testing.Render;
import org.junit.jupiter.api.Test;

import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Completion of keys inside citations: {@code label range -> newText | detail}. */
class CompletionFeatureTest {

    @Test
    void keyPrefixInLatex() {
        check("\\cite{vasw<|>}" + "\n" + Corpora.ML, """
                vaswani2017 0:6-0:10 -> vaswani2017 | Vaswani, A.; Shazeer, N.; Parmar, N.; Uszkoreit, J.; Jones, L. et al. (2017)
                """);
    }

    @Test
    void titleAndAuthorWordsFindKeys() {
        check("\\citep[p.~3]{he2016, attention<|>}" + "\n" + Corpora.ML, """
                vaswani2017 0:21-0:30 -> vaswani2017 | Vaswani, A.; Shazeer, N.; Parmar, N.; Uszkoreit, J.; Jones, L. et al. (2017)
                """);
        check("%! n.md\nAs [@devlin<|>]\n" + Corpora.ML, """
                devlin2019 0:5-0:11 -> devlin2019 | Devlin, J.; Chang, M.-W.; Lee, K.; Toutanova, K. (2019)
                """);
    }

    @Test
    void wholeKeyIsReplacedWhenTheCursorIsInside() {
        check("\\cite{he<|>2016}\n" + Corpora.ML, """
                he2016 0:6-0:12 -> he2016 | He, K.; Zhang, X.; Ren, S.; Sun, J. (2016)
                """);
    }

    @Test
    void documentBibliographyFirstThenCorpusWhichIsOnlyAskedOnceSomethingIsTyped() {
        check("""
                %! paper.tex
                \\cite{<|>}
                \\bibliography{refs}
                %! refs.bib
                @book{knuth1984, title = {Literate Programming}, author = {Knuth, Donald E.}, year = {1984}}
                @book{lamport1994, title = {LaTeX: A Document Preparation System}, author = {Lamport, Leslie}, year = {1994}}
                """ + Corpora.ML, """
                knuth1984 0:6-0:6 -> knuth1984 | Knuth, D. E. (1984)
                lamport1994 0:6-0:6 -> lamport1994 | Lamport, L. (1994)
                """);
        check("""
                %! paper.md
                ---
                bibliography: refs.bib
                ---
                See @<|>
                %! refs.bib
                @misc{vaswani2017x, title = {Attention, again}, year = {2024}}
                """ + Corpora.ML, """
                vaswani2017x 3:5-3:5 -> vaswani2017x | (2024)
                """);
        check("""
                %! paper.md
                ---
                bibliography: refs.bib
                ---
                See @vas<|>
                %! refs.bib
                @misc{vaswani2017x, title = {Attention, again}, year = {2024}}
                """ + Corpora.ML, """
                vaswani2017x 3:5-3:8 -> vaswani2017x | (2024)
                vaswani2017 3:5-3:8 -> vaswani2017 | Vaswani, A.; Shazeer, N.; Parmar, N.; Uszkoreit, J.; Jones, L. et al. (2017)
                """);
    }

    @Test
    void atMostTheLimitAndIncomplete() {
        check("\\cite{<|>}\n\\bibliography{refs}\n%! refs.bib\n" + Corpora.ML.substring(Corpora.ML.indexOf('\n') + 1), c -> c.withCompletionLimit(2), """
                (incomplete)
                devlin2019 0:6-0:6 -> devlin2019 | Devlin, J.; Chang, M.-W.; Lee, K.; Toutanova, K. (2019)
                he2016 0:6-0:6 -> he2016 | He, K.; Zhang, X.; Ren, S.; Sun, J. (2016)
                """);
    }

    @Test
    void nothingInCommentsOrOtherFiles() {
        check("% \\cite{vasw<|>}\n" + Corpora.ML, "");
        check("%! notes.txt\n@vasw<|>\n" + Corpora.ML, "");
    }

    private static void check(String fixture, String expected) {
        check(fixture, UnaryOperator.identity(), expected);
    }

    private static void check(String fixture, UnaryOperator<dev.paperlink.server.config.ServerConfig> config, String expected) {
        FeatureFixture f = FeatureFixture.of(Fixture.parse(fixture)).withConfig(config);
        assertEquals(expected.strip(), Render.completion(f.fixture().document(), CompletionFeature.complete(f.params())).strip());
    }
}
