package dev.paperlink.corpus.index;

import dev.paperlink.corpus.Corpus;
import dev.paperlink.corpus.IndexListener;
import dev.paperlink.corpus.IndexReport;
import dev.paperlink.corpus.model.Hit;
import dev.paperlink.corpus.model.Paper;
import dev.paperlink.corpus.model.SourceFormat;
import dev.paperlink.corpus.model.SourceSpan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Indexing the demo corpus end to end: merging, keys, incremental runs, crash safety, schema. */
class CorpusIndexTest {

    @TempDir
    Path tmp;

    private IndexReport index(Corpus corpus, Path... roots) throws IOException {
        return corpus.index(List.of(roots), IndexListener.NONE);
    }

    @Test
    void demoCorpusLoadsAndMergesOnePaperFromSeveralSources() throws IOException {
        try (Corpus corpus = Corpus.open(tmp.resolve("index"))) {
            IndexReport report = index(corpus, DemoCorpus.dir());
            assertEquals(List.of(), report.skips());
            assertEquals(12, report.recordsRead());
            assertEquals(10, report.papers(), "the two arXiv records of bib papers merge with them");

            Paper attention = corpus.byKey("vaswani2017attention").orElseThrow();
            assertEquals(List.of(SourceFormat.BIBTEX, SourceFormat.ARXIV_JSONL),
                    attention.sources().stream().map(SourceSpan::format).toList());
            assertEquals("1706.03762", attention.arxivId());
            assertEquals("arxiv:1706.03762", attention.id());
            assertTrue(attention.sources().get(0).file().endsWith("library.bib"));
            assertEquals(4, attention.sources().get(0).startLine());

            assertEquals("Language Models are Few-Shot Learners", corpus.byKey("brown2020language").orElseThrow().title());
            assertEquals(131L, corpus.byKey("touvron2023llama").orElseThrow().popularity());
            assertEquals("shannon1948", corpus.byKey("SHANNON1948").orElseThrow().key(), "byKey falls back to any case");
        }
    }

    @Test
    void completionAndSearchRankAsDocumented() throws IOException {
        try (Corpus corpus = Corpus.open(tmp.resolve("index"))) {
            index(corpus, DemoCorpus.dir());
            assertEquals("he2016deep", first(corpus.completeKey("he", 10)));
            assertEquals(Hit.Match.KEY_PREFIX, corpus.completeKey("vas", 10).get(0).match());
            assertEquals(Hit.Match.EXACT_KEY, corpus.completeKey("he2016deep", 10).get(0).match());

            assertEquals("vaswani2017attention", first(corpus.completeTitle("attention is al", 10)));
            assertEquals(Hit.Match.TITLE_PREFIX, corpus.completeTitle("attention is al", 10).get(0).match());
            assertEquals("vaswani2017attention", first(corpus.completeTitle("atention is all", 10)), "one typo is forgiven");
            assertEquals("he2016deep", first(corpus.completeTitle("residual learning", 10)));
            assertEquals("vaswani2017attention", first(corpus.completeTitle("vaswani 2017", 10)));
            assertEquals("devlin2019bert", first(corpus.completeTitle("devlin", 10)));

            assertEquals("devlin2019bert", first(corpus.search("bidirectional transformers language understanding", 5)));
            assertEquals("shannon1948", first(corpus.related(
                    "We measure the information of a message by its entropy and ask how much can cross a noisy channel.", 5)));
        }
    }

    @Test
    void keysAreTheSameOnEveryReindexOfTheSameInput() throws IOException {
        Map<String, String> first = keysByTitle(tmp.resolve("a"));
        Map<String, String> second = keysByTitle(tmp.resolve("b"));
        assertEquals(first, second);
    }

    private Map<String, String> keysByTitle(Path dir) throws IOException {
        try (Corpus corpus = Corpus.open(dir)) {
            index(corpus, DemoCorpus.dir());
            Map<String, String> keys = new TreeMap<>();
            corpus.sample(200, 1).forEach(p -> keys.put(p.title(), p.key()));
            return keys;
        }
    }

