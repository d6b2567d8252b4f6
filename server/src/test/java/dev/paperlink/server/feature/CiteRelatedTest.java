package dev.paperlink.server.feature;

import dev.paperlink.server.document.TextDocument;
import dev.paperlink.server.document.TextRange;
import dev.paperlink.server.feature.related.CiteRelated;
import dev.paperlink.server.testing.FeatureFixture;
import dev.paperlink.server.testing.Fixture;
import org.junit.jupiter.api.Test;

import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Issue 11: "Cite a related paper…" actions ({@code title -> the line with the citation}); the paragraph counts a little. */
class CiteRelatedTest {

    @Test
    void eachActionCitesAPaperBeforeTheFullStop() {
        check("Residual connections make very deep networks<|> trainable.\n\nAnother paragraph.\n" + RelatedCompletionTest.PAPERS, """
                Cite Deep Residual Learning for Image Recognition (2016 · He) -> Residual connections make very deep networks trainable~\\cite{he2016}.
                Cite Graph Neural Networks for Molecules (2020 · Smith) -> Residual connections make very deep networks trainable~\\cite{smith2020}.
                """);
    }

    @Test
    void markdownGetsPandocCitationsAndTheOtherSentencesStayAsTheyAre() {
        check("%! notes.md\nMolecules are graphs. We translate with little<|> parallel data! The end.\n" + RelatedCompletionTest.PAPERS, """
                Cite Low-Resource Machine Translation (2021 · Smith et al.) -> Molecules are graphs. We translate with little parallel data [@smith2021]! The end.
                Cite Graph Neural Networks for Molecules (2020 · Smith) -> Molecules are graphs. We translate with little parallel data [@smith2020]! The end.
                """);
    }

    @Test
    void aSelectedSentenceGetsItsCitationEvenWhenTheSelectionTakesItsFullStop() {
        String text = "Residual connections make very deep networks trainable. Molecules are graphs.\n";
        int end = text.indexOf("Molecules");
        check("<|>" + text + RelatedCompletionTest.PAPERS, new TextRange(0, end), """
                Cite Deep Residual Learning for Image Recognition (2016 · He) -> Residual connections make very deep networks trainable~\\cite{he2016}. Molecules are graphs.
                Cite Graph Neural Networks for Molecules (2020 · Smith) -> Residual connections make very deep networks trainable~\\cite{smith2020}. Molecules are graphs.
                """);
    }

    @Test
    void anEmptyCitationInTheSentenceIsFilledInsteadOfASecondOne() {
        check("Residual connections make very deep networks<|> trainable \\cite{}.\n\nAnother paragraph.\n" + RelatedCompletionTest.PAPERS, """
                Cite Deep Residual Learning for Image Recognition (2016 · He) -> Residual connections make very deep networks trainable \\cite{he2016}.
                Cite Graph Neural Networks for Molecules (2020 · Smith) -> Residual connections make very deep networks trainable \\cite{smith2020}.
                """);
        check("%! notes.md\nWe translate with little<|> parallel data [@]. The end.\n" + RelatedCompletionTest.PAPERS, """
                Cite Low-Resource Machine Translation (2021 · Smith et al.) -> We translate with little parallel data [@smith2021]. The end.
                """);
    }

    private static void check(String fixture, String expected) {
        FeatureFixture f = FeatureFixture.of(Fixture.parse(fixture));
        check(fixture, new TextRange(f.fixture().offset(), f.fixture().offset()), expected);
    }

    private static void check(String fixture, TextRange at, String expected) {
        FeatureFixture f = FeatureFixture.of(Fixture.parse(fixture));
        TextDocument doc = f.fixture().document();
        String actual = CiteRelated.actions(f.params(), at).stream()
                .map(a -> a.title() + " -> " + firstLine(doc.text().substring(0, a.offset()) + a.insert() + doc.text().substring(a.offset())))
                .collect(Collectors.joining("\n"));
        assertEquals(expected.strip(), actual);
    }

    private static String firstLine(String s) {
        return s.lines().findFirst().orElse("");
    }
}
