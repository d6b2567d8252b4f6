package dev.paperlink.corpus.contract;

import dev.paperlink.corpus.Corpus;
import dev.paperlink.corpus.IndexListener;
import dev.paperlink.corpus.IndexReport;
import dev.paperlink.corpus.model.Hit;
import dev.paperlink.corpus.model.Paper;
import dev.paperlink.corpus.model.SourceFormat;
import dev.paperlink.corpus.model.SourceSpan;
import dev.paperlink.corpus.source.SourceFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every backend of {@link Corpus} answers alike, on the bundled demo corpus: one suite, run
 * against the embedded index (corpus-loader's {@code EmbeddedCorpusContractTest}) and against a
 * real SolrCloud cluster (solr-tests' {@code SolrCorpusContractTest}). It names no backend class:
 * the Solr module runs it on a classpath without Lucene 10.
 */
public abstract class CorpusContract {
    @TempDir
    protected Path tmp;
    protected Corpus corpus;
    protected Path demo;

    /** An empty corpus of the backend under test. */
    protected abstract Corpus emptyCorpus(Path tmp) throws IOException;

    @BeforeEach
    void openEmpty() throws IOException {
        demo = copyDemo(tmp.resolve("corpus"));
        corpus = emptyCorpus(tmp);
    }

    @AfterEach
    void closeCorpus() throws IOException {
        if (corpus != null) {
            corpus.close();
        }
    }

    protected IndexReport index(Path... roots) throws IOException {
        return corpus.index(List.of(roots), IndexListener.NONE);
    }

    public static Path demoDir() {
        Path p = Path.of("..", "demo");
        if (!Files.isDirectory(p)) {
            p = Path.of("demo");
        }
        return p.toAbsolutePath().normalize();
    }

    static Path copyDemo(Path target) throws IOException {
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(demoDir())) {
            for (Path f : files.toList()) {
                Files.copy(f, target.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return target;
    }

    protected static String first(List<Hit> hits) {
        return hits.isEmpty() ? "(none)" : hits.get(0).paper().key();
    }

    @Test
    void recordsOfOnePaperMergeWithStableIdsAndKeys() throws IOException {
        IndexReport report = index(demo);
        assertEquals(List.of(), report.skips());
        assertEquals(12, report.recordsRead());
        assertEquals(2, report.recordsMerged(), "the two arXiv records of bib papers merge with them");
        assertEquals(10, report.papers());

        Paper attention = corpus.byKey("vaswani2017attention").orElseThrow();
        assertEquals(List.of(SourceFormat.BIBTEX, SourceFormat.ARXIV_JSONL), attention.sources().stream().map(SourceSpan::format).toList());
        assertEquals("arxiv:1706.03762", attention.id());
        assertEquals("1706.03762", attention.arxivId());
        assertTrue(attention.sources().get(0).file().endsWith("library.bib"));
        assertEquals(4, attention.sources().get(0).startLine());
        assertEquals("Language Models are Few-Shot Learners", corpus.byKey("brown2020language").orElseThrow().title(),
                "an arXiv record without a key gets the generated key");
        assertEquals(131L, corpus.byKey("touvron2023llama").orElseThrow().popularity());
        assertEquals("shannon1948", corpus.byKey("SHANNON1948").orElseThrow().key(), "byKey falls back to any case");
        assertTrue(corpus.byKey("nosuchkey2099").isEmpty());
    }

    @Test
    void completionTiers() throws IOException {
        index(demo);
        assertEquals("he2016deep", first(corpus.completeKey("he", 10)));
        assertEquals(Hit.Match.KEY_PREFIX, corpus.completeKey("vas", 10).get(0).match());
        assertEquals("vaswani2017attention", first(corpus.completeKey("vasw", 10)));
        assertEquals(Hit.Match.EXACT_KEY, corpus.completeKey("he2016deep", 10).get(0).match());
        assertEquals(List.of(), corpus.completeKey("zzzz", 10));

        List<Hit> title = corpus.completeTitle("attention is al", 10);
        assertEquals("vaswani2017attention", first(title));
        assertEquals(Hit.Match.TITLE_PREFIX, title.get(0).match());
        assertEquals("he2016deep", first(corpus.completeTitle("residual learning", 10)));
        assertEquals(Hit.Match.WORDS, corpus.completeTitle("residual learning", 10).get(0).match());
    }

    @Test
    void typosAreForgiven() throws IOException {
        index(demo);
        assertEquals("vaswani2017attention", first(corpus.completeTitle("atention is all", 10)), "one typo");
        assertEquals("he2016deep", first(corpus.completeTitle("deep residaul", 10)), "a transposition in the word being typed");
    }

    @Test
    void authorAndYear() throws IOException {
        index(demo);
        assertEquals("vaswani2017attention", first(corpus.completeTitle("vaswani 2017", 10)));
        assertEquals("devlin2019bert", first(corpus.completeTitle("devlin", 10)));
        assertTrue(corpus.completeTitle("vaswani 2016", 10).stream().noneMatch(h -> h.paper().key().equals("vaswani2017attention")),
                "a year typed is the year");
    }

    @Test
    void searchAndRelated() throws IOException {
        index(demo);
        assertEquals("devlin2019bert", first(corpus.search("bidirectional transformers language understanding", 5)));
        assertEquals("shannon1948", first(corpus.related(
                "We measure the information of a message by its entropy and ask how much can cross a noisy channel.", 5)));
        Paper shannon = corpus.byKey("shannon1948").orElseThrow();
        Map<String, Float> scores = corpus.relatedScores(
                dev.paperlink.corpus.model.Passage.of("entropy of a noisy channel"), List.of(shannon.id(), "no-such-id"));
        assertEquals(List.of(shannon.id()), List.copyOf(scores.keySet()));
        assertTrue(scores.get(shannon.id()) > 0);
    }

    /**
     * A keystroke's questions with the sentence announced ({@code expectScores}: a remote backend then
     * brings the scores with the candidates, and sends the title question beside the key question)
     * answer exactly as without: the same keys, the same titles at every room the keys leave, the same
     * scores. Typed texts from a seeded generator over the demo's keys, titles and authors.
     */
    @Test
    void announcedSentenceChangesNoAnswer() throws IOException {
        index(demo);
        java.util.Random random = new java.util.Random(16);
        List<Paper> papers = corpus.sample(20, 7);
        dev.paperlink.corpus.model.Passage sentence = new dev.paperlink.corpus.model.Passage(
                "attention and residual networks for language understanding", "a mathematical theory of communication");
        for (int i = 0; i < 30; i++) {
            Paper p = papers.get(random.nextInt(papers.size()));
            String source = switch (i % 3) {
                case 0 -> p.key();
                case 1 -> p.title();
                default -> p.authors().isEmpty() ? p.key() : p.authors().get(0).family();
            };
            String typed = source.substring(0, Math.min(source.length(), 1 + random.nextInt(6)));
            int limit = 1 + random.nextInt(8);
            int titleRoom = 1 + random.nextInt(limit);

            corpus.expectScores(dev.paperlink.corpus.model.Passage.of(""));
            List<Hit> keys = corpus.completeKey(typed, limit);
            List<Hit> titles = corpus.completeTitle(typed, titleRoom);
            List<String> ids = Stream.concat(keys.stream(), titles.stream()).map(h -> h.paper().id()).distinct().toList();
            Map<String, Float> scores = corpus.relatedScores(sentence, ids);

            corpus.expectScores(sentence);
            assertEquals(keysOf(keys), keysOf(corpus.completeKey(typed, limit)), "keys of '" + typed + "'");
            assertEquals(keysOf(titles), keysOf(corpus.completeTitle(typed, titleRoom)), "titles of '" + typed + "' in " + titleRoom);
            Map<String, Float> announced = corpus.relatedScores(sentence, ids);
            assertEquals(new TreeMap<>(scores).keySet(), new TreeMap<>(announced).keySet(), "papers scored for '" + typed + "'");
            scores.forEach((id, s) -> assertEquals(s, announced.get(id), 1e-3f * s, id));
        }
        corpus.expectScores(dev.paperlink.corpus.model.Passage.of(""));
    }

    private static List<String> keysOf(List<Hit> hits) {
        return hits.stream().map(h -> h.paper().key() + "/" + h.match()).toList();
    }

    @Test
    void onlyChangedFilesAreReadAgain() throws IOException {
        assertEquals(4, index(demo).sourcesRead());
        IndexReport again = index(demo);
        assertEquals(0, again.sourcesRead());
        assertEquals(4, again.sourcesUnchanged());
        assertEquals(10, again.papers());

        // touched but not changed: the hash says so, nothing is read
        Files.setLastModifiedTime(demo.resolve("library.bib"), FileTime.fromMillis(System.currentTimeMillis() + 5000));
        assertEquals(0, index(demo).sourcesRead());

        Path csl = demo.resolve("reading-list.csl.json");
        Files.writeString(csl, Files.readString(csl).replace("A Mathematical Theory of Communication",
                "A Mathematical Theory of Communication, revised"));
        IndexReport changed = index(demo);
        assertEquals(1, changed.sourcesRead());
        assertEquals(2, changed.recordsRead());
        assertEquals(10, changed.papers());
        assertEquals("A Mathematical Theory of Communication, revised", corpus.byKey("shannon1948").orElseThrow().title());
        assertEquals("shannon1948", first(corpus.completeTitle("mathematical theory of communication rev", 5)));
        assertTrue(corpus.indexedSource(csl).isPresent());
        assertEquals(2, corpus.indexedSource(csl).orElseThrow().records());
    }

    @Test
    void vanishedSourcesAreDeleted() throws IOException {
        index(demo);
        Files.delete(demo.resolve("arxiv-sample.jsonl"));
        IndexReport deleted = index(demo);
        assertEquals(1, deleted.sourcesRemoved());
        assertEquals(1, deleted.papersRemoved(), "brown2020language had no other record");
        assertEquals(2, deleted.papersKept(), "the Transformer and another paper keep their BibTeX records");
        assertEquals(9, deleted.papers());
        assertTrue(corpus.byKey("brown2020language").isEmpty());
        assertTrue(corpus.completeKey("brown2020", 5).isEmpty());
        assertEquals(1, corpus.byKey("vaswani2017attention").orElseThrow().sources().size());
        assertTrue(corpus.indexedSource(demo.resolve("arxiv-sample.jsonl")).isEmpty());

        IndexReport removed = corpus.remove(List.of(demo.resolve("library.bib")), IndexListener.NONE);
        assertEquals(List.of(SourceFiles.name(demo.resolve("library.bib"))), removed.removedFiles());
        assertTrue(corpus.byKey("vaswani2017attention").isEmpty());
        assertTrue(corpus.byKey("shannon1948").isPresent(), "other sources are kept");
    }

    @Test
    void addKeepsOtherSourcesAndStatsCountThem() throws IOException {
        corpus.add(List.of(demo.resolve("library.bib")), IndexListener.NONE);
        corpus.add(List.of(demo.resolve("reading-list.csl.json")), IndexListener.NONE);
        assertTrue(corpus.byKey("vaswani2017attention").isPresent());
        assertTrue(corpus.byKey("shannon1948").isPresent());
        var stats = corpus.stats();
        assertEquals(2, stats.sources().size());
        assertEquals(8, stats.papers(), "the papers of the bib file and of the CSL list");
        List<Paper> sample = corpus.sample(3, 7);
        assertEquals(3, sample.size());
        for (int i = 0; i < 10; i++) { // (a backend with replicas: whichever answers)
            assertEquals(sample, corpus.sample(3, 7), "the same seed gives the same papers");
        }
        Map<String, String> keys = new TreeMap<>();
        corpus.sample(100, 1).forEach(p -> keys.put(p.title(), p.key()));
        assertEquals("vaswani2017attention", keys.get("Attention Is All You Need"));
    }

    @Test
    void withinFilesAnswersFromThoseFilesOnly() throws IOException {
        index(demo);
        var bib = corpus.within(List.of(demo.resolve("library.bib")));
        assertTrue(bib.byKey("vaswani2017attention").isPresent());
        assertTrue(bib.byKey("brown2020language").isEmpty(), "a paper of another file only");
        assertEquals("vaswani2017attention", first(bib.completeKey("vasw", 5)));
        assertEquals("vaswani2017attention", first(bib.completeTitle("attention is al", 5)));
    }
}
