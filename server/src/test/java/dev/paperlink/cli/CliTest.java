package dev.paperlink.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line as a user runs it: output, JSON and exit codes. */
class CliTest {
    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
        JsonNode json() throws Exception {
            return new ObjectMapper().readTree(out);
        }
    }

    static Run run(String... args) { // also the other command-line tests' runner
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Path demo() {
        Path p = Path.of("..", "demo");
        return Files.isDirectory(p) ? p : Path.of("demo");
    }

    private String index() {
        return "--index-dir=" + tmp.resolve("index");
    }

    /** The benchmark end to end on the demo corpus, small: indexing in fresh JVMs, start-up, latency, heap. */
    @Test
    void benchReportsEveryFigure() throws Exception {
        Run bench = run("bench", "--json", "--index-runs", "2", "--queries", "40", "--warmup", "20",
                "--work-dir", tmp.resolve("bench").toString(), demo().toString());
        assertEquals(0, bench.code(), () -> bench.err() + bench.out());
        JsonNode f = bench.json();
        assertEquals(12, f.get("records").asInt());
        assertEquals(10, f.get("papers").asInt());
        assertEquals(2, f.get("indexRunsSeconds").size());
        assertTrue(f.get("indexSeconds").asDouble() > 0);
        assertTrue(f.get("indexProcessSeconds").asDouble() >= f.get("indexSeconds").asDouble());
        assertTrue(f.get("openToFirstAnswer").get("openToAnswerMsMedian").asLong() > 0);
        for (String kind : new String[] {"key prefix", "title prefix, 1-4 words", "author + year", "related paragraph"}) {
            assertTrue(f.get("latencyMs").get(kind).get("queries").asInt() >= 20, kind + ": " + f.get("latencyMs"));
        }
        assertTrue(f.get("heapAfterGcMB").asDouble() > 0);
    }

    /** The own-bibliography workload of bench-lsp on the demo corpus's .bib: real server processes over their pipes. */
    @Test
    void benchLspOwnBibliographyReportsEveryFigure() throws Exception {
        Run bench = run("bench-lsp", "--json", "--own-bibliography-only", "--keystrokes", "20", demo().toString());
        assertEquals(0, bench.code(), () -> bench.err() + bench.out());
        JsonNode all = bench.json().get("ownBibliography").get("all");
        assertTrue(all.get("entries").asInt() > 0, all.toString());
        for (String run : new String[] {"cold", "warm"}) {
            JsonNode r = all.get(run);
            assertTrue(r.get("openToAnswerWithKeyMs").asLong() >= r.get("openToFirstAnswerMs").asLong(), r.toString());
            assertTrue(r.get("firstAnswerItems").asInt() > 0, "the first answer is not empty: " + r);
        }
        JsonNode cold = all.get("cold");
        assertEquals(20, cold.get("typingCompletion").get("queries").asInt());
        assertEquals(1.0, cold.get("hover").get("top10Rate").asDouble(), "every cited key has a card");
        assertEquals(1.0, cold.get("definition").get("top10Rate").asDouble(), "every cited key goes to the .bib");
        assertEquals(1.0, cold.get("completionAfterBibEdit").get("top10Rate").asDouble(), "an unsaved entry is offered");
    }

    @Test
    void indexSearchShowStatsOnTheDemoCorpus() throws Exception {
        Run indexed = run("index", index(), demo().toString());
        assertEquals(0, indexed.code(), indexed.err());
        assertTrue(indexed.err().contains("indexed 12 records from 4 files"), indexed.err());
        assertTrue(indexed.err().contains("10 papers in the index"), indexed.err());

        Run search = run("search", index(), "attention", "transformer", "translation");
        assertEquals(0, search.code());
        assertTrue(search.out().startsWith("vaswani2017attention  2017  Attention Is All You Need"), search.out());

        Run json = run("search", index(), "--json", "--complete", "residual learn");
        assertEquals("he2016deep", json.json().get(0).get("paper").get("key").asText());

        Run show = run("show", index(), "vaswani2017attention");
        assertEquals(0, show.code());
        assertTrue(show.out().contains("https://arxiv.org/abs/1706.03762"), show.out());
        assertTrue(show.out().contains("library.bib:4 (bibtex)"), show.out());

        Run showJson = run("show", index(), "--json", "touvron2023llama");
        assertEquals(131, showJson.json().get("popularity").asInt());

        Run missing = run("show", index(), "vaswani2071");
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("keys near it: vaswani2017attention"), missing.err());

        Run stats = run("stats", index(), "--json");
        assertEquals(10, stats.json().get("papers").asInt());
    }

    /**
     * Issue 12: {@code paperlink export}: entries printed in each format, appended to a file in its
     * own layout (CRLF kept, the rest untouched), a key already there not added again, a key taken
     * by another entry refused, an unknown key named in a one-line error.
     */
    @Test
    void exportPrintsAndAppendsEntries() throws Exception {
        assertEquals(0, run("index", index(), demo().toString()).code());
        Run bib = run("export", index(), "vaswani2017attention");
        assertEquals(0, bib.code(), bib.err());
        assertTrue(bib.out().startsWith("@inproceedings{vaswani2017attention,\n  author = {Vaswani, Ashish and"), bib.out());
        assertTrue(bib.out().contains("  booktitle = {Advances in Neural Information Processing Systems 30},\n"), "@string expanded: " + bib.out());
        Run json = run("export", index(), "--format", "csl-json", "vaswani2017attention", "he2016deep");
        assertEquals("he2016deep", json.json().get(1).get("id").asText(), json.out());
        assertEquals("10.1109/CVPR.2016.90", json.json().get(1).get("DOI").asText());

        Path refs = tmp.resolve("refs.bib");
        String mine = "% my own\r\n@misc{mine,\r\n    title = {Mine},\r\n}\r\n";
        Files.writeString(refs, mine);
        Run appended = run("export", index(), "--append", refs.toString(), "he2016deep");
        assertEquals(0, appended.code(), appended.err());
        String now = Files.readString(refs);
        assertTrue(now.startsWith(mine + "\r\n@inproceedings{he2016deep,\r\n    author = {He, Kaiming"), now);
        assertTrue(!now.replace("\r\n", "").contains("\n"), "CRLF kept: " + now);
        Run again = run("export", index(), "--append", refs.toString(), "he2016deep");
        assertEquals(0, again.code());
        assertTrue(again.err().contains("has 'he2016deep' already"), again.err());
        assertEquals(now, Files.readString(refs), "the same key is never added twice");

        Files.writeString(refs, "@misc{HE2016DEEP, title = {Another paper}}\n");
        Run taken = run("export", index(), "--append", refs.toString(), "he2016deep");
        assertEquals(1, taken.code());
        assertTrue(taken.err().contains("has another entry under the key 'HE2016DEEP' (Another paper); nothing was written"), taken.err());

        Run unknown = run("export", index(), "he2016deep", "nosuchkey2099");
        assertEquals(1, unknown.code());
        assertEquals("paperlink: error: no paper with key 'nosuchkey2099'\n", unknown.err());
        assertEquals("", unknown.out());
    }

    /**
     * Issue 10, 10: bytes flipped in the middle of an index file (where only the checksum tells):
     * the read commands refuse the index and say what to do; 'paperlink index' finds it, says so
     * and rebuilds it from the sources.
     */
    @Test
    void flippedBytesInTheIndexAreFoundAndRebuilt() throws Exception {
        assertEquals(0, run("index", index(), demo().toString()).code());
        int flipped = dev.paperlink.server.testing.IndexDamage.flipMiddle(tmp.resolve("index"), ".tim", ".fdt");
        assertTrue(flipped > 0);
        Run stats = run("stats", index());
        assertEquals(1, stats.code(), stats.out());
        assertTrue(stats.err().contains("damaged") && stats.err().contains("paperlink index"), stats.err());

        Run again = run("index", index(), demo().toString());
        assertEquals(0, again.code(), again.err());
        assertTrue(again.err().contains("was damaged") && again.err().contains("every source is read again"), again.err());
        assertTrue(again.err().contains("indexed 12 records from 4 files"), again.err());
        Run show = run("show", index(), "vaswani2017attention");
        assertEquals(0, show.code(), show.err());
        assertTrue(show.out().contains("Attention Is All You Need"), show.out());
    }

    @Test
    void skippedRecordsExitWithTwoAndAreListedWithFileAndLine() throws Exception {
        Path bib = tmp.resolve("broken.bib");
        Files.writeString(bib, """
                @article{good1, title = {A Good Paper About Things}, year = 2020}
                @article{broken, title = {Never closed, year = 2021
                @article{good2, title = {Another Good Paper}, year = 2022}
                """);
        Run r = run("index", index(), "--json", bib.toString());
        assertEquals(2, r.code(), r.err());
        JsonNode report = r.json();
        assertEquals(2, report.get("recordsRead").asInt(), r.out());
        assertEquals(1, report.get("skips").size());
        assertEquals(2, report.get("skips").get(0).get("line").asInt());
    }

    /** Issue 10, 1: a record's terminal escapes (OSC 52 clipboard, window title, erase line) and bidi overrides never reach the terminal. */
    @Test
    void recordTextCannotDriveTheTerminal() throws Exception {
        Path bib = tmp.resolve("hostile.bib");
        Files.writeString(bib, "@article{evil2024,\n  title = {\u001b]52;c;SGVsbG8=\u0007Clipboard \u001b]0;owned\u0007Paper},\n"
                + "  author = {Mal\u202eory, Eve},\n  year = {2024},\n  abstract = {First line\u001b[2K erased \u009b31m red \u007f},\n}\n");
        assertEquals(0, run("index", index(), bib.toString()).code());
        for (Run r : List.of(run("show", index(), "evil2024"), run("search", index(), "clipboard"))) {
            assertEquals(0, r.code(), r.err());
            for (char c : new char[] {'\u001b', '\u0007', '\u202e', '\u009b', '\u007f'}) {
                assertTrue(r.out().indexOf(c) < 0, "U+" + Integer.toHexString(c) + " reached the terminal: " + r.out());
            }
            assertTrue(r.out().contains("␛]52;c;SGVsbG8=␇Clipboard"), "escapes are shown, not obeyed: " + r.out());
        }
        Run json = run("show", index(), "--json", "evil2024");
        assertTrue(json.json().get("title").asText().startsWith("\u001b]52;c;"), "--json keeps the exact text: " + json.out());
        assertTrue(json.out().contains("\\u001B") || json.out().contains("\\u001b"), "escaped as JSON does: " + json.out());
    }

    @Test
    void usageErrorsExitWithOne() {
        assertEquals(1, run("index", index()).code());
        assertEquals(1, run("index", index(), tmp.resolve("no-such-file.bib").toString()).code());
        assertEquals(1, run("frobnicate").code());
        Run noIndex = run("search", "--index-dir=" + tmp.resolve("empty"), "x");
        assertEquals(1, noIndex.code());
        assertTrue(noIndex.err().contains("run 'paperlink index PATH...' first"), noIndex.err());
    }
}
