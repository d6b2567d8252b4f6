package dev.paperlink.server.workspace;

import dev.paperlink.server.config.ServerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Zotero setting in the workspace: where the database is looked for, and that it is a root of the index only while it is there. */
class WorkspaceZoteroTest {
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
    void offByDefault() {
        assertEquals(Optional.empty(), ws.zoteroLocation());
        assertEquals(List.of(), ws.corpusRoots());
    }

    @Test
    void aRelativeDataDirectoryIsTheWorkspaceFoldersAndTheDatabaseIsARootWhileItIsThere() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("thesis"));
        ws.setFolders(List.of(folder));
        ws.setConfig(ws.config().withZotero(new ServerConfig.Zotero(true, "zotero-data", List.of(), List.of())));
        Path db = folder.resolve("zotero-data/zotero.sqlite");
        assertEquals(db, ws.zoteroLocation().orElseThrow().database());
        assertFalse(ws.corpusRoots().contains(db), "not there: not a root");

        Files.createDirectories(db.getParent());
        Files.writeString(db, "SQLite format 3\0");
        assertTrue(ws.corpusRoots().contains(db), "there: a root " + ws.corpusRoots());

        ws.setConfig(ws.config().withZotero(ServerConfig.Zotero.OFF));
        ws.zoteroSettingChanged();
        assertFalse(ws.corpusRoots().contains(db), "the setting off: not a root");
    }

    @Test
    void theNextRunReadsTheSelection() {
        assertEquals(dev.paperlink.corpus.source.ReaderOptions.DEFAULT, ws.readerOptions(), "off");
        ws.setConfig(ws.config().withZotero(new ServerConfig.Zotero(true, dir.toString(), List.of("Lab"), List.of("PBRT/Chapter 1"))));
        var options = ws.readerOptions();
        assertEquals(List.of("Lab"), options.zotero().libraries());
        assertEquals(List.of("PBRT/Chapter 1"), options.zotero().collections());
    }

    @Test
    void anotherSettingIsResolvedAtOnce() throws Exception {
        Path a = Files.createDirectories(dir.resolve("a"));
        Path b = Files.createDirectories(dir.resolve("b"));
        ws.setConfig(ws.config().withZotero(new ServerConfig.Zotero(true, a.toString(), List.of(), List.of())));
        assertEquals(a.resolve("zotero.sqlite"), ws.zoteroLocation().orElseThrow().database());
        ws.setConfig(ws.config().withZotero(new ServerConfig.Zotero(true, b.resolve("zotero.sqlite").toString(), List.of(), List.of())));
        assertEquals(b.resolve("zotero.sqlite"), ws.zoteroLocation().orElseThrow().database(), "a new setting is not the kept one");
        assertEquals("the configured database", ws.zoteroLocation().orElseThrow().origin());
    }
}
