package dev.paperlink.server.workspace;

import dev.paperlink.corpus.model.Hit;
import dev.paperlink.server.bibliography.DocumentBibliography;
import dev.paperlink.server.config.ServerConfig;
import dev.paperlink.server.document.Pos;
import dev.paperlink.server.document.TextDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A document's own bibliography as the workspace serves it: from a real index of the files it
 * names, with open buffers' edits laid over it. Rendered as {@code file (how it is served): ...}
 * lines, then {@code keys: ...} in the order the bibliography completes an empty prefix.
 */
class WorkspaceBibliographyTest {
    @TempDir
    Path dir;

    private Workspace ws;
    private final AtomicInteger reindexAsked = new AtomicInteger();

    @BeforeEach
    void start() {
        ws = new Workspace(ServerConfig.DEFAULT.withIndexDir(dir.resolve("index")), ServerLog.STDERR,
                new BibliographyCache(dev.paperlink.corpus.source.Readers::forFormat, 0, FileReads.WAIT_MILLIS), new CorpusService(ServerLog.STDERR));
        ws.onReindexNeeded(reindexAsked::incrementAndGet);
    }

    @AfterEach
    void stop() {
        ws.close();
    }

    @Test
    void namedFilesAreIndexedAndServedFromTheIndex() throws Exception {
        Path paper = Files.createDirectories(dir.resolve("paper"));
        Path refs = paper.resolve("refs.bib");
        Files.writeString(refs, "@book{knuth1984, title = {Literate Programming}}\n");
        Files.writeString(paper.resolve("notes.txt"), "not a bibliography\n");
        TextDocument main = TextDocument.of(paper.resolve("main.tex").toUri().toString(), "latex", 1,
                "\\bibliography{refs,missing}\n\\addbibresource{notes.txt}\n");
        ws.open(main); // names refs.bib: the index is asked to read it
        check(main, """
                refs.bib (indexing)
                missing.bib | not found
                notes.txt | not a bibliography format PaperLink reads (.bib, .json, .yaml)
                keys:
                """);
        assertTrue(ws.bibliography(main).pending());
        assertEquals(1, reindexAsked.get(), "naming a file the index lacks asks for one run");
        assertTrue(ws.corpusRoots().contains(refs), "a named file is a root of the index: " + ws.corpusRoots());
        reindex();
        ws.bibliography(main);
        check(main, """
                refs.bib (index)
                missing.bib | not found
                notes.txt | not a bibliography format PaperLink reads (.bib, .json, .yaml)
                keys: knuth1984
                """);
        assertFalse(ws.bibliography(main).pending());
        assertSame(ws.bibliography(main), ws.bibliography(main), "unchanged files, document and index: the same bibliography");
        assertEquals(1, reindexAsked.get());

        // the named files are remembered in the index folder: a new server indexes them at once
        Workspace again = new Workspace(ServerConfig.DEFAULT.withIndexDir(dir.resolve("index")), ServerLog.STDERR,
                new BibliographyCache(dev.paperlink.corpus.source.Readers::forFormat, 0, FileReads.WAIT_MILLIS), new CorpusService(ServerLog.STDERR));
        again.corpus().reindex(again.indexDir(), again::corpusRoots, () -> CorpusService.Progress.NONE, r -> { }).get(60, TimeUnit.SECONDS);
        assertTrue(again.corpusRoots().contains(refs), again.corpusRoots().toString());
        again.close();
    }

