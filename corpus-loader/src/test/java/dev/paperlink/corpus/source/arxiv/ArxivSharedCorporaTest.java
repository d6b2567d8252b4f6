package dev.paperlink.corpus.source.arxiv;

import dev.paperlink.corpus.model.Author;
import dev.paperlink.corpus.model.Paper;
import dev.paperlink.corpus.model.SourceFormat;
import dev.paperlink.corpus.source.RecordSink;
import dev.paperlink.corpus.source.Skip;
import dev.paperlink.corpus.source.SourceFiles;
import dev.paperlink.corpus.testing.CollectingSink;
import dev.paperlink.corpus.testing.SharedCorpora;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The arXiv metadata samples of the shared corpora: 200 Kaggle lines and 49 unarXive lines. */
class ArxivSharedCorporaTest {
    private static final Map<String, Integer> EXPECTED = Map.of(
            "kaggle-oai-snapshot-first200.jsonl", 200,
            "unarxive-2212-metadata-49.jsonl", 49);

    static CollectingSink read(Path file) throws IOException {
        try (Reader r = SourceFiles.open(file)) {
            CollectingSink sink = new CollectingSink();
            new ArxivJsonlReader().read(file.getFileName().toString(), r, sink);
            return sink;
        }
    }

    @Test
    void loadsEverySample() throws IOException {
        Path dir = SharedCorpora.require("arxiv-metadata");
        int total = 0;
        for (var e : new TreeMap<>(EXPECTED).entrySet()) {
            CollectingSink sink = read(dir.resolve(e.getKey()));
            Map<String, Long> reasons = sink.skips.stream().collect(Collectors.groupingBy(Skip::reason, TreeMap::new, Collectors.counting()));
            System.err.println("arxiv-metadata/" + e.getKey() + ": " + sink.papers.size() + " records, "
                    + sink.skips.size() + " skips " + reasons);
            sink.skips.forEach(s -> System.err.println("  " + s));
            assertEquals(e.getValue(), sink.papers.size(), e.getKey());
            assertTrue(sink.skips.isEmpty());
            Set<String> ids = new HashSet<>();
            int line = 0;
            for (Paper p : sink.papers) {
                assertEquals(++line, p.sources().get(0).startLine());
                assertEquals(SourceFormat.ARXIV_JSONL, p.sources().get(0).format());
                assertFalse(p.arxivId().isEmpty(), p.title());
                assertTrue(ids.add(p.arxivId()), "duplicate " + p.arxivId());
                assertEquals("https://arxiv.org/abs/" + p.arxivId(), p.url());
                assertFalse(p.title().isBlank());
                assertFalse(p.title().contains("\n") || p.title().contains("  "), p.title());
                assertFalse(p.abstractText().isBlank(), p.title());
                assertFalse(p.abstractText().contains("\n") || p.abstractText().contains("  "), p.title());
                assertFalse(p.authors().isEmpty(), p.title());
                assertTrue(p.date().matches("\\d{4}-\\d{2}-\\d{2}"), p.date());
                assertEquals(p.date().substring(0, 4), p.year());
                assertFalse(p.keywords().isEmpty());
                assertEquals(p.venue().isEmpty() ? "misc" : "article", p.entryType());
                assertEquals("", p.key());
                assertEquals("", p.id());
            }
            total += sink.papers.size();
        }
        System.err.println("arxiv-metadata: " + total + " records");
        assertEquals(249, total);
    }

