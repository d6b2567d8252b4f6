package dev.paperlink.server.syntax;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The citation syntaxes of Typst, Org mode and the rarer LaTeX forms, and the bibliographies
 * Typst and Org documents name: {@code key line:col-line:col}, "open" when unclosed.
 */
class MoreCitationSyntaxTest {

    @Test
    void typstReferencesAndCiteCalls() {
        check("""
                %! a.typ
                As @vaswani2017 shows, and @doi:10.1.x-y[p. 7].
                #cite(<he2016>) #cite(label("odd/key+1"), form: "prose")
                mail me@example.org // @commented
                /* @block */ `@raw` ```@fenced```
                """, """
                vaswani2017 0:4-0:15
                doi:10.1.x-y 0:28-0:40
                he2016 1:7-1:13
                odd/key+1 1:29-1:38
                """);
        check("%! a.typ\n#cite(<he20\n", "he20 0:7-0:11 open");
    }

    @Test
    void orgCiteAndOrgRef() {
        check("""
                %! a.org
                * Intro
                As [cite:@vaswani2017] and [cite/t:see @a p. 3;@b.c].
                org-ref: cite:knuth1984 citep:x,y citet:&p;&q.
                # cite:commented
                #+begin_src python
                [cite:@code]
                #+end_src
                [[cite:linked]]
                """, """
                vaswani2017 1:10-1:21
                a 1:40-1:41
                b.c 1:48-1:51
                knuth1984 2:14-2:23
                x 2:30-2:31
                y 2:32-2:33
                p 2:41-2:42
                q 2:44-2:45
                linked 7:7-7:13
                """);
    }

    @Test
    void latexNociteAllBiblatexMulticitesAndDoiKeys() {
        check("""
                %! a.tex
                \\nocite{*} \\footfullcite{dblp:conf/acl/X19} \\citetext{not a key}
                \\parencites(see)()[p.~1]{a:b}[2]{c+d}
                \\Textcites{e.f/g}{h}
                """, """
                * 0:8-0:9
                dblp:conf/acl/X19 0:25-0:42
                a:b 1:25-1:28
                c+d 1:33-1:36
                e.f/g 2:11-2:16
                h 2:18-2:19
                """);
    }

    @Test
    void typstAndOrgBibliographies() {
        checkBibs("""
                %! doc/a.typ
                #bibliography("refs.bib")
                #bibliography(("a.bib", "../b.yml"), style: "apa")
                """, """
                /fixture/doc/refs.bib 0:15-0:23
                /fixture/doc/a.bib 1:16-1:21
                /fixture/b.yml 1:25-1:33
                """);
        checkBibs("""
                %! doc/a.org
                #+BIBLIOGRAPHY: refs.bib
                bibliography:x.bib,y.bib
                """, """
                /fixture/doc/refs.bib 0:16-0:24
                /fixture/doc/x.bib 1:13-1:18
                /fixture/doc/y.bib 1:19-1:24
                """);
    }

    @Test
    void quartoProjectYaml() {
        assertEquals(java.util.List.of("refs.bib", "more.yml"), BibliographyScanner.yamlFile("""
                project:
                  type: book
                bibliography:
                  - refs.bib
                  - more.yml
                """).stream().map(BibliographyRef::file).toList());
    }

    private static void check(String fixture, String expected) {
        CitationScanTest.check(fixture, expected);
    }

    private static void checkBibs(String fixture, String expected) {
        BibliographyScannerTest.check(fixture, expected);
    }
}
