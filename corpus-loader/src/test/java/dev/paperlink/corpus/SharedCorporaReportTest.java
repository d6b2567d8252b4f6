package dev.paperlink.corpus;

import dev.paperlink.corpus.model.Paper;
import dev.paperlink.corpus.source.Readers;
import dev.paperlink.corpus.source.RecordSink;
import dev.paperlink.corpus.source.Skip;
import dev.paperlink.corpus.source.SourceFiles;
import dev.paperlink.corpus.testing.SharedCorpora;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * All of the shared corpora load: per corpus, how many records loaded and how many were skipped,
 * and why. The expected figures are the table of docs/formats.md; every skip there is explained.
 */
class SharedCorporaReportTest {

    /** corpus -> {files read, records loaded, records skipped}. */
    private static final Map<String, long[]> EXPECTED = Map.ofEntries(
            Map.entry("acl-anthology", new long[] {1, 73_446, 0}),
            Map.entry("arxiv-metadata", new long[] {2, 249, 0}),
            Map.entry("cryptobib-abbrev", new long[] {4, 0, 0}),
            Map.entry("csl-json", new long[] {916, 1_964, 4}),
            Map.entry("hf-daily-papers-json", new long[] {69, 676, 0}),
            Map.entry("latex-papers", new long[] {3, 86, 0}),
            Map.entry("seeds", new long[] {4, 253, 0}),
            Map.entry("texlive-bib", new long[] {219, 19_998, 1}),
            Map.entry("unarxive-sample", new long[] {1, 49, 0}),
            Map.entry("zotero-bbt-fixtures", new long[] {1_048, 24_875, 69}),
            Map.entry("zotero-sqlite", new long[] {8, 267, 0}));

    record Row(String corpus, long files, long records, long skipped, Map<String, Long> reasons, List<Skip> skips) {
    }

    @Test
    void everySharedCorpusLoadsAndEverySkipIsAccountedFor() throws IOException {
        Path root = SharedCorpora.require("");
        List<Row> rows = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                rows.add(load(dir));
            }
        }
        System.err.printf("%-22s %6s %8s %8s  %s%n", "corpus", "files", "records", "skipped", "skip reasons");
        for (Row r : rows) {
            System.err.printf("%-22s %6d %8d %8d  %s%n", r.corpus(), r.files(), r.records(), r.skipped(), r.reasons());
            r.skips().forEach(s -> System.err.println("    " + s));
        }
        for (Row r : rows) {
            long[] expected = EXPECTED.get(r.corpus());
            if (expected == null) {
                System.err.println("!!! corpus " + r.corpus() + " has no expected figures yet");
                continue;
            }
            assertEquals(List.of(expected[0], expected[1], expected[2]), List.of(r.files(), r.records(), r.skipped()),
                    r.corpus() + ": files, records, skipped");
            assertEquals(0L, r.reasons().getOrDefault("reader error", 0L), r.corpus() + ": a reader failed");
        }
    }

    private static Row load(Path dir) throws IOException {
        List<Path> unrecognised = new ArrayList<>();
        var files = SourceFiles.discover(List.of(dir), unrecognised);
        long[] records = {0};
        List<Skip> skips = new ArrayList<>();
        RecordSink sink = new RecordSink() {
            @Override
            public void accept(Paper paper) {
                records[0]++;
            }

            @Override
            public void skip(Skip skip) {
                skips.add(skip);
            }
        };
        for (var f : files) {
            if (Readers.isItemSource(f.format())) { // a database: read item by item
                try (var items = Readers.openItems(f, f.path().toString(), dev.paperlink.corpus.source.ReaderOptions.DEFAULT)) {
                    items.notes().forEach(sink::skip);
                    items.read(id -> true, sink);
                } catch (dev.paperlink.corpus.source.ItemSource.Unreadable e) {
                    sink.skip(e.skip());
                }
                continue;
            }
            try (Reader r = SourceFiles.open(f.path())) {
                Readers.forFormat(f.format()).read(f.path().toString(), r, sink);
            } catch (RuntimeException e) {
                skips.add(new Skip(f.path().toString(), 1, "reader error", e.toString()));
            }
        }
        Map<String, Long> reasons = skips.stream().collect(Collectors.groupingBy(Skip::reason, TreeMap::new, Collectors.counting()));
        return new Row(dir.getFileName().toString(), files.size(), records[0], skips.size(), reasons,
                skips.stream().limit(10).toList());
    }
}
