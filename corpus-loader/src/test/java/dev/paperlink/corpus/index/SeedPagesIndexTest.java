package dev.paperlink.corpus.index;

import dev.paperlink.corpus.Corpus;
import dev.paperlink.corpus.IndexListener;
import dev.paperlink.corpus.IndexReport;
import dev.paperlink.corpus.model.Hit;
import dev.paperlink.corpus.model.SourceFormat;
import dev.paperlink.corpus.source.Identifiers;
import dev.paperlink.corpus.source.Readers;
import dev.paperlink.corpus.source.SourceFiles;
import dev.paperlink.corpus.testing.CollectingSink;
import dev.paperlink.corpus.testing.SharedCorpora;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The four Hugging Face pages this project was created from: every distinct paper exactly once. */
class SeedPagesIndexTest {
    @TempDir
    Path tmp;

    @Test
    void everyDistinctPaperOfTheFourPagesIsIndexedExactlyOnce() throws IOException {
        Path seeds = SharedCorpora.require("seeds");
        Set<String> distinctTitles = new HashSet<>();
        int records = 0;
        try (Stream<Path> files = Files.list(seeds)) {
            for (Path f : files.sorted().toList()) {
                CollectingSink sink = new CollectingSink();
                try (Reader r = SourceFiles.open(f)) {
                    Readers.forFormat(SourceFormat.HF_PAGE_TEXT).read(f.toString(), r, sink);
                }
                records += sink.papers.size();
                sink.papers.forEach(p -> distinctTitles.add(Identifiers.normalizedTitle(p.title())));
            }
        }
        try (Corpus corpus = Corpus.open(tmp.resolve("index"))) {
            IndexReport report = corpus.index(List.of(seeds), IndexListener.NONE);
            System.err.printf("seeds: %d records, %d distinct titles, %d papers%n", records, distinctTitles.size(), report.papers());
            assertEquals(records, report.recordsRead());
            assertEquals(List.of(), report.skips());
            assertEquals(distinctTitles.size(), report.papers(), "one paper per distinct title");
            assertTrue(report.papers() < records, "the pages repeat papers");
            // no two papers share a title
            Set<String> seen = new HashSet<>();
            for (var p : corpus.sample(10 * records, 7)) {
                seen.add(p.id());
            }
            assertEquals(report.papers(), seen.size());

            List<Hit> hits = corpus.search("task-aware curriculum instruction distillation", 5);
            assertTrue(hits.get(0).paper().title().startsWith("Distilling Instruction-following Abilities"), hits.get(0).paper().title());
            assertTrue(hits.get(0).paper().abstractText().contains("TAPIR"));
        }
    }
}
