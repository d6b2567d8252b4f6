package dev.paperlink.corpus.index;

import dev.paperlink.corpus.Corpus;
import dev.paperlink.corpus.IndexListener;
import dev.paperlink.corpus.IndexedSource;
import dev.paperlink.corpus.PaperQueries;
import dev.paperlink.corpus.model.Paper;
import dev.paperlink.corpus.model.Hit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a language server asks of the index about a document's own bibliography: the papers of
 * some files only, under those files' keys; what the last commit holds of a file (with its
 * skips); and early publishes while a new file is read.
 */
class ScopedIndexTest {
    @TempDir
    Path tmp;

    @Test
    void papersOfSomeFilesOnlyUnderTheirKeys() throws IOException {
        Path mine = tmp.resolve("mine.bib");
        Path theirs = tmp.resolve("theirs.bib");
        Files.writeString(mine, """
                @article{attention, title = {Attention Is All You Need}, doi = {10.5555/3295222.3295349}, year = {2017}}
                @book{knuth1984, title = {Literate Programming}, year = {1984}}
                """);
        Files.writeString(theirs, """
                @inproceedings{vaswani2017attention, title = {Attention Is All You Need}, doi = {10.5555/3295222.3295349},
                  abstract = {The dominant sequence transduction models}, year = {2017}}
                @misc{other2020, title = {Another Attention Paper}, year = {2020}}
                """);
        try (Corpus corpus = Corpus.open(tmp.resolve("index"))) {
            corpus.index(List.of(mine, theirs), IndexListener.NONE);
            PaperQueries own = corpus.within(List.of(mine));
            // the merged paper under my key, with what the other file knows of it
            assertEquals("The dominant sequence transduction models", own.byKey("attention").orElseThrow().abstractText());
            assertEquals("attention", own.byKey("ATTENTION").orElseThrow().key());
            assertTrue(own.byKey("vaswani2017attention").isEmpty(), "a key of another file is not this bibliography's");
            assertTrue(own.byKey("other2020").isEmpty());
            assertEquals(List.of("attention"), keys(own.completeKey("att", 10)));
            assertEquals(List.of("attention"), keys(own.completeTitle("attention is", 10)));
            assertEquals(List.of("attention", "knuth1984"), keys(own.completeKey("", 10)), "an empty prefix: every paper, newest first");
            assertEquals(List.of("other2020", "vaswani2017attention"), keys(corpus.within(List.of(theirs)).completeKey("", 10)));
            assertEquals(List.of(), keys(corpus.within(List.of(tmp.resolve("none.bib"))).completeKey("", 10)));
        }
    }

    @Test
    void aBibliographyShowsItsOwnEntryOfAPaperTheCorpusHasToo() throws IOException {
        Path mine = tmp.resolve("mine.bib");
        Path corpusFile = tmp.resolve("corpus.bib");
        Files.writeString(corpusFile, "@inproceedings{he2016deep, title = {Deep Residual Learning for Image Recognition}, year = {2016},"
                + " booktitle = {CVPR}, abstract = {Residual networks learn residual functions.}}\n");
        Files.writeString(mine, "@inproceedings{he2016deep, title = {Deep Residual Learning for Image Recognition}, year = {2016},"
                + " booktitle = {Conference on Computer Vision}, abstract = {Deeper neural networks are more difficult to train.}}\n");
        try (Corpus corpus = Corpus.open(tmp.resolve("index"))) {
            corpus.index(List.of(corpusFile, mine), IndexListener.NONE);
            assertEquals(1, corpus.stats().papers(), "one paper");
            PaperQueries own = corpus.within(List.of(mine));
            for (Paper p : List.of(own.byKey("he2016deep").orElseThrow(), own.completeKey("he2016", 1).get(0).paper(),
                    own.completeTitle("deep residual", 1).get(0).paper())) {
                assertEquals("Deeper neural networks are more difficult to train.", p.abstractText(), "my entry's fields win in my bibliography");
                assertEquals("Conference on Computer Vision", p.venue());
            }
            assertEquals("Residual networks learn residual functions.", corpus.byKey("he2016deep").orElseThrow().abstractText(),
                    "the corpus as a whole: its own order");
        }
    }

    @Test
    void theLastCommitSaysWhatItHoldsOfAFileWithItsSkips() throws IOException {
        Path bib = tmp.resolve("refs.bib");
        Files.writeString(bib, """
                @misc{ok, title = {Fine}}
                @misc{bad, title {x}}
                @misc{ok2, title = {Fine too}}
                """);
        try (Corpus corpus = Corpus.open(tmp.resolve("index"))) {
            assertTrue(corpus.indexedSource(bib).isEmpty());
            long before = corpus.generation();
            corpus.index(List.of(bib), IndexListener.NONE);
            assertTrue(corpus.generation() > before, "a publish moves the generation on");
        }
        try (Corpus corpus = Corpus.openReadOnly(tmp.resolve("index"))) {
            IndexedSource s = corpus.indexedSource(bib).orElseThrow();
            assertEquals(2, s.records());
            assertEquals(Files.size(bib), s.size());
            assertTrue(s.sameStat(Files.size(bib), Files.getLastModifiedTime(bib).toMillis()));
            assertEquals(1, s.skips().size());
            assertEquals(2, s.skips().get(0).line());
            assertEquals("expected '=' after field 'title' in entry 'bad', found '{'", s.skips().get(0).message());
        }
    }

    /** In a language server: a CLI run commits a new file only once it is read whole. */
    @Test
    void aNewFileIsPublishedWhileItIsRead() throws IOException {
        Path bib = tmp.resolve("big.bib");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 60_000; i++) {
            sb.append("@misc{k").append(i).append(", title = {Paper ").append(i).append(" on things}, year = {2001}}\n");
        }
        Files.writeString(bib, sb);
        List<Integer> seen = new ArrayList<>();
        try (Corpus cli = Corpus.open(tmp.resolve("cli-index"))) {
            List<Integer> publishes = new ArrayList<>();
            cli.index(List.of(bib), new IndexListener() {
                @Override
                public void published() {
                    publishes.add(1);
                }
            });
            assertEquals(List.of(1), publishes, "paperlink index commits a file once it is read whole");
        }
        try (Corpus corpus = Corpus.openForServer(tmp.resolve("index"), 32L << 20)) {
            corpus.index(List.of(bib), new IndexListener() {
                @Override
                public void published() {
                    seen.add(corpus.within(List.of(bib)).completeKey("k1", 100_000).size());
                }
            });
            assertTrue(seen.size() >= 2, "early publishes before the last: " + seen);
            assertTrue(seen.get(0) < seen.get(seen.size() - 1), "the first publish holds part of the file: " + seen);
            assertTrue(corpus.indexedSource(bib).isPresent());
            // the same file changed: no early publish (the old version stays whole until the end)
            Files.writeString(bib, sb.toString() + "@misc{last, title = {Last}}\n");
            seen.clear();
            corpus.index(List.of(bib), new IndexListener() {
                @Override
                public void published() {
                    seen.add(1);
                }
            });
            assertEquals(List.of(1), seen, "one publish, at the end");
        }
    }

    private static List<String> keys(List<Hit> hits) {
        return hits.stream().map(h -> h.paper().key()).toList();
    }
}
