package dev.paperlink.corpus.source.hf;

import dev.paperlink.corpus.model.Author;
import dev.paperlink.corpus.model.Paper;
import dev.paperlink.corpus.model.SourceFormat;
import dev.paperlink.corpus.source.SourceFiles;
import dev.paperlink.corpus.testing.CollectingSink;
import dev.paperlink.corpus.testing.SharedCorpora;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The four saved Hugging Face pages of the shared "seeds" corpus.
 *
 * <p>How the expected counts were obtained (by inspecting the files, not by running the reader):
 * every record is a title line and an abstract line, each followed by a blank line; records of the
 * pages 001 and 002 also have a three-line meta block ("  • N authors" or an organisation line,
 * then "·", then the date with optional upvotes). The header has 5 non-blank lines (new / Get
 * trending papers... / Subscribe / byAK and the research community / date) in 000 and 003, and 6
 * (plus "Daily Papers") in 001 and 002. With {@code awk NF file | wc -l} (non-blank lines) and
 * {@code grep -c '^·' file} (meta blocks):
 * <ul>
 *   <li>000: 155 non-blank lines, no meta block: (155 - 5) / 2 = 75 records (titles on lines 11, 15, ... 307);</li>
 *   <li>001: 338 non-blank lines, 66 "·" lines: 66 records × 5 lines = 330, + 6 header, + 2 lines of the one
 *       record without a meta block ("Bridging Reasoning to Learning...", line 349) = 338, so 67 records;</li>
 *   <li>002: 236 non-blank lines, 46 "·" lines: 46 × 5 + 6 = 236, so 46 records;</li>
 *   <li>003: 135 non-blank lines, no meta block: (135 - 5) / 2 = 65 records.</li>
 * </ul>
 * 253 records in all; none of the header lines may become a record and nothing may be skipped.
 */
class HfPageTextSeedsTest {
    private static final Map<String, Integer> EXPECTED = Map.of(
            "000_e3ddd3a1db7cb6b7.txt", 75,
            "001_f6bd9009d98e2f8a.txt", 67,
            "002_efa8ebba231a56d6.txt", 46,
            "003_a433ed63d762e38e.txt", 65);

    private static CollectingSink read(String name) throws IOException {
        Path file = SharedCorpora.require("seeds").resolve(name);
        try (Reader r = SourceFiles.open(file)) {
            CollectingSink sink = new CollectingSink();
            new HfPageTextReader().read(name, r, sink);
            return sink;
        }
    }

    private static Paper byTitle(CollectingSink sink, String title) {
        List<Paper> found = sink.papers.stream().filter(p -> p.title().equals(title)).toList();
        assertEquals(1, found.size(), "papers titled " + title);
        return found.get(0);
    }

    @Test
    void everySeedFileLoadsExactly() throws IOException {
        int total = 0;
        for (var e : new TreeMap<>(EXPECTED).entrySet()) {
            CollectingSink sink = read(e.getKey());
            Map<String, Long> reasons = sink.skips.stream().collect(Collectors.groupingBy(s -> s.reason(), TreeMap::new, Collectors.counting()));
            System.err.println("seeds/" + e.getKey() + ": " + sink.papers.size() + " records, " + sink.skips.size() + " skips " + reasons);
            sink.skips.forEach(s -> System.err.println("  " + s));
            assertEquals(e.getValue(), sink.papers.size(), e.getKey());
            assertTrue(sink.skips.isEmpty(), () -> "skips in " + e.getKey() + ": " + sink.skips);
            for (Paper p : sink.papers) {
                assertFalse(p.title().isBlank());
                assertTrue(p.abstractText().length() > 300, () -> "abstract of " + p.title());
                assertTrue(p.title().length() < 200, p.title());
                assertFalse(p.title().startsWith("Get trending") || p.title().equals("Subscribe")
                        || p.title().startsWith("byAK") || p.title().equals("new") || p.title().equals("Daily Papers"), p.title());
                assertEquals("misc", p.entryType());
                assertEquals(SourceFormat.HF_PAGE_TEXT, p.sources().get(0).format());
            }
            total += sink.papers.size();
        }
        System.err.println("seeds: " + total + " records");
        assertEquals(253, total);
    }

    @Test
    void seedsAreDetectedAsHfPageText() {
        Path dir = SharedCorpora.require("seeds");
        for (String name : EXPECTED.keySet()) {
            assertEquals(Optional.of(SourceFormat.HF_PAGE_TEXT), SourceFiles.detect(dir.resolve(name)), name);
        }
    }

    @Test
    void pageWithoutMetaBlocks() throws IOException {
        CollectingSink sink = read("000_e3ddd3a1db7cb6b7.txt");
        Paper tapir = sink.papers.get(0);
        assertEquals("Distilling Instruction-following Abilities of Large Language Models with Task-aware Curriculum Planning",
                tapir.title());
        assertTrue(tapir.abstractText().startsWith("The process of instruction tuning aligns pre-trained large language models"));
        assertTrue(tapir.abstractText().contains("Task-Aware Curriculum Planning for Instruction Refinement (TAPIR)"));
        assertTrue(tapir.abstractText().endsWith("such as logical reasoning and code generation."));
        assertEquals(11, tapir.sources().get(0).startLine());
        assertEquals(13, tapir.sources().get(0).endLine());
        assertTrue(tapir.authors().isEmpty());
        assertNull(tapir.popularity());
        assertEquals("", tapir.year());
        assertEquals("", tapir.date());
        assertEquals("Mar 13", tapir.raw().get("pageDate"), "the header date is kept, without inventing a year");

        Paper last = sink.papers.get(74);
        assertEquals("Learning Hierarchical Polynomials with Three-Layer Neural Networks", last.title());
        assertEquals(307, last.sources().get(0).startLine());
        assertEquals(309, last.sources().get(0).endLine());

        CollectingSink s3 = read("003_a433ed63d762e38e.txt");
        Paper wav = s3.papers.get(0);
        assertEquals("WavLLM: Towards Robust and Adaptive Speech Large Language Model", wav.title());
        assertTrue(wav.abstractText().startsWith("The recent advancements in large language models (LLMs) have revolutionized"));
        assertEquals("Mar 12", wav.raw().get("pageDate"));
        assertEquals("Self-Knowledge Distillation with Progressive Refinement of Targets", s3.papers.get(64).title());
    }

