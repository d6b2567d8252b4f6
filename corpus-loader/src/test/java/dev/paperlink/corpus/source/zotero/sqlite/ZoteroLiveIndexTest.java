package dev.paperlink.corpus.source.zotero.sqlite;

import dev.paperlink.corpus.Corpus;
import dev.paperlink.corpus.IndexListener;
import dev.paperlink.corpus.IndexReport;
import dev.paperlink.corpus.model.Hit;
import dev.paperlink.corpus.model.Paper;
import dev.paperlink.corpus.source.ReaderOptions;
import dev.paperlink.corpus.source.Skip;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A copy of a real database changed with SQL as Zotero changes it, indexed again: only the changed
 * items are read, and the index answers with the change (an item added, a title renamed, an item
 * trashed, a Better BibTeX key changed). Also: a database held in an exclusive transaction is still
 * read; a broken or foreign database is a skip that keeps what was indexed.
 */
class ZoteroLiveIndexTest {
    private static final String BBT_KEY = "tewelTrainingFreeConsistentTexttoImage2024";

    @TempDir
    Path tmp;

    /** What the listener heard of each refresh. */
    private final List<int[]> refreshes = new ArrayList<>();
    private final List<Skip> skips = new ArrayList<>();
    private final IndexListener listener = new IndexListener() {
        @Override
        public void refreshed(String file, int removed, int read, int unchanged) {
            refreshes.add(new int[] {removed, read, unchanged});
        }

        @Override
        public void skipped(Skip skip) {
            skips.add(skip);
        }
    };

    @Test
    void changesMadeInZoteroReachTheIndexItemByItem() throws Exception {
        Path db = ZoteroCopies.copy("hsteinshiromoto-bibliography", tmp.resolve("Zotero"));
        try (Corpus corpus = Corpus.open(tmp.resolve("index"))) {
            IndexReport first = corpus.index(List.of(db), listener);
            assertEquals(38, first.recordsRead());
            assertTrue(refreshes.isEmpty(), "the first run reads the database whole");

            IndexReport nothing = corpus.index(List.of(db), listener);
            assertEquals(0, nothing.sourcesRead(), "an unchanged database is not read");

            ZoteroCopies.addItem(db, "NEWITEM1", "Zygomorphic lattices for citation graphs", "We study zygomorphic lattices.",
                    "Quimby", "Ada");
            corpus.index(List.of(db), listener);
            assertEquals(List.of(0, 1, 38), last(), "one item read, the others left as they were");
            Paper added = only(corpus.completeTitle("Zygomorphic lattices", 5));
            assertEquals("We study zygomorphic lattices.", added.abstractText());
            assertEquals("2026-11", added.date());

            String renamedKey = added.raw().get(dev.paperlink.corpus.model.ZoteroItem.ITEM_KEY);
            ZoteroCopies.renameTitle(db, renamedKey, "Xenial lattices for citation graphs");
            corpus.index(List.of(db), listener);
            assertEquals(List.of(1, 1, 38), last());
            assertTrue(corpus.completeTitle("Zygomorphic lattices", 5).stream().noneMatch(h -> h.paper().title().startsWith("Zygomorphic")),
                    "the old title is gone");
            assertEquals(1, corpus.stats().papers() - 38, "the renamed item is one paper, not two");
            assertEquals(added.doi(), only(corpus.completeTitle("Xenial lattices", 5)).doi());

            ZoteroCopies.trash(db, renamedKey);
            corpus.index(List.of(db), listener);
            assertEquals(List.of(1, 0, 38), last());
            assertTrue(corpus.completeTitle("Xenial lattices", 5).isEmpty(), "an item in the trash is gone");
            assertEquals(38, corpus.stats().papers());
        }
    }

