package dev.paperlink.server.bibliography;

import dev.paperlink.corpus.model.Paper;
import dev.paperlink.corpus.model.SourceFormat;
import dev.paperlink.corpus.source.Readers;
import dev.paperlink.corpus.source.RecordReader;
import dev.paperlink.corpus.source.RecordSink;
import dev.paperlink.corpus.source.Skip;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The overlay of an edited buffer over the indexed version says what reading the whole buffer
 * says: the indexed records minus the hidden keys, plus the overlay's records, are the buffer's
 * records (key, title, line). Seeded random edits: entries added, removed, moved, retitled.
 */
class BibOverlayTest {
    private static final RecordReader BIBTEX = Readers.forFormat(SourceFormat.BIBTEX);

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void theIndexedVersionWithTheOverlayIsTheBuffer(long seed) {
        Random random = new Random(seed);
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            entries.add(entry("k" + i, "Title " + i, random));
        }
        String baseText = "@string{conf = \"Proceedings\"}\n" + String.join("", entries);
        BibChunks base = BibChunks.scan(baseText);
        Map<String, String> indexed = read(baseText);
        Map<List<Long>, BibOverlay.Read> reads = new HashMap<>();
        int next = 60;
        for (int step = 0; step < 40; step++) {
            int i = random.nextInt(entries.size());
            switch (random.nextInt(4)) {
                case 0 -> entries.add(i, entry("k" + next++, "New " + step, random));
                case 1 -> entries.remove(i);
                case 2 -> entries.add(random.nextInt(entries.size()), entries.remove(i));
                default -> entries.set(i, entries.get(i).replace("title = {", "title = {Re" + step + " "));
            }
            String text = "@string{conf = \"Proceedings\"}\n" + String.join("", entries);
            Optional<BibOverlay> overlay = BibOverlay.of(base, BibOverlay.index(base), BibChunks.scan(text), text, "refs.bib", BIBTEX, reads);
            assertTrue(overlay.isPresent(), "no macro changed: an overlay");
            Map<String, String> seen = new TreeMap<>(indexed);
            seen.keySet().removeIf(k -> overlay.get().hiddenKeys().contains(k));
            for (Paper p : overlay.get().papers()) {
                seen.put(p.key(), p.title());
            }
            assertEquals(new TreeMap<>(read(text)).keySet(), seen.keySet(), "seed " + seed + ", step " + step);
            Map<String, String> titles = new TreeMap<>();
            read(text).forEach(titles::put);
            assertEquals(titles, withoutLines(seen, overlay.get(), text), "seed " + seed + ", step " + step);
            assertEquals(List.of(), overlay.get().skips());
        }
    }

    /** The overlay's own records carry their lines in the buffer. */
    private static Map<String, String> withoutLines(Map<String, String> seen, BibOverlay overlay, String text) {
        Map<String, Integer> lines = lines(text);
        for (Paper p : overlay.papers()) {
            assertEquals(lines.get(p.key()), p.sources().get(0).startLine(), "line of " + p.key());
        }
        return seen;
    }

    private static String entry(String key, String title, Random random) {
        return "@inproceedings{" + key + ",\n  title = {" + title + "},\n  booktitle = conf,\n"
                + (random.nextBoolean() ? "  year = {20" + (10 + random.nextInt(15)) + "},\n" : "") + "}\n";
    }

    private static Map<String, String> read(String text) {
        Map<String, String> out = new HashMap<>();
        try {
            BIBTEX.read("refs.bib", new StringReader(text), new RecordSink() {
                @Override
                public void accept(Paper paper) {
                    out.put(paper.key(), paper.title());
                }

                @Override
                public void skip(Skip skip) {
                    throw new AssertionError(skip.toString());
                }
            });
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out;
    }

    private static Map<String, Integer> lines(String text) {
        Map<String, Integer> out = new HashMap<>();
        String[] ls = text.split("\n", -1);
        for (int i = 0; i < ls.length; i++) {
            if (ls[i].startsWith("@inproceedings{")) {
                out.put(ls[i].substring(15, ls[i].indexOf(',')), i + 1);
            }
        }
        return out;
    }
}
