package dev.paperlink.server.document;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Offsets, UTF-16 positions and incremental edits: {@code text | positions}. */
class TextDocumentTest {

    @Test
    void positionsCountUtf16CodeUnits() {
        // é is one code unit; 😀 (U+1F600) is two; 中 is one; CRLF and CR are line breaks.
        check("Gödel 😀 \\cite{中x}\r\nb\rc", List.of(8, 15, 16, 18, 20, 22, 23, 99),
                "0:8 0:15 0:16 0:18 1:0 2:0 2:1 2:1");
        assertEquals(15, LineIndex.of("Gödel 😀 \\cite{中x}").offset(0, 15));
        assertEquals(3, LineIndex.of("ab\ncd").offset(1, 0));
        assertEquals(5, LineIndex.of("ab\ncd").offset(1, 99), "columns past the end clamp to the line end");
        assertEquals(5, LineIndex.of("ab\ncd").offset(7, 0), "lines past the end clamp to the text end");
    }

    @Test
    void incrementalEditsApplyInOrder() {
        TextDocument d = TextDocument.of("file:///x/a.tex", "latex", 1, "A 😀 \\cite{}\nsecond line");
        d = d.apply(2, List.of(
                new TextDocument.Change(new Pos(0, 11), new Pos(0, 11), "vasw"),
                new TextDocument.Change(new Pos(1, 0), new Pos(1, 6), "2nd"),
                new TextDocument.Change(new Pos(0, 15), new Pos(0, 15), "ani2017")));
        assertEquals("A 😀 \\cite{vaswani2017}\n2nd line", d.text());
        assertEquals(2, d.version());
        assertEquals("whole", d.apply(3, List.of(TextDocument.Change.full("whole"))).text());
        assertEquals(DocumentKind.LATEX, d.kind());
        assertEquals(DocumentKind.MARKDOWN, TextDocument.of("file:///x/a.qmd", "", 1, "").kind());
        assertEquals(DocumentKind.MARKDOWN, TextDocument.of("file:///x/a.txt", "markdown", 1, "").kind());
        assertEquals(DocumentKind.BIBTEX, TextDocument.of("file:///x/a.bib", "", 1, "").kind());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void anEditedLineIndexIsTheIndexOfTheNewText(long seed) {
        java.util.Random random = new java.util.Random(seed);
        String[] pieces = {"\n", "\r", "\r\n", "a", "bc\nd", "\n\n", "😀", "", "x\r"};
        StringBuilder text = new StringBuilder("first\nsecond\r\nthird\rfourth\n");
        LineIndex idx = LineIndex.of(text.toString());
        for (int step = 0; step < 500; step++) {
            int from = random.nextInt(text.length() + 1);
            int to = Math.min(text.length(), from + random.nextInt(4));
            String insert = pieces[random.nextInt(pieces.length)];
            text.replace(from, to, insert);
            idx = idx.edit(text.toString(), from, to, from + insert.length());
            LineIndex full = LineIndex.of(text.toString());
            assertEquals(full.lineCount(), idx.lineCount(), "seed " + seed + " step " + step);
            for (int l = 0; l < full.lineCount(); l++) {
                assertEquals(full.lineStart(l) + "-" + full.lineEnd(l), idx.lineStart(l) + "-" + idx.lineEnd(l), "line " + l + " at step " + step);
            }
        }
    }

    private static void check(String text, List<Integer> offsets, String expected) {
        LineIndex idx = LineIndex.of(text);
        StringBuilder sb = new StringBuilder();
        for (int o : offsets) {
            Pos p = idx.position(o);
            sb.append(sb.isEmpty() ? "" : " ").append(p);
            if (o <= text.length() && o != 19) { // 19 is inside CRLF
                assertEquals(o, idx.offset(p), "round trip of " + o);
            }
        }
        assertEquals(expected, sb.toString());
    }
}
