package dev.paperlink.server.bibliography;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The entry table of a BibTeX text: as data ({@code line:key kind @ key position}), and edits against a full cut. */
class BibChunksTest {

    @Test
    void entriesStartAtLinesThatStartWithAnAt() {
        check("""
                % a comment before the first entry
                @string{acl = "Association for Computational Linguistics"}
                @article{vaswani2017,
                  title = {Attention},
                  note = {mail me at x@y.org}
                }
                  @InProceedings{ devlin2019 ,
                  title = {BERT}}
                @misc(paren, title = {round})
                @comment{not an entry}
                @book{
                  onTheNextLine,
                  title = {key on its own line}}
                @misc{, title = {no key}}
                """, """
                1: string
                2:vaswani2017 entry @2:9
                6:devlin2019 entry @6:18
                8:paren entry @8:6
                9: comment
                10:onTheNextLine entry @11:2
                13: entry
                """);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void anEditGivesTheTableOfACutOfTheNewText(long seed) {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            text.append(random.nextInt(5) == 0 ? "  " : "").append("@article{key").append(i).append(",\n  title = {T ").append(i)
                    .append("},\n}\n").append(random.nextInt(4) == 0 ? "\n% between\n" : "");
        }
        String[] pieces = {"@", "@misc{new,", "\n", "\n@book{b,\n", "}", "{", " ", "x", "é😀", "\n  @x", ",", "@string{s = \"v\"}\n"};
        BibChunks table = BibChunks.scan(text);
        for (int step = 0; step < 300; step++) {
            int from = random.nextInt(text.length() + 1);
            int to = Math.min(text.length(), from + (random.nextInt(3) == 0 ? random.nextInt(40) : 0));
            String insert = random.nextInt(4) == 0 ? "" : pieces[random.nextInt(pieces.length)];
            text.replace(from, to, insert);
            table = table.edit(text, from, to, from + insert.length());
            assertEquals(render(BibChunks.scan(text)), render(table), "seed " + seed + ", step " + step);
            for (int i = 0; i < table.size(); i++) {
                assertEquals(BibChunks.scan(text).hash(i), table.hash(i), "hash of entry " + i);
            }
        }
    }

    @Test
    void anEditOutsideTheTextCutsItAll() {
        BibChunks t = BibChunks.scan("@misc{a,}\n");
        String now = "@misc{b,}\n";
        assertEquals(render(BibChunks.scan(now)), render(t.edit(now, 5, 99, 5)));
    }

    private static void check(String text, String expected) {
        assertEquals(expected.strip(), render(BibChunks.scan(text), false).strip());
    }

    static String render(BibChunks t) {
        return render(t, true);
    }

    static String render(BibChunks t, boolean offsets) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < t.size(); i++) {
            sb.append(t.line(i)).append(':').append(t.key(i)).append(' ').append(t.kind(i).name().toLowerCase());
            if (t.hasKey(i)) {
                sb.append(" @").append(t.keyPosition(i)).append(t.keyStart(i) < t.start(i) ? " BAD" : "");
            }
            sb.append(offsets ? " [" + t.start(i) + "," + t.end(i) + ")" : "").append('\n');
        }
        return sb.toString();
    }
}
