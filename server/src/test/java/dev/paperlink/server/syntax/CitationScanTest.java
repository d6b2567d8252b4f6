package dev.paperlink.server.syntax;

import dev.paperlink.server.document.TextDocument;
import dev.paperlink.server.testing.Fixture;
import org.junit.jupiter.api.Test;

import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every key the scanners find in a document: {@code key line:col-line:col}, "open" when unclosed. */
class CitationScanTest {

    @Test
    void latexCommands() {
        check("""
                %! a.tex
                \\cite{a} \\citep{b} \\citet{c} \\citealp{d} \\citealt{e}
                \\citeauthor{f} \\citeyear{g} \\parencite{h} \\textcite{i}
                \\autocite{j} \\footcite{k} \\fullcite{l} \\nocite{m}
                """, """
                a 0:6-0:7
                b 0:16-0:17
                c 0:26-0:27
                d 0:38-0:39
                e 0:50-0:51
                f 1:12-1:13
                g 1:25-1:26
                h 1:39-1:40
                i 1:52-1:53
                j 2:10-2:11
                k 2:23-2:24
                l 2:36-2:37
                m 2:47-2:48
                """);
    }

    @Test
    void latexStarredCapitalisedOptionalArgumentsAndSeveralKeys() {
        check("""
                %! a.tex
                \\Citet*[see][p.~3]{knuth1984, lamport:latex}
                \\Parencite [ch.\\ 2] {doi:10.1145/361604.361612}
                """, """
                knuth1984 0:19-0:28
                lamport:latex 0:30-0:43
                doi:10.1145/361604.361612 1:21-1:46
                """);
    }

    @Test
    void latexMultiCitesAndKeysAcrossLines() {
        check("""
                %! a.tex
                \\cites[a]{x}[b]{y,z} \\textcites(pre)(post){p}{q}
                \\cite{one,
                  two % a comment, not a key
                  ,three}
                """, """
                x 0:10-0:11
                y 0:16-0:17
                z 0:18-0:19
                p 0:43-0:44
                q 0:46-0:47
                one 1:6-1:9
                two 2:2-2:5
                three 3:3-3:8
                """);
    }

    @Test
    void latexNothingInCommentsOrVerbatim() {
        check("""
                %! a.tex
                % \\cite{commented}
                50\\% of \\verb|\\cite{verb}| cites \\cite{real}
                \\begin{verbatim}
                \\cite{verbatim}
                \\end{verbatim}
                \\citation{notacite} \\excite{no}
                """, """
                real 1:39-1:43
                """);
    }

    @Test
    void latexUnclosedCitationIsOpen() {
        check("""
                %! a.tex
                \\cite{vasw and then text
                """, """
                vasw 0:6-0:10 open
                """);
    }

    @Test
    void pandocCitations() {
        check("""
                %! a.md
                Blah [@doe99; see @smith04, pp. 33-35; @other].
                Smith says @smith04 [p. 33], and -@doe99 agrees [-@lamport:latex].
                Odd @{odd:key/with.chars} and @10.1145/3.4+x ends @key.
                """, """
                doe99 0:7-0:12
                smith04 0:19-0:26
                other 0:40-0:45
                smith04 1:12-1:19
                doe99 1:35-1:40
                lamport:latex 1:51-1:64
                odd:key/with.chars 2:6-2:24
                10.1145/3.4+x 2:31-2:44
                key 2:51-2:54
                """);
    }

    @Test
    void pandocNothingInCodeMailsOrBookdownRefs() {
        check("""
                %! a.Rmd
                ---
                title: "@notakey"
                ---
                Mail me@example.org, see `@code` and ``a ` @code2``, \\@ref(fig:x), \\@escaped.
                ```r
                x <- "@fenced"
                ```
                <!-- @commented --> but @real
                """, """
                real 7:25-7:29
                """);
    }

    static void check(String fixture, String expected) {
        Fixture f = Fixture.files(fixture);
        TextDocument doc = f.document();
        String actual = CitationScanner.refs(doc.kind(), doc.text()).stream()
                .map(r -> r.key() + " " + f.render(f.mainFile(), r.range()) + (r.open() ? " open" : ""))
                .collect(Collectors.joining("\n"));
        assertEquals(expected.strip(), actual.strip());
    }
}
