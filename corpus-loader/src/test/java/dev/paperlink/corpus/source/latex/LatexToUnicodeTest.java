package dev.paperlink.corpus.source.latex;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LatexToUnicodeTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\0', textBlock = """
            Caf\\'e                         | Café
            \\'{e}                          | é
            G\\"{o}del                      | Gödel
            G{\\"o}del                      | Gödel
            G\\"odel                        | Gödel
            Stra\\ss e                      | Straße
            Stra{\\ss}e                     | Straße
            \\o{}ystein                     | øystein
            {\\O}re                         | Øre
            \\aa{}ngstr\\"om               | ångström
            \\AA                            | Å
            \\L{}ukasz \\l{}                | Łukasz ł
            Gar\\c{c}on                     | Garçon
            Gar\\c con                      | Garçon
            \\v{S}koda \\v{s}               | Škoda š
            \\u{g}                          | ğ
            Erd\\H{o}s                      | Erdős
            \\={a}                          | ā
            \\.{z}                          | ż
            \\~{n} \\~n                     | ñ ñ
            \\^{o} \\`{a}                   | ô à
            \\k{a}                          | ą
            \\r{u}                          | ů
            na\\"{\\i}ve                    | naïve
            \\'{\\i}                        | í
            \\'\\i                          | í
            \\j                             | ȷ
            A \\& B                         | A & B
            50\\% \\$5 a\\_b \\#1           | 50% $5 a_b #1
            1--2                            | 1–2
            a---b                           | a—b
            ``quoted''                      | “quoted”
            a~b                             | a b
            \\textit{Deep} \\emph{learning} | Deep learning
            \\textbf{B} \\textsc{Sc} \\texttt{tt} | B Sc tt
            $\\mathrm{O}(n)$                | O(n)
            \\url{http://x.org/a_b~c}       | http://x.org/a_b~c
            \\unknowncommand{kept} text     | kept text
            {\\em emphasised} word          | emphasised word
            $\\alpha$-helix and $\\beta$    | α-helix and β
            $x^2 + y_{i}$                   | x2 + yi
            $\\Gamma \\leq \\infty$          | Γ ≤ ∞
            {BERT}: Pre-training of {Deep}  | BERT: Pre-training of Deep
            {{Fixed}} case                  | Fixed case
            a   b<TAB><TAB>c                  | a b c
            \\href{http://x}{link text}     | link text
            unbalanced { brace              | unbalanced brace
            trailing backslash \\           | trailing backslash
            \\LaTeX{} and \\TeX             | LaTeX and TeX
            The \\TeX book                 | The TeXbook
            \\copyright\\ 2001            | © 2001
            plain ascii text                | plain ascii text
            """)
    void converts(String latex, String expected) {
        assertEquals(expected, LatexToUnicode.convert(latex.replace("<TAB>", "\t")));
    }

    @Test
    void nullAndEmpty() {
        assertEquals("", LatexToUnicode.convert(null));
        assertEquals("", LatexToUnicode.convert(""));
        assertEquals("", LatexToUnicode.convert(" { } "));
    }

    @Test
    void deeplyNestedAccentsDoNotOverflow() {
        String s = "\\'{".repeat(100_000) + "e" + "}".repeat(100_000);
        LatexToUnicode.convert(s);
        LatexToUnicode.convert("{".repeat(1_000_000));
    }
}
