package dev.paperlink.corpus.index;

import dev.paperlink.corpus.Corpus;
import dev.paperlink.corpus.IndexListener;
import dev.paperlink.corpus.IndexReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 10, 7: one record cannot end a whole run. A value that would become a term longer than
 * Lucene takes (a 40,000-character key, a 60,000-letter arXiv-looking URL) is skipped with its
 * file, line and reason; the other records are indexed. Raw fields come out in one order.
 */
class OverlongValuesTest {
    @TempDir
    Path tmp;

    @Test
    void anOverlongValueSkipsItsRecordAndTheRunGoesOn() throws IOException {
        Path bib = tmp.resolve("hostile.bib");
        Files.writeString(bib, "@misc{fine1, title = {A Fine Paper}}\n"
                + "@misc{" + "k".repeat(40_000) + ", title = {Long Key}}\n"
                + "@misc{arxivish, title = {Long URL}, url = {https://arxiv.org/abs/" + "a".repeat(60_000) + "/1234567}}\n"
                + "@misc{longdoi, title = {Long DOI}, doi = {10.1234/" + "x".repeat(40_000) + "}}\n"
                + "@misc{fine2, title = {Another Fine Paper}, note = {n}, year = {2020}, publisher = {p}}\n");
        try (Corpus corpus = Corpus.open(tmp.resolve("index"))) {
            IndexReport report = corpus.index(List.of(bib), IndexListener.NONE);
            assertEquals(2, report.skips().size(), report.skips().toString());
            assertEquals(2, report.skips().get(0).line());
            assertEquals("syntax", report.skips().get(0).reason(), "the reader refuses a 40,000-character key itself");
            assertEquals(4, report.skips().get(1).line());
            assertEquals("too long", report.skips().get(1).reason());
            assertTrue(report.skips().get(1).message().startsWith("DOI of 40008 characters"), report.skips().get(1).message());
            assertTrue(corpus.byKey("longdoi").isEmpty());
            assertTrue(corpus.byKey("fine1").isPresent());
            assertTrue(corpus.byKey("fine2").isPresent());
            assertEquals("", corpus.byKey("arxivish").orElseThrow().arxivId(), "a 60,000-letter archive name is no arXiv id");
            List<String> raw = List.copyOf(corpus.byKey("fine2").orElseThrow().raw().keySet());
            assertEquals(raw.stream().sorted().toList(), raw, "raw fields in one order, whatever the index");
        }
    }

    /** Issue 10, 8: a symbolic link that loops back does not end the run: it is reported, the rest is indexed. */
    @Test
    void aSymlinkLoopIsReportedAndTheRestIsIndexed() throws IOException {
        Path corpusDir = Files.createDirectories(tmp.resolve("corpus/sub"));
        Files.writeString(corpusDir.resolve("refs.bib"), "@misc{fine1, title = {A Fine Paper}}\n");
        Files.createSymbolicLink(corpusDir.resolve("loop"), tmp.resolve("corpus"));
        try (Corpus corpus = Corpus.open(tmp.resolve("index"))) {
            IndexReport report = corpus.index(List.of(tmp.resolve("corpus")), IndexListener.NONE);
            assertTrue(corpus.byKey("fine1").isPresent());
            assertEquals(1, report.skips().size(), report.skips().toString());
            assertEquals("not walked", report.skips().get(0).reason());
            assertTrue(report.skips().get(0).message().contains("loops back"), report.skips().get(0).message());
            IndexReport again = corpus.index(List.of(tmp.resolve("corpus")), IndexListener.NONE);
            assertEquals(1, again.skips().size(), "reported on every run, also one with nothing to read");
        }
    }

