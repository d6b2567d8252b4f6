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

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