    @Test
    void anOpenBufferIsLaidOverTheIndexedFile() throws Exception {
        Path refs = dir.resolve("refs.bib");
        Files.writeString(refs, """
                @book{knuth1984, title = {Literate Programming}}
                @book{knuth1986, title = {The TeXbook}}
                @misc{bad, title {x}}
                @book{lamport1994, title = {LaTeX}}
                """);
        TextDocument main = TextDocument.of(dir.resolve("main.tex").toUri().toString(), "latex", 1, "\\bibliography{refs}\n");
        ws.open(main);
        reindex();
        check(main, """
                refs.bib (index)
                refs.bib:3 expected '=' after field 'title' in entry 'bad', found '{'
                keys: knuth1984, knuth1986, lamport1994
                """);
        // the buffer as on disk: served by the index as it is
        TextDocument buffer = TextDocument.of(refs.toUri().toString(), "bibtex", 1, Files.readString(refs));
        ws.open(buffer);
        check(main, """
                refs.bib (index)
                refs.bib:3 expected '=' after field 'title' in entry 'bad', found '{'
                keys: knuth1984, knuth1986, lamport1994
                """);
        // an unsaved edit: a new entry before the others, one changed, one removed
        buffer = edit(buffer, new Pos(0, 0), new Pos(0, 0), "@misc{added2024, title = {Added in the editor}}\n");
        buffer = edit(buffer, new Pos(2, 30), new Pos(2, 37), "Art of Computer Programming");
        buffer = edit(buffer, new Pos(4, 0), new Pos(5, 0), "");
        assertEquals("""
                @misc{added2024, title = {Added in the editor}}
                @book{knuth1984, title = {Literate Programming}}
                @book{knuth1986, title = {The Art of Computer Programming}}
                @misc{bad, title {x}}
                """, buffer.text());
        check(main, """
                refs.bib (index, 2 entries from the buffer, 2 indexed entries hidden)
                refs.bib:4 expected '=' after field 'title' in entry 'bad', found '{'
                keys: added2024, knuth1986, knuth1984
                """);
        assertEquals("The Art of Computer Programming", ws.bibliography(main).lookup().byKey("knuth1986").orElseThrow().title());
        assertTrue(ws.bibliography(main).lookup().byKey("lamport1994").isEmpty(), "removed in the buffer");
        // go to definition finds keys where the buffer has them now
        String file = refs.toAbsolutePath().normalize().toString();
        assertEquals("1:6", ws.bibliography(main).keyRange(file, "knuth1984").orElseThrow()[0].toString());
        // a broken edit in the buffer is reported at its line
        buffer = edit(buffer, new Pos(0, 46), new Pos(0, 47), "");
        check(main, """
                refs.bib (index, 1 entries from the buffer, 2 indexed entries hidden)
                refs.bib:2 expected ',' or '}' in entry 'added2024', found end of file (entry starts at line 1)
                refs.bib:4 expected '=' after field 'title' in entry 'bad', found '{'
                keys: knuth1986, knuth1984
                """);

        // saved and re-indexed: the index has the new version, the buffer adds nothing
        buffer = edit(buffer, new Pos(0, 46), new Pos(0, 46), "}");
        Files.writeString(refs, buffer.text());
        ws.fileChanged(refs);
        reindex();
        check(main, """
                refs.bib (index)
                refs.bib:4 expected '=' after field 'title' in entry 'bad', found '{'
                keys: added2024, knuth1984, knuth1986
                """);
        ws.close(buffer.uri());
        check(main, """
                refs.bib (index)
                refs.bib:4 expected '=' after field 'title' in entry 'bad', found '{'
                keys: added2024, knuth1984, knuth1986
                """);
    }

    @Test
    void aBigBufferIsEditedAsARope() throws Exception {
        StringBuilder bib = new StringBuilder();
        for (int i = 0; bib.length() <= TextDocument.ROPE_OVER + 1000; i++) {
            bib.append("@article{paper").append(i).append(",\n  title = {Paper number ").append(i).append("},\n  abstract = {")
                    .append("Some words about it. ".repeat(8)).append("},\n}\n");
        }
        Path refs = dir.resolve("refs.bib");
        Files.writeString(refs, bib);
        TextDocument main = TextDocument.of(dir.resolve("main.tex").toUri().toString(), "latex", 1, "\\bibliography{refs}\n");
        ws.open(main);
        reindex();
        TextDocument buffer = TextDocument.of(refs.toUri().toString(), "bibtex", 1, bib.toString());
        assertTrue(buffer.content() instanceof dev.paperlink.server.document.Rope, "a big .bib buffer is a rope");
        ws.open(buffer);
        int line = bib.substring(0, bib.indexOf("@article{paper3000,")).split("\n", -1).length - 1;
        buffer = edit(buffer, new Pos(line + 1, 11), new Pos(line + 1, 16), "Article");
        buffer = edit(buffer, new Pos(0, 0), new Pos(0, 0), "@misc{first, title = {Now first}}\n");
        DocumentBibliography b = ws.bibliography(main);
        assertEquals("Article number 3000", b.lookup().byKey("paper3000").orElseThrow().title());
        assertEquals("Paper number 2999", b.lookup().byKey("paper2999").orElseThrow().title());
        assertEquals("Now first", b.lookup().byKey("first").orElseThrow().title());
        assertEquals((line + 1) + ":9", b.keyRange(refs.toAbsolutePath().normalize().toString(), "paper3000").orElseThrow()[0].toString());
        assertEquals(2, b.files().get(0).file().overlayPapers().size());
    }

    @Test
    @org.junit.jupiter.api.Timeout(30)
    void aFifoOrAFolderNamedLikeABibliographyIsNeverRead() throws Exception {
        Path fifo = dir.resolve("refs.bib");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo is not available here");
        Files.createDirectories(dir.resolve("folder.bib"));
        TextDocument main = TextDocument.of(dir.resolve("main.tex").toUri().toString(), "latex", 1, "\\bibliography{refs,folder}\n");
        ws.open(main);
        reindex();
        check(main, """
                refs.bib | is not a regular file
                folder.bib | is a folder
                keys:
                """);
        assertFalse(ws.corpusRoots().contains(fifo));
        assertEquals(0, reindexAsked.get());
    }