    @Test
    void aBetterBibtexKeyChangeIsTheKeyCompleted() throws Exception {
        Path db = ZoteroCopies.copy("elmoghany-my-zotero-sync", tmp.resolve("Zotero"));
        try (Corpus corpus = Corpus.open(tmp.resolve("index"))) {
            corpus.index(List.of(db), listener);
            Paper p = corpus.byKey(BBT_KEY).orElseThrow();
            assertEquals("Training-Free Consistent Text-to-Image Generation", p.title());
            assertFalse(p.abstractText().isEmpty());
            assertEquals("zotero://select/library/items/8XSB2LMG", dev.paperlink.corpus.model.ZoteroItem.selectUri(p).orElseThrow());
            assertTrue(p.files().stream().anyMatch(f -> f.endsWith(".pdf") && f.contains("/storage/")), p.files().toString());

            ZoteroCopies.changeKey(db.getParent(), "8XSB2LMG", "tewel2024consistory");
            corpus.index(List.of(db), listener);
            assertEquals(List.of(1, 1, 0), last());
            assertTrue(corpus.byKey(BBT_KEY).isEmpty(), "the old key is gone");
            assertEquals(p.title(), corpus.byKey("tewel2024consistory").orElseThrow().title());
            assertEquals("tewel2024consistory", corpus.completeKey("tewel", 5).get(0).paper().key());
        }
    }

    @Test
    void aDatabaseHeldInAnExclusiveTransactionIsStillRead() throws Exception {
        Path db = ZoteroCopies.copy("elmoghany-my-zotero-sync", tmp.resolve("Zotero"));
        try (Connection zotero = ZoteroCopies.open(db); Corpus corpus = Corpus.open(tmp.resolve("index"))) {
            zotero.setAutoCommit(false);
            try (Statement s = zotero.createStatement()) {
                s.execute("PRAGMA locking_mode = EXCLUSIVE");
                s.executeUpdate("UPDATE items SET version = version + 1"); // takes the write lock, holds it: a -journal beside the file
            }
            corpus.index(List.of(db), listener);
            assertTrue(corpus.byKey(BBT_KEY).isPresent(), "read while Zotero holds its lock");
            assertTrue(skips.isEmpty(), skips.toString());
            zotero.rollback();
        }
        try (var files = Files.list(db.getParent())) {
            assertEquals(List.of("better-bibtex.sqlite", "zotero.sqlite"),
                    files.map(f -> f.getFileName().toString()).sorted().toList(), "nothing left beside the database");
        }
    }

    @Test
    void aBrokenDatabaseIsASkipAndWhatWasIndexedStays() throws Exception {
        Path db = ZoteroCopies.copy("elmoghany-my-zotero-sync", tmp.resolve("Zotero"));
        try (Corpus corpus = Corpus.open(tmp.resolve("index"))) {
            corpus.index(List.of(db), listener);
            byte[] bytes = Files.readAllBytes(db);
            for (int i = 100; i < bytes.length; i += 7) {
                bytes[i] = (byte) (bytes[i] ^ 0x5a);
            }
            Files.write(db, bytes);
            corpus.index(List.of(db), listener);
            assertEquals(1, skips.size(), skips.toString());
            assertTrue(skips.get(0).message().contains("cannot be read") || skips.get(0).message().contains("not a Zotero"),
                    skips.get(0).toString());
            assertTrue(corpus.byKey(BBT_KEY).isPresent(), "the indexed item stays");
        }
    }

