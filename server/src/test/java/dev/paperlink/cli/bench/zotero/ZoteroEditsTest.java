package dev.paperlink.cli.bench.zotero;

import dev.paperlink.corpus.testing.SharedCorpora;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Zotero's and BBT's changes, on a copy of the real Zotero 7 database with the new BBT layout. */
class ZoteroEditsTest {
    /** The one regular item of elmoghany-my-zotero-sync, its PDF attachment and its BBT key. */
    static final String ITEM = "8XSB2LMG";
    static final String PDF = "RF26FHQD";
    static final String KEY = "tewelTrainingFreeConsistentTexttoImage2024";

    @TempDir
    Path dir;

    @BeforeEach
    void copyTheRealLibrary() throws Exception {
        Path real = SharedCorpora.require("zotero-sqlite").resolve("elmoghany-my-zotero-sync");
        Files.copy(real.resolve("zotero.sqlite"), dir.resolve("zotero.sqlite"));
        Files.copy(real.resolve("better-bibtex.sqlite"), dir.resolve("better-bibtex.sqlite"));
        dir.resolve("zotero.sqlite").toFile().setWritable(true);
        dir.resolve("better-bibtex.sqlite").toFile().setWritable(true);
    }

    Connection db() throws SQLException {
        return DriverManager.getConnection(ZoteroSchema.readOnlyUrl(dir.resolve("zotero.sqlite")));
    }

    Connection bbt() throws SQLException {
        return DriverManager.getConnection(ZoteroSchema.readOnlyUrl(dir.resolve("better-bibtex.sqlite")));
    }