    @Test
    void concreteRecords() throws IOException {
        Path dir = SharedCorpora.require("arxiv-metadata");
        List<Paper> kaggle = read(dir.resolve("kaggle-oai-snapshot-first200.jsonl")).papers;
        Paper first = kaggle.get(0);
        assertEquals("0704.0001", first.arxivId());
        assertEquals("Calculation of prompt diphoton production cross sections at Tevatron and LHC energies", first.title());
        assertEquals("2007-04-02", first.date());
        assertEquals("10.1103/PhysRevD.76.013009", first.doi());
        assertEquals("Phys.Rev.D76:013009,2007", first.venue());
        assertEquals("article", first.entryType());
        assertEquals(List.of("hep-ph"), first.keywords());
        assertEquals(List.of("Berger", "Nadolsky", "Yuan"), first.authors().subList(1, 4).stream().map(Author::family).toList());
        assertEquals("C. -P.", first.authors().get(3).given().replace("C.-P.", "C. -P."));
        assertTrue(first.abstractText().startsWith("A fully differential calculation in perturbative quantum chromodynamics is presented"));
        assertEquals("Pavel Nadolsky", first.raw().get("submitter"));
        assertTrue(kaggle.stream().flatMap(p -> p.authors().stream()).anyMatch(a -> a.suffix().equals("II")),
                "authors_parsed suffixes are kept");
        assertTrue(kaggle.stream().allMatch(p -> p.arxivId().startsWith("0704.")));

        List<Paper> unarxive = read(dir.resolve("unarxive-2212-metadata-49.jsonl")).papers;
        Paper zeros = unarxive.get(0);
        assertEquals("2212.11867", zeros.arxivId());
        assertEquals("Zeros of a growing number of derivatives of random polynomials with independent roots", zeros.title());
        assertEquals("2022-12-22", zeros.date());
        assertEquals(List.of("math.PR", "math.CA", "math.CV"), zeros.keywords());
        assertEquals("misc", zeros.entryType());
        assertEquals("http://creativecommons.org/licenses/by/4.0/", zeros.raw().get("license"));
    }

    @Test
    void filesAreDetectedAsArxivJsonl() throws IOException {
        Path dir = SharedCorpora.require("arxiv-metadata");
        for (String name : EXPECTED.keySet()) {
            assertEquals(Optional.of(SourceFormat.ARXIV_JSONL), SourceFiles.detect(dir.resolve(name)), name);
        }
        assertEquals(Optional.empty(), SourceFiles.detect(dir.resolve("README.txt")));
    }

    /**
     * Streams about 50,000 lines (the 249 sample lines over and over) through the reader without ever
     * materialising them, counting records: memory stays bounded and the rate is printed.
     */
    @Test
    void streamsManyLinesFast() throws IOException {
        Path dir = SharedCorpora.require("arxiv-metadata");
        String sample = Files.readString(dir.resolve("kaggle-oai-snapshot-first200.jsonl"))
                + Files.readString(dir.resolve("unarxive-2212-metadata-49.jsonl"));
        int linesPerCopy = (int) sample.lines().count();
        int copies = 200;
        AtomicLong records = new AtomicLong();
        AtomicLong skips = new AtomicLong();
        RecordSink counting = new RecordSink() {
            @Override
            public void accept(Paper paper) {
                records.incrementAndGet();
            }

            @Override
            public void skip(Skip skip) {
                skips.incrementAndGet();
            }
        };
        ArxivJsonlReader reader = new ArxivJsonlReader();
        reader.read("warmup", new RepeatingReader(sample, 20), counting);
        records.set(0);
        long t0 = System.nanoTime();
        reader.read("big.jsonl", new RepeatingReader(sample, copies), counting);
        double seconds = (System.nanoTime() - t0) / 1e9;
        long lines = (long) linesPerCopy * copies;
        System.err.printf("arxiv-jsonl: %d lines (%.0f MB) in %.2f s = %.0f lines/s%n", lines,
                sample.length() * (double) copies / 1e6, seconds, lines / seconds);
        assertEquals(lines, records.get());
        assertEquals(0, skips.get());
    }

    /** A reader that serves the same text {@code copies} times without holding more than one copy. */
    static final class RepeatingReader extends Reader {
        private final String text;
        private int remaining;
        private int pos;

        RepeatingReader(String text, int copies) {
            this.text = text;
            this.remaining = copies;
        }

        @Override
        public int read(char[] cbuf, int off, int len) {
            if (remaining == 0) {
                return -1;
            }
            int n = Math.min(len, text.length() - pos);
            text.getChars(pos, pos + n, cbuf, off);
            pos += n;
            if (pos == text.length()) {
                pos = 0;
                remaining--;
            }
            return n;
        }

        @Override
        public void close() {
        }
    }
}