    /** Issue 10, 11: a damaged index (a garbled segments file, a missing .si) is rebuilt in place from the sources, and says so. */
    @Test
    void aDamagedIndexIsRebuiltFromTheSources() throws IOException {
        Path bib = tmp.resolve("refs.bib");
        Files.writeString(bib, "@misc{fine1, title = {A Fine Paper}}\n@misc{fine2, title = {Another Fine Paper}}\n");
        Path index = tmp.resolve("index");
        for (String damage : List.of("garble segments", "delete si")) {
            try (Corpus corpus = Corpus.open(index)) {
                corpus.index(List.of(bib), IndexListener.NONE);
                assertTrue(corpus.repaired().isEmpty());
            }
            try (var files = Files.list(index)) {
                for (Path f : files.toList()) {
                    String name = f.getFileName().toString();
                    if (damage.equals("garble segments") && name.startsWith("segments_")) {
                        byte[] b = Files.readAllBytes(f);
                        for (int i = 10; i < Math.min(b.length, 74); i++) {
                            b[i] ^= 0x5a;
                        }
                        Files.write(f, b);
                    } else if (damage.equals("delete si") && name.endsWith(".si")) {
                        Files.delete(f);
                    }
                }
            }
            try (Corpus corpus = Corpus.open(index)) {
                assertTrue(corpus.repaired().isPresent(), damage + ": the damage is found and said");
                assertTrue(corpus.repaired().get().contains("every source is read again"), corpus.repaired().get());
                IndexReport report = corpus.index(List.of(bib), IndexListener.NONE);
                assertEquals(1, report.sourcesRead(), damage + ": the source is read again");
                assertTrue(corpus.byKey("fine2").isPresent(), damage);
            }
        }
    }

    /**
     * Issue 10, 10: 64 bytes flipped inside a doc-values, postings, terms or stored-fields file
     * leave the index readable, with wrong text: the checksums find it. A small read-only index is
     * refused at open, with what to do; 'paperlink index' (a writable open) and a server's
     * background check empty it and every source is read again.
     */
    @Test
    void flippedBytesAreFoundByTheChecksumsAndRebuilt() throws IOException {
        Path bib = tmp.resolve("refs.bib");
        StringBuilder many = new StringBuilder("@misc{fine2, title = {Another Fine Paper}, year = {2021}}\n");
        for (int i = 0; i < 300; i++) { // files of some size: the bytes flipped are in their middle, where only a checksum tells
            many.append("@misc{paper").append(i).append(", title = {Paper number ").append(i).append(" on topic ").append(i % 17)
                    .append("}, abstract = {An abstract of paper ").append(i).append(".}, year = {").append(1990 + i % 30).append("}}\n");
        }
        Files.writeString(bib, many.toString());
        for (String ext : List.of(".dvd", ".doc", ".tim", ".fdt")) {
            Path index = tmp.resolve("index" + ext);
            try (Corpus corpus = Corpus.open(index)) {
                corpus.index(List.of(bib), IndexListener.NONE);
                assertTrue(corpus.verify().isEmpty(), "a whole index passes");
            }
            flip(index, ext);
            IOException refused = assertThrows(IOException.class, () -> Corpus.openReadOnly(index).close(), ext);
            assertTrue(refused.getMessage().contains("damaged") && refused.getMessage().contains("paperlink index"), refused.getMessage());

            try (Corpus server = Corpus.openForServer(index, 1 << 20)) {
                // the server does not check at open (a file it cannot even open is found there, as in the test above)
                Optional<String> damage = server.verify();
                assertTrue(damage.isPresent() || server.repaired().isPresent(), ext + ": found by the server's check");
                assertTrue(server.repaired().orElseThrow().contains("every source is read again"), server.repaired().orElseThrow());
                IndexReport report = server.index(List.of(bib), IndexListener.NONE);
                assertEquals(1, report.sourcesRead(), ext + ": the source is read again");
                assertEquals("Another Fine Paper", server.byKey("fine2").orElseThrow().title());
            }
            flip(index, ext);
            try (Corpus cli = Corpus.open(index)) {
                assertTrue(cli.repaired().isPresent(), ext + ": found when 'paperlink index' opens it");
                assertEquals(1, cli.index(List.of(bib), IndexListener.NONE).sourcesRead());
                assertTrue(cli.verify().isEmpty(), ext + ": whole again");
            }
        }
    }

    /** Flips 64 bytes (or all but the first 8 of a smaller file) in the middle of each index file with this extension. */
    private static void flip(Path index, String ext) throws IOException {
        int flipped = 0;
        try (var files = Files.list(index)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(ext)).toList()) {
                byte[] b = Files.readAllBytes(f);
                int from = b.length > 128 ? b.length / 2 - 32 : 8;
                for (int i = from; i < Math.min(b.length, from + 64); i++) {
                    b[i] ^= 0x5a;
                }
                Files.write(f, b);
                flipped++;
            }
        }
        assertTrue(flipped > 0, "no " + ext + " file in " + index);
    }
}
