package dev.paperlink.corpus.index;

import dev.paperlink.corpus.Corpus;
import dev.paperlink.corpus.IndexListener;
import dev.paperlink.corpus.model.Paper;
import dev.paperlink.corpus.source.Identifiers;
import dev.paperlink.corpus.source.SourceFiles;
import dev.paperlink.corpus.source.bibtex.BibtexReader;
import dev.paperlink.corpus.testing.CollectingSink;
import dev.paperlink.corpus.testing.SharedCorpora;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 11, on the real ACM-CR collection (113k ACM Digital Library records whose keys are their
 * DOIs, most without a doi field): a DOI key is the record's DOI, two records whose DOIs differ
 * are never one paper, and generic titles (the eight "In This Issue: Introduction" editorials)
 * never merge on title alone.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class AcmCrCollectionTest {
    @TempDir
    Path tmp;

    @Test
    void doiKeysAreDoisAndDifferentDoisAreNeverOnePaper() throws IOException {
        Path acm = SharedCorpora.require("acm-cr-dev").resolve("acm-dl");
        List<Path> files;
        try (Stream<Path> s = Files.walk(acm)) {
            files = s.filter(p -> p.toString().endsWith(".bib.gz")).sorted().toList();
        }
        CollectingSink records = new CollectingSink();
        for (Path f : files) {
            try (Reader r = SourceFiles.open(f)) {
                new BibtexReader().read(f.toString(), r, records);
            }
        }
        assertTrue(records.papers.size() > 100_000, records.papers.size() + " records");

        try (Corpus corpus = Corpus.open(tmp.resolve("index"))) {
            corpus.index(List.of(acm), IndexListener.NONE);
            int withDoiKey = 0;
            Map<String, Set<String>> editorials = new HashMap<>();
            for (Paper record : records.papers) {
                String keyDoi = Identifiers.doi(record.key());
                if (keyDoi.isEmpty()) {
                    continue;
                }
                withDoiKey++;
                assertTrue(!record.doi().isEmpty(), record.key() + ": the key is the DOI when there is no doi field");
                Paper paper = corpus.byKey(record.key()).orElseThrow(() -> new AssertionError("not found: " + record.key()));
                assertEquals(record.doi(), paper.doi(), // (a doi field wins over the key: a few differ)
                        () -> record.key() + " is one paper with its own DOI, not merged into " + paper.key());
                if (Identifiers.normalizedTitle(record.title()).equals("in this issue introduction")) {
                    editorials.computeIfAbsent(paper.id(), k -> new HashSet<>()).add(keyDoi);
                }
            }
            assertTrue(withDoiKey > 100_000, withDoiKey + " records with a DOI key");
            assertTrue(editorials.size() >= 8, "the editorials are papers of their own: " + editorials);
            editorials.values().forEach(dois -> assertEquals(1, dois.size(), "one DOI per paper: " + dois));
        }
    }
}
