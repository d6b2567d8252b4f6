package dev.paperlink.corpus.source.bibtex;

import dev.paperlink.corpus.model.Paper;
import dev.paperlink.corpus.source.SourceFiles;
import dev.paperlink.corpus.testing.CollectingSink;
import dev.paperlink.corpus.testing.SharedCorpora;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every BibTeX file of the shared corpora loads without an exception; skips are few and printed. */
class BibtexSharedCorporaTest {

    private record Totals(int files, int records, int skips, CollectingSink last) {
    }

    private static Totals readAll(String corpus, List<Path> files) throws IOException {
        int records = 0;
        int skips = 0;
        CollectingSink sink = null;
        for (Path f : files) {
            sink = new CollectingSink();
            try (Reader r = SourceFiles.open(f)) {
                new BibtexReader().read(f.toString(), r, sink);
            }
            records += sink.papers.size();
            skips += sink.skips.size();
            sink.skips.forEach(s -> System.err.println("  skip " + s));
        }
        System.err.printf(Locale.ROOT, "[bibtex] %s: %d files, %d records, %d skips%n", corpus, files.size(), records, skips);
        return new Totals(files.size(), records, skips, sink);
    }

    private static List<Path> bibFiles(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> {
                        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                        return n.endsWith(".bib") || n.endsWith(".bibtex") || n.endsWith(".biblatex");
                    })
                    .sorted()
                    .toList();
        }
    }

    @Test
    void texliveBib() throws IOException {
        Totals t = readAll("texlive-bib", bibFiles(SharedCorpora.require("texlive-bib")));
        assertTrue(t.files() >= 200);
        assertTrue(t.records() > 19_000, "records " + t.records());
        // frankenstein.bib:441 has an annotation = "... {" + newline + "}" that never closes
        assertTrue(t.skips() <= 1, "skips " + t.skips());
    }

    @Test
    void zoteroFixtures() throws IOException {
        Totals t = readAll("zotero-bbt-fixtures", bibFiles(SharedCorpora.require("zotero-bbt-fixtures")));
        assertTrue(t.files() >= 500);
        assertTrue(t.records() > 17_000, "records " + t.records());
        // "Cache does not seem to fill #1296.bibtex" has 23 entries with "{{\&} Francis}" (one brace
        // never closed), "#873.bib" has "Thi\{'ebaux" (an escaped brace still counts in BibTeX)
        assertTrue(t.skips() <= 24, "skips " + t.skips());
    }

    @Test
    void cryptobibAbbrevHasOnlyMacros() throws IOException {
        Totals t = readAll("cryptobib-abbrev", bibFiles(SharedCorpora.require("cryptobib-abbrev")));
        assertEquals(0, t.records());
        assertEquals(0, t.skips());
    }

    @Test
    void snarkSurveyLoadsWithUndefinedMacros() throws IOException {
        Path dir = SharedCorpora.require("latex-papers/snark-survey");
        Totals t = readAll("snark-survey", bibFiles(dir));
        assertEquals(0, t.skips());
        assertTrue(t.records() > 50, "records " + t.records());
    }

    @Test
    void aclAnthology() throws IOException {
        Path file = SharedCorpora.require("acl-anthology").resolve("anthology+abstracts.bib.gz");
        long start = System.nanoTime();
        int[] counts = new int[3];
        CollectingSink.class.getName();
        var sink = new dev.paperlink.corpus.source.RecordSink() {
            @Override
            public void accept(Paper paper) {
                counts[0]++;
                if (paper.entryType().equals("proceedings")) {
                    counts[1]++;
                }
                if (paper.title().isEmpty() || paper.year().isEmpty()) {
                    counts[2]++;
                }
            }

            @Override
            public void skip(dev.paperlink.corpus.source.Skip skip) {
                System.err.println("  skip " + skip);
                counts[2] += 1000;
            }
        };
        try (Reader r = SourceFiles.open(file)) {
            new BibtexReader().read(file.toString(), r, sink);
        }
        double secs = (System.nanoTime() - start) / 1e9;
        System.err.printf(Locale.ROOT, "[bibtex] acl-anthology: %d records (%d proceedings) in %.2f s = %.0f records/s%n",
                counts[0], counts[1], secs, counts[0] / secs);
        assertEquals(73_446, counts[0]);
        assertEquals(2_025, counts[1]);
        assertEquals(0, counts[2], "skips (x1000) + records without title or year");
    }
}
