package dev.paperlink.corpus.source.hf;

import dev.paperlink.corpus.model.Author;
import dev.paperlink.corpus.model.Paper;
import dev.paperlink.corpus.model.SourceFormat;
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
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scraped daily-papers JSON of the shared corpora: 69 files, 676 records, 516 distinct arXiv ids. */
class HfJsonSharedCorporaTest {

    static List<Path> files() throws IOException {
        Path dir = SharedCorpora.require("hf-daily-papers-json");
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    static CollectingSink read(Path file) throws IOException {
        try (Reader r = SourceFiles.open(file)) {
            CollectingSink sink = new CollectingSink();
            new HfJsonReader().read(file.getFileName().toString(), r, sink);
            return sink;
        }
    }

    @Test
    void loadsEveryFile() throws IOException {
        List<Path> files = files();
        assertEquals(69, files.size());
        int records = 0;
        Set<String> ids = new HashSet<>();
        Map<String, Long> reasons = new TreeMap<>();
        for (Path f : files) {
            CollectingSink sink = read(f);
            System.err.println("hf-daily-papers-json/" + f.getFileName() + ": " + sink.papers.size() + " records, "
                    + sink.skips.size() + " skips");
            sink.skips.forEach(s -> System.err.println("  " + s));
            sink.skips.forEach(s -> reasons.merge(s.reason(), 1L, Long::sum));
            for (Paper p : sink.papers) {
                ids.add(p.arxivId());
                assertFalse(p.arxivId().isEmpty(), p.title());
                assertEquals("https://arxiv.org/abs/" + p.arxivId(), p.url());
                assertNotNull(p.popularity(), p.title());
                assertTrue(p.date().matches("\\d{4}-\\d{2}-\\d{2}"), p.date());
                assertFalse(p.abstractText().isBlank());
                assertFalse(p.abstractText().contains(" , "), p.title());
                assertFalse(p.authors().isEmpty());
                for (Author a : p.authors()) {
                    assertFalse(a.displayName().endsWith(","), a.displayName());
                    assertFalse(a.displayName().isBlank());
                }
                var span = p.sources().get(0);
                assertEquals(SourceFormat.HF_JSON, span.format());
                assertTrue(span.endLine() > span.startLine());
            }
            records += sink.papers.size();
        }
        System.err.println("hf-daily-papers-json: " + records + " records, " + ids.size() + " distinct arXiv ids, skips " + reasons);
        assertEquals(676, records);
        assertEquals(516, ids.size());
        assertTrue(reasons.isEmpty());
    }

    @Test
    void concreteRecord() throws IOException {
        Path dir = SharedCorpora.require("hf-daily-papers-json");
        CollectingSink sink = read(dir.resolve("2026-03-01.json"));
        Paper trinity = sink.papers.get(0);
        assertEquals("2602.23152", trinity.arxivId());
        assertEquals("The Trinity of Consistency as a Defining Principle for General World Models", trinity.title());
        assertEquals(Author.person("Wei", "Jingxuan"), trinity.authors().get(0));
        assertEquals("Xi bai", trinity.authors().get(9).displayName());
        assertTrue(trinity.abstractText().contains("evolution of multimodal learning, revealing a trajectory"));
        assertEquals("2026-03-01", trinity.raw().get("pageDate"));
        assertEquals(4, trinity.sources().get(0).startLine());

        CollectingSink example = read(dir.resolve("2025-02-28.json"));
        Paper p = example.only();
        assertEquals(245L, p.popularity());
        assertEquals("2025-02-28", p.date());
        assertEquals(List.of("LLM", "NLP", "Efficiency"), p.keywords());
        assertEquals(List.of("Alice Smith", "Bob Johnson", "Carol Williams"), p.authors().stream().map(Author::displayName).toList());
        assertEquals(5, p.sources().get(0).startLine());
        assertEquals(19, p.sources().get(0).endLine());
    }

    @Test
    void filesAreDetectedAsHfJson() throws IOException {
        for (Path f : files()) {
            assertEquals(Optional.of(SourceFormat.HF_JSON), SourceFiles.detect(f), f.toString());
        }
        Path dir = SharedCorpora.require("hf-daily-papers-json");
        assertEquals(Optional.empty(), SourceFiles.detect(dir.resolve("README.txt")));
    }

    @Test
    void lookAlikesAreNotHfOrArxiv() throws IOException {
        Path root = SharedCorpora.require("csl-json").getParent();
        List<Path> lookAlikes;
        try (Stream<Path> s = Files.walk(root)) {
            lookAlikes = s.filter(Files::isRegularFile).filter(p -> {
                String n = p.getFileName().toString().toLowerCase();
                return n.equals("readme.txt") || n.endsWith(".md")
                        || (n.endsWith(".txt") && p.toString().contains("/csl-json/test/"));
            }).sorted().toList();
        }
        assertTrue(lookAlikes.size() > 100, "look-alikes found: " + lookAlikes.size());
        Map<String, List<Path>> wrong = lookAlikes.stream()
                .filter(p -> SourceFiles.detect(p).filter(f -> f == SourceFormat.HF_PAGE_TEXT || f == SourceFormat.HF_JSON
                        || f == SourceFormat.ARXIV_JSONL).isPresent())
                .collect(Collectors.groupingBy(p -> SourceFiles.detect(p).orElseThrow().label()));
        assertTrue(wrong.isEmpty(), () -> "look-alikes detected as HF/arXiv: " + wrong);
    }
}
