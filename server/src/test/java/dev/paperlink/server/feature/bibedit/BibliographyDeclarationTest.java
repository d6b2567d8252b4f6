package dev.paperlink.server.feature.bibedit;

import dev.paperlink.server.document.DocumentKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Issue 12: the line that names a new references.bib, in each syntax ({@code |} is a line break). */
class BibliographyDeclarationTest {

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "LATEX;    \\documentclass{article}|\\begin{document}|x|\\end{document}|;  \\documentclass{article}|\\begin{document}|x|\\bibliography{references}|\\end{document}|",
            "MARKDOWN; # Notes|;                                                  ---|bibliography: references.bib|---|# Notes|",
            "TYPST;    = Notes|@he2016;                                           = Notes|@he2016|#bibliography(\"references.bib\")|",
            "ORG;      #+title: Notes|#+author: Me|* Intro|;                       #+title: Notes|#+author: Me|#+bibliography: references.bib|* Intro|",
            "ORG;      * Intro|;                                                   #+bibliography: references.bib|* Intro|",
    })
    void theDeclarationOfANewBibliography(DocumentKind kind, String before, String after) {
        String text = before.replace('|', '\n');
        TextChange change = BibliographyDeclaration.add(kind, text, "references.bib").orElseThrow();
        assertEquals(after.replace('|', '\n'), text.substring(0, change.start()) + change.text() + text.substring(change.end()));
    }
}
