package dev.paperlink.server.syntax;

import dev.paperlink.server.document.TextDocument;
import dev.paperlink.server.testing.Fixture;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The key at the cursor: {@code "key" line:col-line:col [open]}, or "none" outside citations. */
class CitationAtCursorTest {

    @Test
    void latex() {
        check("\\cite{vasw<|>}", "\"vasw\" 0:6-0:10");
        check("\\cite{kn<|>uth1984}", "\"knuth1984\" 0:6-0:15");
        check("\\cite{<|>}", "\"\" 0:6-0:6");
        check("\\cite{a, <|>}", "\"\" 0:9-0:9");
        check("\\parencite[p.~3]{<|>", "\"\" 0:17-0:17 open");
        check("see \\citep{vasw<|>\n", "\"vasw\" 0:11-0:15 open");
        check("\\cites{a}{<|>}", "\"\" 0:10-0:10");
        check("\\cite{a} te<|>xt", "none");
        check("% \\cite{a<|>}", "none");
        check("\\cite[p.<|>~3]{a}", "none");
    }

    @Test
    void markdown() {
        check("%! n.md\n[@vasw<|>]", "\"vasw\" 0:2-0:6");
        check("%! n.md\nas @<|>", "\"\" 0:4-0:4 open");
        check("%! n.md\n[see @<|>; @b]", "\"\" 0:6-0:6 open");
        check("%! n.md\n@{odd:k<|>ey}", "\"odd:key\" 0:2-0:9");
        check("%! n.md\nme@exa<|>mple.org", "none");
        check("%! n.md\n`@co<|>de`", "none");
    }

    private static void check(String fixture, String expected) {
        Fixture f = Fixture.parse(fixture);
        TextDocument doc = f.document();
        String actual = CitationScanner.forKind(doc.kind()).orElseThrow().scan(doc.text()).at(f.offset())
                .map(r -> "\"" + r.key() + "\" " + f.render(f.mainFile(), r.range()) + (r.open() ? " open" : ""))
                .orElse("none");
        assertEquals(expected, actual, fixture);
    }
}
