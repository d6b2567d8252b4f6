package dev.paperlink.corpus.index;

import dev.paperlink.corpus.Corpus;
import dev.paperlink.corpus.IndexListener;
import dev.paperlink.corpus.IndexReport;
import dev.paperlink.corpus.model.Paper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A JSON-lines file that only grew is read from where it ended; any other change reads it whole. */
class AppendedIndexTest {
    @TempDir
    Path tmp;

    private static String record(int i) {
        return "{\"id\":\"2401." + String.format("%05d", i) + "\",\"authors\":\"Ada Lovelace\",\"title\":\"Paper number " + i
                + " on topic " + (char) ('a' + i % 26) + "\",\"abstract\":\"  Words " + i + ".\\n\",\"categories\":\"cs.CL\","
                + "\"versions\":[{\"version\":\"v1\",\"created\":\"Mon, 1 Jan 2024 10:00:00 GMT\"}],\"update_date\":\"2024-01-02\"}\n";
    }

    private static String records(int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < to; i++) {
            sb.append(record(i));
        }
        return sb.toString();
    }

    private static void append(Path file, String text) throws IOException {
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.APPEND)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 2000));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void onlyTheAppendedLinesAreRead(int seed) throws IOException {
        Random r = new Random(seed);
        int first = 5 + r.nextInt(50);
        int added = 1 + r.nextInt(30);
        Path file = tmp.resolve("snapshot.json");
        Files.writeString(file, records(1, first + 1));
        try (Corpus c = Corpus.open(tmp.resolve("index"))) {
            IndexReport a = c.index(List.of(file), IndexListener.NONE);
            assertEquals(first, a.recordsRead());
            append(file, records(first + 1, first + added + 1));
            IndexReport b = c.index(List.of(file), IndexListener.NONE);
            assertEquals(added, b.recordsRead(), "only the new lines are read");
            assertEquals(first + added, b.papers());
            Paper last = c.search("number " + (first + added), 5).get(0).paper();
            assertEquals("2401." + String.format("%05d", first + added), last.arxivId());
            assertEquals(first + added, last.primarySource().orElseThrow().startLine(), "lines are numbered in the whole file");
            assertEquals(first + added, c.indexedSource(file).orElseThrow().records());
            // unchanged now: nothing read; and a third append still reads only its lines
            assertEquals(0, c.index(List.of(file), IndexListener.NONE).recordsRead());
            append(file, records(first + added + 1, first + added + 3));
            assertEquals(2, c.index(List.of(file), IndexListener.NONE).recordsRead());
            assertEquals(first + added + 2, c.indexedSource(file).orElseThrow().records());
        }
    }

    @Test
    void aChangeBeforeTheEndReadsTheFileWhole() throws IOException {
        Path file = tmp.resolve("snapshot.json");
        Files.writeString(file, records(1, 11));
        try (Corpus c = Corpus.open(tmp.resolve("index"))) {
            c.index(List.of(file), IndexListener.NONE);
            Files.writeString(file, records(1, 11).replace("Paper number 3 ", "Paper numero 3 ") + records(11, 13));
            Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 2000));
            IndexReport b = c.index(List.of(file), IndexListener.NONE);
            assertEquals(12, b.recordsRead());
            assertEquals(12, b.papers());
            assertTrue(c.search("numero", 5).stream().anyMatch(h -> h.paper().arxivId().equals("2401.00003")));
        }
    }

    @Test
    void aLastLineWithoutItsLineBreakIsReadAgainWhole() throws IOException {
        Path file = tmp.resolve("snapshot.json");
        String text = records(1, 6);
        Files.writeString(file, text.substring(0, text.length() - 1));
        try (Corpus c = Corpus.open(tmp.resolve("index"))) {
            c.index(List.of(file), IndexListener.NONE);
            append(file, "\n" + records(6, 8));
            IndexReport b = c.index(List.of(file), IndexListener.NONE);
            assertEquals(7, b.recordsRead());
            assertEquals(7, b.papers());
        }
    }

    @Test
    void aGzippedFileIsReadWhole() throws IOException {
        Path file = tmp.resolve("snapshot.json.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(records(1, 6).getBytes(StandardCharsets.UTF_8));
        }
        try (Corpus c = Corpus.open(tmp.resolve("index"))) {
            c.index(List.of(file), IndexListener.NONE);
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file, StandardOpenOption.APPEND))) {
                out.write(records(6, 8).getBytes(StandardCharsets.UTF_8));
            }
            Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 2000));
            IndexReport b = c.index(List.of(file), IndexListener.NONE);
            assertEquals(7, b.recordsRead());
            assertEquals(7, b.papers());
        }
    }

    @Test
    void aBigFileIsDroppedInBatchesAndPapersKeepTheirOtherRecords() throws IOException {
        int n = 3 * Indexer.DROP_BATCH + 17;
        Path big = tmp.resolve("big.jsonl");
        Path other = tmp.resolve("other.jsonl");
        Files.writeString(big, records(1, n + 1));
        Files.writeString(other, record(5) + record(2000) + record(n));
        try (Corpus c = Corpus.open(tmp.resolve("index"))) {
            IndexReport a = c.index(List.of(big, other), IndexListener.NONE);
            assertEquals(n, a.papers());
            // changed before its end: every record dropped, then read again
            Files.writeString(big, records(1, n + 1).replace("Paper number 7 ", "Paper numero 7 "));
            Files.setLastModifiedTime(big, FileTime.fromMillis(Files.getLastModifiedTime(big).toMillis() + 2000));
            IndexReport b = c.index(List.of(big, other), IndexListener.NONE);
            assertEquals(n, b.recordsRead());
            assertEquals(n, b.papers());
            Files.delete(big);
            IndexReport d = c.index(List.of(big, other), IndexListener.NONE);
            assertEquals(3, d.papers(), "the papers the other file has too keep its records");
            assertEquals(n - 3, d.papersRemoved());
        }
    }
}