    static String one(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                p.setObject(i + 1, args[i]);
            }
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }

    static String field(Connection c, String itemKey, String field) throws SQLException {
        return one(c, "SELECT v.value FROM items i JOIN itemData d USING (itemID) JOIN fieldsCombined f USING (fieldID)"
                + " JOIN itemDataValues v USING (valueID) WHERE i.key = ? AND f.fieldName = ?", itemKey, field);
    }

    @Test
    void anAddedItemIsWhatZoteroWritesAndGetsItsKeyFromBbt() throws Exception {
        ZoteroEdits.Added a;
        try (ZoteroEdits e = ZoteroEdits.open(dir, 1)) {
            Map<String, String> fields = new java.util.LinkedHashMap<>();
            fields.put("title", "A Paper Added While the Server Watched");
            fields.put("date", "2025-03-00 March 2025");
            fields.put("url", "https://example.org/added");
            fields.put("repository", "arXiv"); // a value the library has already: its row is shared
            a = e.addItem(new ZoteroEdits.NewItem("preprint", fields, List.of(Creator.author("Ada", "Lovelace"), Creator.single("The PaperLink Team", "author")),
                    List.of("benchmark")), "lovelacePaperAddedWhile2025");
        }
        try (Connection c = db(); Connection b = bbt()) {
            assertEquals("A Paper Added While the Server Watched", field(c, a.key(), "title"));
            assertEquals("2025-03-00 March 2025", field(c, a.key(), "date"));
            assertTrue(field(c, a.key(), "accessDate").matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d"));
            assertEquals("1", one(c, "SELECT COUNT(*) FROM itemDataValues WHERE value = 'arXiv'"));
            assertEquals("0 0 1", one(c, "SELECT version || ' ' || synced || ' ' || (dateAdded = dateModified AND dateModified = clientDateModified)"
                    + " FROM items WHERE key = ?", a.key()));
            assertEquals("preprint", one(c, "SELECT typeName FROM items JOIN itemTypesCombined USING (itemTypeID) WHERE key = ?", a.key()));
            assertEquals("Ada Lovelace 0;The PaperLink Team 1", one(c, "SELECT group_concat(trim(firstName || ' ' || lastName) || ' ' || fieldMode, ';')"
                    + " FROM (SELECT * FROM itemCreators JOIN creators USING (creatorID) WHERE itemID = ? ORDER BY orderIndex)", a.itemID()));
            assertEquals("benchmark", one(c, "SELECT name FROM itemTags JOIN tags USING (tagID) WHERE itemID = ?", a.itemID()));
            assertEquals("lovelacePaperAddedWhile2025 0", one(b, "SELECT citationKey || ' ' || pinned FROM citationkey WHERE itemKey = ?", a.key()));
            assertEquals(List.of("ok"), List.of(one(c, "PRAGMA integrity_check")));
        }
        assertFalse(Files.exists(dir.resolve("zotero.sqlite-journal")), "no transaction left open");
    }

    @Test
    void aRenameReplacesTheTitleAndMarksTheItemModified() throws Exception {
        String before;
        try (Connection c = db()) {
            before = one(c, "SELECT dateModified FROM items WHERE key = ?", ITEM);
        }
        try (ZoteroEdits e = ZoteroEdits.open(dir)) {
            e.renameTitle(ITEM, "Training-Free Consistent Text-to-Image Generation, Renamed");
            assertEquals("Training-Free Consistent Text-to-Image Generation, Renamed", e.value(ITEM, "title"));
        }
        try (Connection c = db()) {
            assertEquals("Training-Free Consistent Text-to-Image Generation, Renamed", field(c, ITEM, "title"));
            assertNotEquals(before, one(c, "SELECT dateModified FROM items WHERE key = ?", ITEM));
            assertEquals("0 1", one(c, "SELECT synced || ' ' || (clientDateModified = dateModified) FROM items WHERE key = ?", ITEM));
        }
    }

    @Test
    void trashAndRestoreTouchOnlyClientDateModified() throws Exception {
        String modified;
        try (Connection c = db()) {
            modified = one(c, "SELECT dateModified FROM items WHERE key = ?", ITEM);
        }
        try (ZoteroEdits e = ZoteroEdits.open(dir)) {
            e.trash(ITEM);
            try (Connection c = db()) {
                assertEquals("1", one(c, "SELECT COUNT(*) FROM deletedItems JOIN items USING (itemID) WHERE key = ?", ITEM));
                assertEquals(modified, one(c, "SELECT dateModified FROM items WHERE key = ?", ITEM));
                assertNotEquals(modified, one(c, "SELECT clientDateModified FROM items WHERE key = ?", ITEM));
            }
            e.restore(ITEM);
        }
        try (Connection c = db()) {
            assertEquals("0", one(c, "SELECT COUNT(*) FROM deletedItems"));
        }
    }

    @Test
    void erasingDeletesTheItemItsChildrenAndItsKey() throws Exception {
        try (ZoteroEdits e = ZoteroEdits.open(dir)) {
            e.trash(ITEM);
            e.erase(ITEM);
            assertThrows(IllegalArgumentException.class, () -> e.renameTitle(ITEM, "gone"));
        }
        try (Connection c = db(); Connection b = bbt()) {
            assertEquals("0", one(c, "SELECT COUNT(*) FROM items WHERE key IN (?, ?)", ITEM, PDF));
            assertEquals("0", one(c, "SELECT COUNT(*) FROM itemAttachments"));
            assertEquals("0", one(c, "SELECT COUNT(*) FROM itemAnnotations"));
            assertEquals("1", one(c, "SELECT COUNT(*) FROM syncDeleteLog WHERE key = ?", ITEM));
            assertEquals("0", one(b, "SELECT COUNT(*) FROM citationkey"));
        }
    }

    @Test
    void bbtChangesAKeyAndPinsOneTheUserFixed() throws Exception {
        try (ZoteroEdits e = ZoteroEdits.open(dir)) {
            e.setCitationKey(ITEM, "tewel2024consistory");
            try (Connection b = bbt()) {
                assertEquals("tewel2024consistory 0", one(b, "SELECT citationKey || ' ' || pinned FROM citationkey WHERE itemKey = ?", ITEM));
            }
            e.pinCitationKey(ITEM, "consistory");
        }
        try (Connection c = db(); Connection b = bbt()) {
            assertEquals("consistory 1", one(b, "SELECT citationKey || ' ' || pinned FROM citationkey WHERE itemKey = ?", ITEM));
            assertEquals("1", one(b, "SELECT COUNT(*) FROM citationkey"));
            assertEquals("arXiv:2402.03286 [cs]\nCitation Key: consistory", field(c, ITEM, "extra"));
        }
    }

    @Test
    void theRealDatabaseHasTheKeyTheEditorTestsLookFor() throws Exception {
        try (Connection b = bbt(); Connection c = db()) {
            assertEquals(KEY, one(b, "SELECT citationKey FROM citationkey WHERE itemKey = ?", ITEM));
            assertEquals("storage:Tewel et al. - 2024 - Training-Free Consistent Text-to-Image Generation.pdf",
                    one(c, "SELECT path FROM itemAttachments JOIN items USING (itemID) WHERE key = ?", PDF));
        }
    }
}