    @Test
    void recordsWithAuthorCountDateAndUpvotes() throws IOException {
        CollectingSink sink = read("001_f6bd9009d98e2f8a.txt");
        // "  • 6 authors" / "·" / "Aug 30, 2023 4": date with year and upvotes
        Paper lm = sink.papers.get(0);
        assertEquals("LM-Infinite: Simple On-the-Fly Length Generalization for Large Language Models", lm.title());
        assertTrue(lm.abstractText().startsWith("In recent years, there have been remarkable advancements"));
        assertEquals("6", lm.raw().get("authorCount"));
        assertTrue(lm.authors().isEmpty(), "the page gives only a count, no names");
        assertEquals("2023-08-30", lm.date());
        assertEquals("2023", lm.year());
        assertEquals(4L, lm.popularity());
        assertEquals(13, lm.sources().get(0).startLine());
        assertEquals(19, lm.sources().get(0).endLine());
        assertEquals("Oct 29", lm.raw().get("pageDate"));

        // date with year, no upvotes
        Paper ntk = byTitle(sink, "Neural Tangent Kernel: Convergence and Generalization in Neural Networks");
        assertEquals("2018-06-20", ntk.date());
        assertNull(ntk.popularity());
        assertEquals("3", ntk.raw().get("authorCount"));

        // date without year and without upvotes: the page never states its year, so no year
        Paper hats = byTitle(sink, "An analytical framework for the Levine hats problem: new strategies, bounds and generalizations");
        assertEquals("Aug 3", hats.raw().get("date"));
        assertEquals("", hats.year());
        assertEquals("", hats.date());
        assertNull(hats.popularity());

        // date without year, with upvotes ("Jul 17 3")
        Paper imitation = byTitle(sink, "The Imitation Game: Turing Machine Imitator is Length Generalizable Reasoner");
        assertEquals("Jul 17", imitation.raw().get("date"));
        assertEquals("", imitation.year());
        assertEquals(3L, imitation.popularity());
        assertEquals("7", imitation.raw().get("authorCount"));

        // an organisation instead of the author count
        Paper creativity = byTitle(sink, "Combinatorial Creativity: A New Frontier in Generalization Abilities");
        assertEquals(List.of(Author.literal("Spiral Works")), creativity.authors());
        assertEquals("spiralworks Spiral Works", creativity.raw().get("organization"));
        assertEquals("Sep 25", creativity.raw().get("date"));
        assertEquals(2L, creativity.popularity());
        assertTrue(creativity.abstractText().startsWith("Artificial intelligence (AI) systems, and Large Language Models"));

        // the one record without a meta block, followed by a record with one
        Paper bridging = byTitle(sink, "Bridging Reasoning to Learning: Unmasking Illusions using Complexity Out of Distribution Generalization");
        assertTrue(bridging.abstractText().startsWith("Recent progress has pushed AI frontiers"));
        assertNull(bridging.popularity());
        assertTrue(bridging.raw().get("authorCount") == null);
        assertEquals(349, bridging.sources().get(0).startLine());
        assertEquals(351, bridging.sources().get(0).endLine());
        Paper proto = byTitle(sink, "Prototype-Sample Relation Distillation: Towards Replay-Free Continual Learning");
        assertEquals("5", proto.raw().get("authorCount"));
        assertEquals("2023-03-26", proto.date());

        // 17 authors, two-digit count
        assertEquals("17", byTitle(sink, "Studying Large Language Model Generalization with Influence Functions").raw().get("authorCount"));

        // an arXiv id inside an abstract cites another paper: it is not this paper's id
        Paper cfsl = byTitle(sink, "Expanding continual few-shot learning benchmarks to include recognition of specific instances");
        assertTrue(cfsl.abstractText().contains("arXiv:2004.11967"));
        assertEquals("", cfsl.arxivId());

        // last record of the file, ends at the last line
        Paper graphFm = sink.papers.get(66);
        assertEquals("GraphFM: A Comprehensive Benchmark for Graph Foundation Model", graphFm.title());
        assertEquals("2024-06-12", graphFm.date());
        assertEquals(543, graphFm.sources().get(0).endLine());
    }

    @Test
    void secondPageWithOrganisation() throws IOException {
        CollectingSink sink = read("002_efa8ebba231a56d6.txt");
        Paper grasp = byTitle(sink, "Learning to Grasp Anything by Playing with Random Toys");
        assertEquals(List.of(Author.literal("UC Berkeley")), grasp.authors());
        assertEquals("Oct 14", grasp.raw().get("date"));
        assertEquals(2L, grasp.popularity());
        Paper lion = byTitle(sink, "Symbolic Discovery of Optimization Algorithms");
        assertEquals("12", lion.raw().get("authorCount"));
        assertEquals("2023-02-13", lion.date());
        assertEquals(1L, lion.popularity());
        Paper first = sink.papers.get(0);
        assertEquals("Information-Theoretic Generalization Bounds for Deep Neural Networks", first.title());
        assertEquals("Dec 12", first.raw().get("pageDate"));
        assertEquals("2024-04-03", first.date());
    }
}
