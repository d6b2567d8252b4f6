package dev.paperlink.server.syntax;

import dev.paperlink.server.document.TextDocument;
import dev.paperlink.server.testing.Fixture;
import org.junit.jupiter.api.Test;

import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The bibliography files a document names, resolved against its folder, and the entry keys of a
 * .bib document: {@code path line:col-line:col}.
 */
class BibliographyScannerTest {

    @Test
    void latexBibliographyAndBiblatexResources() {
        check("""
                %! paper/main.tex
                % \\bibliography{commented}
                \\bibliography{cryptobib/abbrev3, ../shared/crypto,add.bib}
                \\addbibresource[location=local]{refs.bib}
                """, """
                /fixture/paper/cryptobib/abbrev3.bib 1:14-1:31
                /fixture/shared/crypto.bib 1:33-1:49
                /fixture/paper/add.bib 1:50-1:57
                /fixture/paper/refs.bib 2:32-2:40
                """);
    }

    @Test
    void yamlFrontMatterStringAndLists() {
        check("""
                %! notes/a.md
                ---
                title: x
                bibliography: "refs.bib"  # a comment
                ---
                bibliography: not.bib
                """, """
                /fixture/notes/refs.bib 2:15-2:23
                """);
        check("""
                %! notes/b.qmd
                ---
                bibliography: [a.bib, /abs/b.json]
                ---
                """, """
                /fixture/notes/a.bib 1:15-1:20
                /abs/b.json 1:22-1:33
                """);
        check("""
                %! c.md
                ---
                bibliography:
                  - a.bib
                  - 'sub/b.yaml'
                link-citations: true
                ---
                """, """
                /fixture/a.bib 2:4-2:9
                /fixture/sub/b.yaml 3:5-3:15
                """);
    }

    @Test
    void bibtexEntryKeys() {
        check("""
                %! refs.bib
                @string{acm = "ACM"}
                @comment{@article{not, }}
                Free text @ not an entry.
                @Article{knuth1984,
                  author = {Knuth, Donald E.}, note = {mail knuth@example.org}}
                @misc( doi:10.1/x+y ,
                  title = "T")
                @book{broken, title = {unclosed
                @book{after,}
                """, """
                knuth1984 3:9-3:18
                doi:10.1/x+y 5:7-5:19
                broken 7:6-7:12
                after 8:6-8:11
                """);
    }

    static void check(String fixture, String expected) {
        Fixture f = Fixture.files(fixture);
        TextDocument doc = f.document();
        String actual;
        if (doc.kind() == dev.paperlink.server.document.DocumentKind.BIBTEX) {
            actual = BibtexKeyScanner.scan(doc.text()).stream()
                    .map(k -> k.key() + " " + f.render(f.mainFile(), k.range()))
                    .collect(Collectors.joining("\n"));
        } else {
            actual = BibliographyScanner.scan(doc.kind(), doc.text()).stream()
                    .map(r -> r.resolve(doc.directory().orElseThrow()) + " " + f.render(f.mainFile(), r.range()))
                    .collect(Collectors.joining("\n"));
        }
        assertEquals(expected.strip(), actual.strip());
    }
}
