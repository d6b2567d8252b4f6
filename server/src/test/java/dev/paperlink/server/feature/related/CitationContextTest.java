package dev.paperlink.server.feature.related;

import dev.paperlink.server.document.DocumentKind;
import dev.paperlink.server.syntax.CitationRef;
import dev.paperlink.server.syntax.CitationScan;
import dev.paperlink.server.syntax.CitationScanner;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CitationContextTest {

    /** A long paragraph is cut at its reach between words: never inside a word or a command ("ite{…" of "\cite{…"). */
    @Test
    void aParagraphCutAtItsReachHoldsWholeWordsOnly() {
        StringBuilder doc = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            doc.append("\\cite{paper").append(i).append("}\nSee \\cite{other").append(i).append("}.\n");
        }
        for (int at : List.of(doc.indexOf("paper100") + 3, doc.indexOf("other150") + 2)) {
            CitationScan scan = CitationScanner.forKind(DocumentKind.LATEX).orElseThrow().scan(doc.toString());
            CitationRef ref = scan.at(at).orElseThrow();
            CitationContext c = CitationContext.around(doc.toString(), DocumentKind.LATEX, ref.range(), scan.refs());
            assertTrue(c.paragraph().end() - c.paragraph().start() <= 2 * CitationContext.PARAGRAPH_REACH + 1, "reach");
            // the keys are blanked: what is left is "See", "\\cite{", "}" and "}."
            java.util.Set<String> whole = java.util.Set.of("See", "\\cite{", "}", "}.");
            List<String> words = Arrays.asList(c.paragraphText().split(" "));
            assertEquals(List.of(), words.stream().filter(w -> !whole.contains(w)).toList(), "pieces of words");
        }
    }

    @Test
    void aShortParagraphIsWhole() {
        String doc = "Intro.\n\nWe build on attention \\cite{vasw} and residual nets.\nMore text here.\n\nNext.";
        CitationScan scan = CitationScanner.forKind(DocumentKind.LATEX).orElseThrow().scan(doc);
        CitationRef ref = scan.at(doc.indexOf("vasw") + 2).orElseThrow();
        CitationContext c = CitationContext.around(doc, DocumentKind.LATEX, ref.range(), scan.refs());
        assertEquals("We build on attention \\cite{ } and residual nets. More text here.", c.paragraphText());
    }
}