    @Test
    void onlyChangedFilesAreReadAgainAndDeletedFilesDisappear() throws IOException {
        Path corpusDir = DemoCorpus.copyTo(tmp.resolve("corpus"));
        try (Corpus corpus = Corpus.open(tmp.resolve("index"))) {
            assertEquals(4, index(corpus, corpusDir).sourcesRead());

            IndexReport again = index(corpus, corpusDir);
            assertEquals(0, again.sourcesRead());
            assertEquals(4, again.sourcesUnchanged());
            assertEquals(10, again.papers());

            // touched but not changed: the hash says so, nothing is read
            Files.setLastModifiedTime(corpusDir.resolve("library.bib"), FileTime.fromMillis(System.currentTimeMillis() + 5000));
            assertEquals(0, index(corpus, corpusDir).sourcesRead());

            // changed: only that file is read again, and its new content replaces the old
            Path csl = corpusDir.resolve("reading-list.csl.json");
            Files.writeString(csl, Files.readString(csl).replace("A Mathematical Theory of Communication", "A Mathematical Theory of Communication, revised"));
            IndexReport changed = index(corpus, corpusDir);
            assertEquals(1, changed.sourcesRead());
            assertEquals(2, changed.recordsRead());
            assertEquals("A Mathematical Theory of Communication, revised", corpus.byKey("shannon1948").orElseThrow().title());
            assertEquals(10, changed.papers());

            // deleted: its records go; a paper that has records elsewhere keeps those
            Files.delete(corpusDir.resolve("arxiv-sample.jsonl"));
            IndexReport deleted = index(corpus, corpusDir);
            assertEquals(1, deleted.sourcesRemoved());
            assertTrue(corpus.byKey("brown2020language").isEmpty());
            Paper attention = corpus.byKey("vaswani2017attention").orElseThrow();
            assertEquals(1, attention.sources().size());
            assertEquals(9, deleted.papers());
        }
    }

    @Test
    void aRunThatDiesHalfWayLeavesTheLastCommitIntact() throws IOException {
        Path corpusDir = DemoCorpus.copyTo(tmp.resolve("corpus"));
        Path indexDir = tmp.resolve("index");
        try (Corpus corpus = Corpus.open(indexDir)) {
            index(corpus, corpusDir.resolve("library.bib"));
        }
        try (Corpus corpus = Corpus.open(indexDir)) {
            IndexListener dying = new IndexListener() {
                @Override
                public void sourceStarted(String file, String format, int index, int total) {
                    if (index == 3) {
                        throw new IllegalStateException("simulated crash");
                    }
                }
            };
            assertThrows(IllegalStateException.class, () -> corpus.index(List.of(corpusDir), dying));
            // the searcher still answers from the last commit
            assertTrue(corpus.byKey("he2016deep").isPresent());
        }
        try (Corpus corpus = Corpus.openReadOnly(indexDir)) {
            assertEquals(6, corpus.stats().papers());
            assertFalse(corpus.byKey("shannon1948").isPresent());
        }
        try (Corpus corpus = Corpus.open(indexDir)) {
            IndexReport resumed = index(corpus, corpusDir);
            assertEquals(10, resumed.papers());
            assertEquals(3, resumed.sourcesRead(), "the files that were not committed are read");
        }
    }

    @Test
    void anIndexOfAnotherSchemaIsRebuilt() throws IOException {
        Path indexDir = tmp.resolve("index");
        try (Corpus corpus = Corpus.open(indexDir)) {
            index(corpus, DemoCorpus.dir());
        }
        try (var dir = org.apache.lucene.store.FSDirectory.open(indexDir);
             var writer = new org.apache.lucene.index.IndexWriter(dir, new org.apache.lucene.index.IndexWriterConfig())) {
            writer.setLiveCommitData(Map.of("paperlink.schema", "0").entrySet());
            writer.commit();
        }
        IOException e = assertThrows(IOException.class, () -> Corpus.openReadOnly(indexDir));
        assertTrue(e.getMessage().contains("another version"), e.getMessage());
        try (Corpus corpus = Corpus.open(indexDir)) {
            assertEquals(0, corpus.stats().papers(), "rebuilt empty");
            assertEquals(4, index(corpus, DemoCorpus.dir()).sourcesRead());
        }
    }

    private static String first(List<Hit> hits) {
        assertFalse(hits.isEmpty(), "no hits");
        return hits.get(0).paper().key();
    }
}
