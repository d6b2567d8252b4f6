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

    private static void check(String fixture, String expected) {
        FeatureFixture f = FeatureFixture.of(Fixture.parse(fixture));
        TextDocument doc = f.fixture().document();
        int at = f.fixture().offset();
        String actual = CiteRelated.actions(f.params(), new TextRange(at, at)).stream()
                .map(a -> a.title() + " -> " + firstLine(doc.text().substring(0, a.offset()) + a.insert() + doc.text().substring(a.offset())))
                .collect(Collectors.joining("\n"));
        assertEquals(expected.strip(), actual);
    }

    private static String firstLine(String s) {
        return s.lines().findFirst().orElse("");
    }
}