    @Test
    void aBibliographyTheIndexCannotTakeIsReadHere() throws Exception {
        Path refs = dir.resolve("refs.bib");
        Files.writeString(refs, "@book{knuth1984, title = {Literate Programming}}\n");
        try (dev.paperlink.corpus.Corpus other = dev.paperlink.corpus.Corpus.open(dir.resolve("index"))) { // another process indexes
            TextDocument main = TextDocument.of(dir.resolve("main.tex").toUri().toString(), "latex", 1, "\\bibliography{refs}\n");
            ws.open(main);
            reindex(); // opens the index read-only: it will not read refs.bib
            check(main, """
                    refs.bib (text)
                    keys: knuth1984
                    """);
            assertFalse(ws.bibliography(main).pending());

            // Issue 10, 12: the other process commits; the read-only server answers from it soon after
            Path more = dir.resolve("more.bib");
            Files.writeString(more, "@book{lamport1994, title = {LaTeX}}\n");
            other.index(List.of(more), dev.paperlink.corpus.IndexListener.NONE);
            long deadline = System.nanoTime() + 15_000_000_000L;
            while (ws.corpus().lookup().byKey("lamport1994").isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertTrue(ws.corpus().lookup().byKey("lamport1994").isPresent(), "the read-only index reopens on a new commit");
        }
    }

    /** Issue 10, 8: a NUL in a bibliography's name (no file name holds one) is a file not found, not a failing document. */
    @Test
    void aNulInABibliographyNameIsAFileNotFound() {
        TextDocument main = TextDocument.of(dir.resolve("main.tex").toUri().toString(), "latex", 1, "\\bibliography{re\u0000fs}\n");
        ws.open(main);
        check(main, """
                re\ufffdfs.bib | not found
                keys:
                """);
    }

    @Test
    void aChapterSharesItsRootDocumentsBibliography() throws Exception {
        Path paper = Files.createDirectories(dir.resolve("paper"));
        Files.writeString(paper.resolve("refs.bib"), "@book{knuth1984, title = {Literate Programming}}\n");
        Files.createDirectories(paper.resolve("chapters"));
        TextDocument chapter = TextDocument.of(paper.resolve("chapters/intro.tex").toUri().toString(), "latex", 1, "\\cite{knuth1984}\n");
        ws.open(chapter);
        TextDocument root = TextDocument.of(paper.resolve("main.tex").toUri().toString(), "latex", 2,
                "\\input{chapters/intro}\n\\bibliography{refs}\n");
        ws.open(root);
        reindex();
        check(chapter, """
                refs.bib (index)
                keys: knuth1984
                """);
        assertTrue(ws.bibliography(chapter).files().get(0).inherited());
        ws.close(root.uri());
        check(chapter, "keys:");
    }

    private TextDocument edit(TextDocument doc, Pos start, Pos end, String text) {
        return ws.change(doc.uri(), doc.version() + 1, List.of(new TextDocument.Change(start, end, text))).orElseThrow();
    }

    private void reindex() throws Exception {
        ws.corpus().reindex(ws.indexDir(), ws::corpusRoots, () -> CorpusService.Progress.NONE, r -> { }).get(60, TimeUnit.SECONDS);
    }

    private void check(TextDocument doc, String expected) {
        TextDocument now = ws.document(doc.uri()).orElse(doc);
        DocumentBibliography b = ws.bibliography(now);
        StringBuilder sb = new StringBuilder();
        for (DocumentBibliography.Named n : b.files()) {
            var f = n.file();
            sb.append(f.path().getFileName());
            if (!f.readable()) {
                sb.append(" | ").append(f.problem()).append('\n');
                continue;
            }
            sb.append(" (").append(f.served().name().toLowerCase());
            if (!f.overlayPapers().isEmpty() && f.served() != dev.paperlink.server.bibliography.BibliographyFile.Served.TEXT) {
                sb.append(", ").append(f.overlayPapers().size()).append(" entries from the buffer");
            }
            if (!f.hiddenKeys().isEmpty()) {
                sb.append(", ").append(f.hiddenKeys().size()).append(" indexed entries hidden");
            }
            sb.append(")\n");
            f.skips().forEach(s -> sb.append(f.path().getFileName()).append(':').append(s.line()).append(' ').append(s.message()).append('\n'));
        }
        sb.append("keys: ").append(b.lookup().completeKey("", 100).stream().map(Hit::paper).map(p -> p.key())
                .collect(Collectors.joining(", ")));
        assertEquals(expected.strip(), sb.toString().strip());
    }
}