    @Test
    void aFileThatIsNoZoteroDatabaseIsSkippedWithWhy() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("other"));
        Path text = Files.writeString(dir.resolve("zotero.sqlite"), "not a database at all\n");
        try (Corpus corpus = Corpus.open(tmp.resolve("index"))) {
            corpus.index(List.of(text), listener);
            assertEquals("not an SQLite database (it does not start with \"SQLite format 3\")", skips.get(0).message());
            Path foreign = dir.resolve("x").resolve("zotero.sqlite");
            Files.createDirectories(foreign.getParent());
            try (Connection c = ZoteroCopies.open(foreign); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)");
            }
            skips.clear();
            corpus.index(List.of(foreign), listener);
            assertEquals(foreign + ":0: no items table: not a Zotero database", skips.get(0).file() + ":" + skips.get(0).line() + ": "
                    + skips.get(0).message());
        }
    }

    @Test
    void theSelectionLimitsWhatIsIndexed() throws Exception {
        Path db = ZoteroCopies.copy("ganeshbelgur-zotero-sync", tmp.resolve("Zotero"));
        try (Corpus corpus = Corpus.open(tmp.resolve("index"))) {
            corpus.useReaderOptions(new ReaderOptions(new ZoteroSelection(List.of(), List.of("PBRT"))));
            corpus.index(List.of(db), listener);
            long inPbrt = corpus.stats().papers();
            assertTrue(inPbrt > 0 && inPbrt < 100, "PBRT and its sub-collections: " + inPbrt);
            corpus.useReaderOptions(ReaderOptions.DEFAULT);
            corpus.index(List.of(db), listener);
            assertEquals(100, corpus.stats().papers(), "a changed selection reads the database again");
            corpus.useReaderOptions(new ReaderOptions(new ZoteroSelection(List.of("Lab group"), List.of())));
            corpus.index(List.of(db), listener);
            assertEquals(0, corpus.stats().papers());
            assertTrue(skips.stream().anyMatch(s -> s.message().contains("library \"Lab group\"")), skips.toString());
        }
    }

    @Test
    void groupLibrariesAreReadEachByItsName() throws Exception {
        Path db = ZoteroCopies.copy("hsteinshiromoto-bibliography", tmp.resolve("Zotero"));
        String moved;
        try (Connection c = ZoteroCopies.open(db); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO libraries (libraryID, type, editable, filesEditable, version, storageVersion, lastSync)"
                    + " VALUES (7, 'group', 1, 1, 0, 0, 0)");
            s.executeUpdate("INSERT INTO groups (groupID, libraryID, name, description, version) VALUES (4711, 7, 'Lab group', '', 0)");
            try (var rs = s.executeQuery("SELECT i.key FROM items i JOIN itemData d ON d.itemID = i.itemID"
                    + " JOIN fieldsCombined f ON f.fieldID = d.fieldID AND f.fieldName = 'title'"
                    + " WHERE i.itemID NOT IN (SELECT itemID FROM deletedItems) ORDER BY i.itemID LIMIT 1")) {
                rs.next();
                moved = rs.getString(1);
            }
            s.executeUpdate("UPDATE items SET libraryID = 7 WHERE key = '" + moved + "'");
        }
        try (Corpus corpus = Corpus.open(tmp.resolve("index"))) {
            corpus.useReaderOptions(new ReaderOptions(new ZoteroSelection(List.of("lab group"), List.of())));
            corpus.index(List.of(db), listener);
            assertEquals(1, corpus.stats().papers());
            Paper p = corpus.sample(1, 1).get(0);
            assertEquals("Lab group", p.raw().get(dev.paperlink.corpus.model.ZoteroItem.LIBRARY));
            assertEquals("zotero://select/groups/4711/items/" + moved, dev.paperlink.corpus.model.ZoteroItem.selectUri(p).orElseThrow());
            corpus.useReaderOptions(new ReaderOptions(new ZoteroSelection(List.of("My Library"), List.of())));
            corpus.index(List.of(db), listener);
            assertEquals(37, corpus.stats().papers(), "the user library without the group's item");
        }
    }

    @Test
    void aNewerSchemaIsReadAsFarAsItCanBeAndSaysWhichVersionItMet() throws Exception {
        Path db = ZoteroCopies.copy("elmoghany-my-zotero-sync", tmp.resolve("Zotero"));
        try (Connection c = ZoteroCopies.open(db); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE version SET version = 140 WHERE schema = 'userdata'");
            s.executeUpdate("ALTER TABLE items ADD COLUMN clientVersion INT"); // as 129 added; a reader must not need it
        }
        try (Corpus corpus = Corpus.open(tmp.resolve("index"))) {
            corpus.index(List.of(db), listener);
            assertTrue(corpus.byKey(BBT_KEY).isPresent());
            assertEquals(List.of("Zotero database schema 140 is newer than the newest PaperLink knows (129): read what it could"),
                    skips.stream().map(Skip::message).toList());
        }
    }

    private List<Integer> last() {
        int[] r = refreshes.get(refreshes.size() - 1);
        return List.of(r[0], r[1], r[2]);
    }

    private static Paper only(List<Hit> hits) {
        assertEquals(1, hits.size(), hits.toString());
        return hits.get(0).paper();
    }
}
