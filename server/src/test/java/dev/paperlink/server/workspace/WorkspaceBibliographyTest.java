package dev.paperlink.server.workspace;

import dev.paperlink.server.bibliography.DocumentBibliography;
import dev.paperlink.server.config.ServerConfig;
import dev.paperlink.server.document.TextDocument;
import dev.paperlink.server.testing.TinyBibReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A document's own bibliography as the workspace reads it from disk and from open buffers: {@code file: keys | problem}. */
class WorkspaceBibliographyTest {
    @TempDir
    Path dir;

    @Test
    void filesFromDiskOpenBuffersWinChangesAreSeen() throws IOException {
        Path paper = Files.createDirectories(dir.resolve("paper"));
        Path refs = paper.resolve("refs.bib");
        Files.writeString(refs, "@book{knuth1984, title = {Literate Programming}}\n");
        Files.writeString(paper.resolve("notes.txt"), "not a bibliography\n");
        Workspace ws = new Workspace(ServerConfig.DEFAULT, ServerLog.STDERR, new BibliographyCache(f -> new TinyBibReader()), new CorpusService(ServerLog.STDERR));
        TextDocument main = TextDocument.of(paper.resolve("main.tex").toUri().toString(), "latex", 1,
                "\\bibliography{refs,missing}\n\\addbibresource{notes.txt}\n");
        ws.open(main);
        check(ws, main, """
                refs.bib: knuth1984
                missing.bib | not found
                notes.txt | not a bibliography format PaperLink reads (.bib, .json, .yaml)
                """);
        DocumentBibliography first = ws.bibliography(main);
        assertTrue(first == ws.bibliography(main), "unchanged files and document: the same bibliography");

        // an open buffer of refs.bib wins over the disk
        TextDocument buffer = TextDocument.of(refs.toUri().toString(), "bibtex", 7, "@book{lamport1994, title = {LaTeX}}\n");
        ws.open(buffer);
        check(ws, main, """
                refs.bib: lamport1994
                missing.bib | not found
                notes.txt | not a bibliography format PaperLink reads (.bib, .json, .yaml)
                """);
        // closed again: the disk, which has changed meanwhile
        ws.close(buffer.uri());
        Files.writeString(refs, "@book{knuth1984, title = {Literate Programming}}\n@book{knuth1986, title = {The TeXbook}}\n");
        Files.writeString(paper.resolve("missing.bib"), "@misc{found, title = {Now here}}\n");
        check(ws, main, """
                refs.bib: knuth1984, knuth1986
                missing.bib: found
                notes.txt | not a bibliography format PaperLink reads (.bib, .json, .yaml)
                """);
        // a chapter \input by main.tex shares its bibliography while main.tex is open
        Files.createDirectories(paper.resolve("chapters"));
        TextDocument chapter = TextDocument.of(paper.resolve("chapters/intro.tex").toUri().toString(), "latex", 1, "\\cite{knuth1984}\n");
        ws.open(chapter);
        TextDocument root = TextDocument.of(main.uri(), "latex", 2, "\\input{chapters/intro}\n\\bibliography{refs}\n");
        ws.open(root);
        check(ws, chapter, """
                refs.bib: knuth1984, knuth1986
                """);
        assertTrue(ws.bibliography(chapter).files().get(0).inherited());
        ws.close(main.uri());
        check(ws, chapter, "");
        ws.close();
    }

    private static void check(Workspace ws, TextDocument doc, String expected) {
        String actual = ws.bibliography(doc).files().stream()
                .map(n -> n.file().path().getFileName() + (n.file().readable()
                        ? ": " + n.file().papers().stream().map(p -> p.key()).collect(Collectors.joining(", "))
                        : " | " + n.file().problem()))
                .collect(Collectors.joining("\n"));
        assertEquals(expected.strip(), actual);
    }
}
