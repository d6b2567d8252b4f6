package dev.paperlink.cli.bench.zotero;

import dev.paperlink.corpus.testing.SharedCorpora;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.paperlink.corpus.Corpus;
import dev.paperlink.corpus.IndexListener;
import dev.paperlink.corpus.IndexReport;
import dev.paperlink.corpus.model.Paper;
import dev.paperlink.corpus.model.ZoteroItem;
import dev.paperlink.corpus.source.Skip;
import dev.paperlink.corpus.source.zotero.sqlite.ZoteroDatabase;
import dev.paperlink.corpus.source.zotero.sqlite.ZoteroSelection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The generated library is a Zotero 7 database with the counts its summary gives, checked with SQL
 * (the reader of {@code SourceFormat.ZOTERO_SQLITE} has its own test on it), and the same seed
 * makes the same library.
 */
class ZoteroLibraryTest {
    static final int N = 600;
    @TempDir
    static Path tmp;
    static Path corpora;
    static Path template;
    static ContentPool pool;
    static ZoteroLibrary.Summary summary;

    @BeforeAll
    static void generate() throws Exception {
        corpora = SharedCorpora.require("zotero-sqlite").getParent();
        SharedCorpora.require("acl-anthology");
        SharedCorpora.require("acm-cr-dev");
        SharedCorpora.require("arxiv-metadata");
        template = corpora.resolve("zotero-sqlite/elmoghany-my-zotero-sync");
        pool = ContentPool.sample(corpora, ZoteroLibrary.needs(N), 7);
        summary = generate(tmp.resolve("lib"), ZoteroLibrary.Options.of(N, 7));
    }

    static ZoteroLibrary.Summary generate(Path dir, ZoteroLibrary.Options o) throws Exception {
        return ZoteroLibrary.generate(dir, template.resolve("zotero.sqlite"), template.resolve("better-bibtex.sqlite"), pool, o);
    }

    static Connection open(Path db) throws SQLException {
        return DriverManager.getConnection(ZoteroSchema.readOnlyUrl(db));
    }

