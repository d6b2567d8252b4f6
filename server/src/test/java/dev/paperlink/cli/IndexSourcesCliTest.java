package dev.paperlink.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13, 3: {@code paperlink index PATH...} adds and updates those sources and keeps the others;
 * {@code --prune} and {@code paperlink remove} drop sources, announced in papers; {@code paperlink
 * sources} lists what the index holds.
 */
class IndexSourcesCliTest {
    @TempDir
    Path tmp;

    /** The command line run in-process, as {@link CliTest} runs it. */
    static CliTest.Run run(String... args) {
        return CliTest.run(args);
    }

    private String index() {
        return "--index-dir=" + tmp.resolve("index");
    }

    private Path demo(String file) throws Exception {
        Path from = Path.of("..", "demo", file);
        Path to = tmp.resolve("demo").resolve(file);
        Files.createDirectories(to.getParent());
        return Files.copy(Files.isRegularFile(from) ? from : Path.of("demo", file), to);
    }

    private int papers() throws Exception {
        return run("stats", index(), "--json").json().get("papers").asInt();
    }

    @Test
    void indexAddsAndKeepsWhatWasIndexedBefore() throws Exception {
        Path bib = demo("library.bib");
        Path arxiv = demo("arxiv-sample.jsonl");
        assertEquals(0, run("index", index(), bib.toString()).code());
        assertEquals(6, papers());

        CliTest.Run second = run("index", index(), arxiv.toString());
        assertEquals(0, second.code(), second.err());
        assertFalse(second.err().contains("removed"), "nothing is dropped: " + second.err());
        assertEquals(0, run("show", index(), "vaswani2017attention").code(), "the first source is still there");
        int both = papers();
        assertTrue(both > 6, "both sources: " + both);

        CliTest.Run sources = run("sources", index());
        assertEquals(0, sources.code(), sources.err());
        assertTrue(sources.out().contains("bibtex") && sources.out().contains(bib.toAbsolutePath().toString()), sources.out());
        assertTrue(sources.out().contains("arxiv-jsonl") && sources.out().contains(arxiv.toAbsolutePath().toString()), sources.out());
        assertTrue(sources.out().contains("2 sources, " + both + " papers"), sources.out());
        JsonNode json = run("sources", index(), "--json").json();
        assertEquals(2, json.size());
        for (JsonNode s : json) {
            assertTrue(s.get("records").asInt() > 0 && s.get("indexedAt").asLong() > 0 && !s.get("format").asText().isEmpty(), s.toString());
        }

        CliTest.Run again = run("index", index(), bib.toString());
        assertTrue(again.err().contains("1 unchanged files not read"), "an indexed source is not read again: " + again.err());
        assertEquals(both, papers());
    }

    @Test
    void pruneAndRemoveDropSourcesAndSayHowManyPapersLeft() throws Exception {
        Path bib = demo("library.bib");
        Path arxiv = demo("arxiv-sample.jsonl");
        run("index", index(), bib.toString(), arxiv.toString());
        int before = papers();

        CliTest.Run prune = run("index", index(), "--prune", arxiv.toString());
        assertEquals(0, prune.code(), prune.err());
        int after = papers();
        assertTrue(prune.err().contains("removed 1 file: " + (before - after) + " papers left the index"), prune.err());
        assertTrue(prune.err().contains("  - " + bib.toAbsolutePath()), prune.err());

        CliTest.Run remove = run("remove", index(), arxiv.toString());
        assertEquals(0, remove.code(), remove.err());
        assertTrue(remove.err().contains("removed 1 file: " + after + " papers left the index"), remove.err());
        assertEquals(0, papers());

        CliTest.Run nothing = run("remove", index(), tmp.resolve("never-indexed.bib").toString());
        assertEquals(1, nothing.code());
        assertTrue(nothing.err().contains("holds no source under"), nothing.err());
    }

    @Test
    void aFolderIsUpdatedAsAWholeAndAFileGoneFromItIsAnnounced() throws Exception {
        Path bib = demo("library.bib");
        Path arxiv = demo("arxiv-sample.jsonl");
        Path other = tmp.resolve("other.bib");
        Files.writeString(other, "@article{kept2020, title = {A Paper Kept Elsewhere}, author = {Kept, Kim}, year = 2020}\n");
        run("index", index(), tmp.resolve("demo").toString(), other.toString());
        Files.delete(arxiv);
        CliTest.Run r = run("index", index(), "--json", tmp.resolve("demo").toString());
        JsonNode report = r.json();
        assertEquals(1, report.get("removedFiles").size(), r.out());
        assertTrue(report.get("papersRemoved").asInt() + report.get("papersKept").asInt() > 0, r.out());
        assertEquals(0, run("show", index(), "kept2020").code(), "a source outside the folder stays");
        assertEquals(0, run("show", index(), "vaswani2017attention").code());
        assertTrue(Files.exists(bib));
    }

    @Test
    void aMissingPathIsOneLineNamingIt() {
        CliTest.Run r = run("index", index(), tmp.resolve("no-such-file.bib").toString());
        assertEquals(1, r.code());
        assertEquals("paperlink index: no such file or folder: " + tmp.resolve("no-such-file.bib") + "\n", r.err().replace("\r", ""));
    }
}
