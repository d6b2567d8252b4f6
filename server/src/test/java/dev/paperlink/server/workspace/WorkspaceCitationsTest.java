package dev.paperlink.server.workspace;

import dev.paperlink.server.bibliography.DocumentBibliography;
import dev.paperlink.server.config.ServerConfig;
import dev.paperlink.server.document.Pos;
import dev.paperlink.server.document.TextDocument;
import dev.paperlink.server.feature.references.Occurrence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The workspace citation index over real files: read from disk in the background, open documents
 * standing for their files (and the disk's version back when closed), watched changes, skipped
 * folders; and the bibliographies of Quarto projects and Typst documents with a Hayagriva file.
 * Citations are rendered {@code file line:col}.
 */
class WorkspaceCitationsTest {
    @TempDir
    Path dir;

    private Workspace ws;

    @BeforeEach
    void start() {
        ws = new Workspace(ServerConfig.DEFAULT.withIndexDir(dir.resolve("index")), ServerLog.STDERR,
                new BibliographyCache(dev.paperlink.corpus.source.Readers::forFormat), new CorpusService(ServerLog.STDERR));
    }

    @AfterEach
    void stop() {
        ws.close();
    }

    @Test
    void filesOnDiskOpenBuffersClosingAndWatchedChanges() throws Exception {
        Path root = Files.createDirectories(dir.resolve("ws"));
        Files.writeString(root.resolve("refs.bib"), "@book{knuth1984, title = {Literate Programming}}\n");
        Files.writeString(root.resolve("a.tex"), "\\cite{knuth1984}\n");
        Files.writeString(root.resolve("b.typ"), "See @knuth1984.\n");
        Files.createDirectories(root.resolve("node_modules/x"));
        Files.writeString(root.resolve("node_modules/x/readme.md"), "[@knuth1984]\n");
        ws.setFolders(List.of(root));
        assertTrue(ws.citations().awaitReady(10_000));
        assertEquals("a.tex 0:6, b.typ 0:5", cited("knuth1984"));
        assertEquals("refs.bib 0:6", places(ws.citations().entries("KNUTH1984")));

        // an open document stands for its file, as typed (not saved)
        String uri = root.resolve("a.tex").toUri().toString();
        ws.open(TextDocument.of(uri, "latex", 1, "\\cite{knuth1984}\n"));
        ws.change(uri, 2, List.of(new TextDocument.Change(new Pos(0, 0), new Pos(0, 0), "Before \\cite{knuth1984} and ")));
        assertEquals("a.tex 0:13, a.tex 0:34, b.typ 0:5", cited("knuth1984"));
        assertEquals(2, ws.citations().citations("knuth1984").get(0).version(), "the open document's version");
        // closed without saving: the disk's version again
        ws.close(uri);
        assertEquals("a.tex 0:6, b.typ 0:5", awaitCited("knuth1984", "a.tex 0:6, b.typ 0:5"));

        // a note created on disk (a watched change), then deleted
        Path c = Files.writeString(root.resolve("c.org"), "[cite:@knuth1984]\n");
        ws.fileChanged(c);
        assertEquals("a.tex 0:6, b.typ 0:5, c.org 0:7", awaitCited("knuth1984", "a.tex 0:6, b.typ 0:5, c.org 0:7"));
        Files.delete(c);
        ws.fileChanged(c);
        assertEquals("a.tex 0:6, b.typ 0:5", awaitCited("knuth1984", "a.tex 0:6, b.typ 0:5"));
        ws.fileChanged(root.resolve("node_modules/x/readme.md"));
        Thread.sleep(200);
        assertEquals("a.tex 0:6, b.typ 0:5", cited("knuth1984"), "a skipped folder stays out");
    }

    @Test
    void quartoProjectAndTypstWithHayagrivaBibliographies() throws Exception {
        Path book = Files.createDirectories(dir.resolve("book"));
        Files.writeString(book.resolve("_quarto.yml"), "project:\n  type: book\nbibliography: references.bib\n");
        Files.writeString(book.resolve("references.bib"), "@book{knuth1984, title = {Literate Programming}}\n");
        Path chapter = Files.createDirectories(book.resolve("chapters")).resolve("intro.qmd");
        TextDocument qmd = TextDocument.of(chapter.toUri().toString(), "quarto", 1, "# Intro\n\nAs [@knuth1984] says.\n");
        Files.writeString(book.resolve("refs.yml"), "lamport1994:\n  type: book\n  title: LaTeX\n  date: 1994\n");
        TextDocument typ = TextDocument.of(book.resolve("paper.typ").toUri().toString(), "typst", 1,
                "@lamport1994\n#bibliography(\"refs.yml\")\n");
        ws.open(qmd);
        ws.open(typ);
        ws.setFolders(List.of(book));
        reindex();
        assertEquals("references.bib (inherited): knuth1984", bibliography(qmd, "knuth1984"));
        assertEquals("refs.yml: lamport1994", bibliography(typ, "lamport1994"));
        assertTrue(ws.citations().awaitReady(10_000));
        assertEquals("refs.yml 0:0", places(ws.citations().entries("lamport1994")), "a Hayagriva file's entries are the workspace's");
    }

    private String bibliography(TextDocument doc, String key) {
        DocumentBibliography b = ws.bibliography(doc);
        return b.files().stream().map(n -> n.file().path().getFileName() + (n.inherited() ? " (inherited)" : "")).collect(Collectors.joining(", "))
                + ": " + b.lookup().byKey(key).map(p -> p.key()).orElse("(none)");
    }

    private void reindex() throws Exception {
        ws.corpus().reindex(ws.indexDir(), ws::corpusRoots, () -> CorpusService.Progress.NONE, r -> { }).get(60, TimeUnit.SECONDS);
    }

    private String cited(String key) {
        return places(ws.citations().citations(key));
    }

    private String awaitCited(String key, String expected) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        String now = cited(key);
        while (!now.equals(expected) && System.nanoTime() < end) {
            Thread.sleep(20);
            now = cited(key);
        }
        return now;
    }

    private static String places(List<Occurrence> found) {
        return found.stream().map(o -> o.uri().substring(o.uri().lastIndexOf('/') + 1) + " " + o.start())
                .collect(Collectors.joining(", "));
    }
}