    static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            return r.next() ? r.getLong(1) : -1;
        }
    }

    static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                out.add(r.getString(1));
            }
        }
        return out;
    }

    static final String REGULAR = "SELECT i.itemID FROM items i JOIN itemTypesCombined t USING (itemTypeID)"
            + " WHERE t.typeName NOT IN ('attachment', 'note', 'annotation')";

    @Test
    void isAZotero7DatabaseWithTheTemplatesSchemaAndNoneOfItsUserData() throws Exception {
        try (Connection c = open(summary.database()); Connection t = open(template.resolve("zotero.sqlite"))) {
            assertEquals(123, count(c, "SELECT version FROM version WHERE schema = 'userdata'"));
            assertEquals(strings(t, "SELECT type || ' ' || name FROM sqlite_master ORDER BY 1"),
                    strings(c, "SELECT type || ' ' || name FROM sqlite_master ORDER BY 1"));
            assertEquals(List.of("ok"), strings(c, "PRAGMA integrity_check"));
            assertEquals(List.of(), strings(c, "PRAGMA foreign_key_check"));
            assertEquals(count(t, "SELECT COUNT(*) FROM itemTypeFields"), count(c, "SELECT COUNT(*) FROM itemTypeFields"));
            assertEquals(0, count(c, "SELECT COUNT(*) FROM settings WHERE setting = 'account'"));
            assertEquals(List.of("1 user"), strings(c, "SELECT libraryID || ' ' || type FROM libraries"));
            assertEquals("delete", strings(c, "PRAGMA journal_mode").get(0));
        }
        try (Connection b = open(summary.betterBibtex())) {
            assertEquals(List.of("citationkey"), strings(b, "SELECT name FROM sqlite_master WHERE type = 'table'"));
        }
    }

    @Test
    void theDatabaseHoldsWhatTheSummarySays() throws Exception {
        assertEquals(N, summary.regular());
        assertEquals(N, summary.items().size());
        try (Connection c = open(summary.database())) {
            assertEquals(summary.regular(), count(c, "SELECT COUNT(*) FROM (" + REGULAR + ")"));
            assertEquals(summary.trashed(), count(c, "SELECT COUNT(*) FROM deletedItems WHERE itemID IN (" + REGULAR + ")"));
            assertEquals(summary.items().stream().filter(ZoteroLibrary.Item::trashed).count(), summary.trashed());
            Map<String, Integer> byType = new HashMap<>();
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT t.typeName, COUNT(*) FROM items JOIN itemTypesCombined t"
                    + " USING (itemTypeID) WHERE t.typeName NOT IN ('attachment', 'note', 'annotation') GROUP BY 1")) {
                while (r.next()) {
                    byType.put(r.getString(1), r.getInt(2));
                }
            }
            assertEquals(summary.byType(), byType);
            assertEquals(summary.attachments(), count(c, "SELECT COUNT(*) FROM itemAttachments"));
            assertEquals(summary.storedAttachments(), count(c, "SELECT COUNT(*) FROM itemAttachments WHERE path LIKE 'storage:%'"));
            assertEquals(summary.standaloneAttachments(), count(c, "SELECT COUNT(*) FROM itemAttachments WHERE parentItemID IS NULL"));
            assertEquals(summary.notes(), count(c, "SELECT COUNT(*) FROM itemNotes"));
            assertEquals(summary.standaloneNotes(), count(c, "SELECT COUNT(*) FROM itemNotes WHERE parentItemID IS NULL"));
            assertEquals(summary.annotations(), count(c, "SELECT COUNT(*) FROM itemAnnotations"));
            assertEquals(summary.collections(), count(c, "SELECT COUNT(*) FROM collections"));
            assertEquals(summary.subCollections(), count(c, "SELECT COUNT(*) FROM collections WHERE parentCollectionID IS NOT NULL"));
            assertEquals(summary.creators(), count(c, "SELECT COUNT(*) FROM creators"));
            assertEquals(summary.tags(), count(c, "SELECT COUNT(*) FROM tags"));
            assertEquals(summary.withAbstract(), count(c, "SELECT COUNT(*) FROM itemData JOIN fieldsCombined USING (fieldID) WHERE fieldName = 'abstractNote'"));
            assertEquals(summary.doiInField(), count(c, "SELECT COUNT(*) FROM itemData JOIN fieldsCombined USING (fieldID) WHERE fieldName = 'DOI'"));
            assertEquals(summary.doiInExtra(), count(c, "SELECT COUNT(*) FROM itemData d JOIN fieldsCombined USING (fieldID)"
                    + " JOIN itemDataValues USING (valueID) WHERE fieldName = 'extra' AND value LIKE 'DOI: 10.%'"));
            assertEquals(summary.keysInExtra(), count(c, "SELECT COUNT(*) FROM itemData d JOIN fieldsCombined USING (fieldID)"
                    + " JOIN itemDataValues USING (valueID) WHERE fieldName = 'extra' AND value LIKE '%Citation Key: %'"));
            // every regular item has a title; no child item is in a collection (Zotero's trigger, dropped while writing)
            assertEquals(N, count(c, "SELECT COUNT(*) FROM itemData JOIN fieldsCombined USING (fieldID) WHERE fieldName = 'title'"
                    + " AND itemID IN (" + REGULAR + ")"));
            assertEquals(0, count(c, "SELECT COUNT(*) FROM collectionItems WHERE itemID IN (SELECT itemID FROM itemAttachments"
                    + " WHERE parentItemID IS NOT NULL UNION SELECT itemID FROM itemNotes WHERE parentItemID IS NOT NULL)"));
            assertEquals(2, count(c, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'collectionItems' AND name LIKE 'fki_%'"));
        }
        try (Connection b = open(summary.betterBibtex())) {
            assertEquals(summary.bbtKeys(), count(b, "SELECT COUNT(*) FROM citationkey"));
            assertEquals(summary.pinnedKeys(), count(b, "SELECT COUNT(*) FROM citationkey WHERE pinned = 1"));
            assertEquals(summary.bbtKeys(), count(b, "SELECT COUNT(DISTINCT lower(citationKey)) FROM citationkey"));
        }
        assertEquals(summary.bbtKeys(), summary.items().stream().filter(i -> !i.citationKey().isEmpty()).count());
    }

    @Test
    void shapesFollowTheRealLibraries() throws Exception {
        // the mix: conference papers and journal articles lead, every type of the mix is there
        assertTrue(summary.byType().get("conferencePaper") > N / 3, summary.byType().toString());
        assertTrue(summary.byType().get("journalArticle") > N / 4, summary.byType().toString());
        for (String t : List.of("book", "bookSection", "preprint", "thesis", "report", "webpage", "document")) {
            assertTrue(summary.byType().getOrDefault(t, 0) > 0, t);
        }
        assertTrue(summary.trashed() > 0);
        assertTrue(summary.singleFieldCreators() > 0);
        assertTrue(summary.doiInField() > summary.doiInExtra() && summary.doiInExtra() > 0);
        assertTrue(summary.subCollections() > 0 && summary.itemsInCollections() > N / 2);
        assertTrue(summary.bbtKeys() > N * 9 / 10 && summary.bbtKeys() < N, "most items have a BBT key, not all: " + summary.bbtKeys());
        assertTrue(summary.notes() > 0 && summary.annotations() > 0 && summary.missingFiles() > 0);
        assertEquals(0, summary.fulltextItems(), "no full-text index unless asked for");
        try (Connection c = open(summary.database())) {
            List<String> dates = strings(c, "SELECT value FROM itemData JOIN fieldsCombined USING (fieldID) JOIN itemDataValues USING (valueID)"
                    + " WHERE fieldName = 'date'");
            assertEquals(N, dates.size());
            for (String d : dates) {
                assertTrue(d.matches("\\d{4}-\\d{2}-\\d{2} \\S.*"), d);
            }
            assertTrue(dates.stream().anyMatch(d -> d.matches("\\d{4}-\\d{2}-00 .*")), "some dates have a month and no day");
            assertTrue(dates.stream().anyMatch(d -> d.matches("\\d{4}-00-00 \\d{4}")), "some dates are a year");
            // the arXiv items: archive id, the 10.48550 DOI, the translator's extra line
            assertTrue(count(c, "SELECT COUNT(*) FROM itemDataValues WHERE value LIKE '10.48550/arXiv.%'") > 0);
            assertTrue(count(c, "SELECT COUNT(*) FROM itemDataValues WHERE value LIKE 'arXiv:%'") > 0);
            assertTrue(count(c, "SELECT COUNT(*) FROM creators WHERE fieldMode = 1 AND firstName = ''") > 0);
            assertTrue(count(c, "SELECT COUNT(*) FROM itemCreators JOIN creatorTypes USING (creatorTypeID) WHERE creatorType = 'editor'") > 0);
            assertTrue(count(c, "SELECT COUNT(*) FROM itemAttachments WHERE linkMode = 2 AND path LIKE '/%'") > 0);
            assertEquals(0, count(c, "SELECT COUNT(*) FROM items WHERE key NOT GLOB '[23456789ABCDEFGHIJKLMNPQRSTUVWXYZ][23456789ABCDEFGHIJKLMNPQRSTUVWXYZ]"
                    + "[23456789ABCDEFGHIJKLMNPQRSTUVWXYZ][23456789ABCDEFGHIJKLMNPQRSTUVWXYZ][23456789ABCDEFGHIJKLMNPQRSTUVWXYZ]"
                    + "[23456789ABCDEFGHIJKLMNPQRSTUVWXYZ][23456789ABCDEFGHIJKLMNPQRSTUVWXYZ][23456789ABCDEFGHIJKLMNPQRSTUVWXYZ]'"));
            assertEquals(0, count(c, "SELECT COUNT(*) FROM items WHERE dateModified < dateAdded OR clientDateModified <> dateModified"));
        }
    }

    @Test
    void storedAttachmentsLieAtStorageKeyFilename() throws Exception {
        int found = 0;
        try (Connection c = open(summary.database()); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT i.key, a.path FROM itemAttachments a JOIN items i USING (itemID) WHERE a.path LIKE 'storage:%'")) {
            while (r.next()) {
                Path f = summary.dataDir().resolve("storage").resolve(r.getString(1)).resolve(r.getString(2).substring("storage:".length()));
                found += Files.isRegularFile(f) ? 1 : 0;
            }
        }
        assertEquals(summary.files(), found);
        assertEquals(summary.storedAttachments(), summary.files() + summary.missingFiles());
        List<ZoteroLibrary.Item> withPdf = summary.items().stream().filter(i -> !i.pdf().isEmpty()).toList();
        assertTrue(withPdf.size() > N / 2, "most items have a PDF: " + withPdf.size());
        for (ZoteroLibrary.Item i : withPdf) {
            Path f = summary.dataDir().resolve(i.pdf());
            assertTrue(Files.isRegularFile(f), i.pdf());
            assertTrue(new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1).startsWith("%PDF-"));
        }
    }

    @Test
    void citationKeysAreBetterBibtexsAndPointAtTheirItems() throws Exception {
        assertEquals("tewelTrainingFreeConsistentTexttoImage2024",
                Keys.betterBibtexKey("Tewel", "Training-Free Consistent Text-to-Image Generation", "2024"));
        assertEquals("vaswaniAttentionAllYou2017", Keys.betterBibtexKey("Vaswani", "Attention Is All You Need", "2017"));
        assertEquals("mullerUberSprache2020", Keys.betterBibtexKey("Müller", "Über die Sprache", "2020"));
        assertEquals(List.of("k", "ka", "kz", "kaa"), List.of(Keys.postfix("k", 0), Keys.postfix("k", 1), Keys.postfix("k", 26), Keys.postfix("k", 27)));
        Map<Integer, String> keyOf = new HashMap<>();
        try (Connection c = open(summary.database()); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT itemID, key FROM items")) {
            while (r.next()) {
                keyOf.put(r.getInt(1), r.getString(2));
            }
        }
        Map<String, ZoteroLibrary.Item> byKey = new HashMap<>();
        summary.items().forEach(i -> byKey.put(i.key(), i));
        try (Connection b = open(summary.betterBibtex()); Statement s = b.createStatement();
             ResultSet r = s.executeQuery("SELECT itemID, itemKey, libraryID, citationKey, pinned FROM citationkey")) {
            while (r.next()) {
                assertEquals(keyOf.get(r.getInt(1)), r.getString(2));
                assertEquals(1, r.getInt(3));
                ZoteroLibrary.Item item = byKey.get(r.getString(2));
                assertEquals(item.citationKey(), r.getString(4));
                assertEquals(item.pinned(), r.getInt(5) == 1);
            }
        }
        Set<String> lower = new HashSet<>();
        for (ZoteroLibrary.Item i : summary.items()) {
            if (!i.citationKey().isEmpty()) {
                assertTrue(lower.add(i.citationKey().toLowerCase(Locale.ROOT)), i.citationKey());
                if (!i.pinned()) {
                    assertTrue(i.citationKey().endsWith(i.year()) || i.citationKey().matches(".*" + i.year() + "[a-z]+"), i.citationKey());
                }
            }
        }
    }

    @Test
    void theSameSeedMakesTheSameLibraryAndAnotherSeedAnother() throws Exception {
        ZoteroLibrary.Summary again = generate(tmp.resolve("again"), ZoteroLibrary.Options.of(N, 7));
        assertEquals(summary.items(), again.items());
        assertEquals(summary.byType(), again.byType());
        ZoteroLibrary.Summary other = generate(tmp.resolve("other"), ZoteroLibrary.Options.of(N, 8));
        assertNotEquals(summary.items().stream().map(ZoteroLibrary.Item::key).toList(), other.items().stream().map(ZoteroLibrary.Item::key).toList());
        assertFalse(Files.exists(tmp.resolve("again/zotero.sqlite-journal")));
    }

    @Test
    void theFullTextIndexHoldsTheWordsOfEveryPdfWritten() throws Exception {
        ZoteroLibrary.Summary s = generate(tmp.resolve("fulltext"), ZoteroLibrary.Options.of(80, 3).withFulltext(true));
        try (Connection c = open(s.database())) {
            assertEquals(s.fulltextItems(), count(c, "SELECT COUNT(*) FROM fulltextItems"));
            assertEquals(s.fulltextWords(), count(c, "SELECT COUNT(*) FROM fulltextItemWords"));
            assertTrue(s.fulltextWords() >= 300L * s.fulltextItems());
            assertEquals(1, count(c, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'fulltextItemWords_itemID'"));
            assertEquals(0, count(c, "SELECT COUNT(*) FROM fulltextItemWords WHERE wordID NOT IN (SELECT wordID FROM fulltextWords)"));
            assertEquals(List.of("ok"), strings(c, "PRAGMA integrity_check"));
        }
    }

    @Test
    void theProjectsReaderGivesEveryLiveItemWithItsKeyTitleAndPdf() throws Exception {
        dev.paperlink.corpus.testing.CollectingSink sink = new dev.paperlink.corpus.testing.CollectingSink();
        List<Paper> papers = sink.papers;
        List<Skip> skips = sink.skips;
        try (ZoteroDatabase db = ZoteroDatabase.open(summary.database(), "zotero.sqlite", ZoteroSelection.ALL, java.util.Optional.empty())) {
            assertEquals(123, db.schemaVersion());
            assertEquals("citationkey", db.keyLayout());
            assertEquals(summary.live(), db.revisions().size());
            db.read(id -> true, sink);
            assertEquals(List.of(), db.notes());
        }
        assertEquals(List.of(), skips);
        assertEquals(summary.live(), papers.size());
        Map<String, ZoteroLibrary.Item> byKey = new HashMap<>();
        summary.items().forEach(i -> byKey.put(i.key(), i));
        for (Paper p : papers) {
            ZoteroLibrary.Item i = byKey.get(p.raw().get(ZoteroItem.ITEM_KEY));
            assertFalse(i.trashed(), i.key());
            // titles keep Zotero's rich-text markup (<i>k</i>-Means) as the ACM records have it; papers show the text
            assertEquals(i.title().replaceAll("</?(i|b|sub|sup|span)( [^>]*)?>", ""), p.title());
            assertEquals(i.year(), p.year(), i.key());
            if (!i.citationKey().isEmpty()) {
                assertEquals(i.citationKey(), p.key(), i.key());
            }
            if (!i.pdf().isEmpty()) {
                assertEquals(summary.dataDir().resolve(i.pdf()).toAbsolutePath().toString(), p.files().get(0), i.key());
            }
            if (!i.doi().isEmpty()) {
                assertEquals(i.doi().toLowerCase(Locale.ROOT), p.doi().toLowerCase(Locale.ROOT), i.key());
            }
            assertEquals("zotero://select/library/items/" + i.key(), p.raw().get(ZoteroItem.SELECT));
        }
    }

    @Test
    void theIndexHoldsOnePaperPerLiveItemAndAnEditIsReadAlone() throws Exception {
        Path lib = tmp.resolve("indexed");
        ZoteroLibrary.Summary s = generate(lib, ZoteroLibrary.Options.of(300, 11));
        try (Corpus c = Corpus.open(tmp.resolve("index"))) {
            IndexReport first = c.index(List.of(s.database()), IndexListener.NONE);
            assertEquals(List.of(), first.skips());
            assertEquals(s.live(), first.papers());
            ZoteroLibrary.Item renamed = s.liveItems().get(5);
            try (ZoteroEdits e = ZoteroEdits.open(lib, 1)) {
                e.addItem(ZoteroEdits.NewItem.article("A Fresh Title Nobody Has Written Before", Creator.author("Grace", "Hopper"), "2026"),
                        "hopperFreshTitleNobody2026");
                e.renameTitle(renamed.key(), "A Renamed Title Nobody Has Written Before");
            }
            IndexReport second = c.index(List.of(s.database()), IndexListener.NONE);
            assertEquals(2, second.recordsRead(), "only the new and the renamed item are read again");
            assertEquals(s.live() + 1, second.papers());
            assertEquals("A Fresh Title Nobody Has Written Before", c.byKey("hopperFreshTitleNobody2026").orElseThrow().title());
            if (!renamed.citationKey().isEmpty()) {
                assertEquals("A Renamed Title Nobody Has Written Before", c.byKey(renamed.citationKey()).orElseThrow().title());
            }
        }
    }
}
