package dev.paperlink.server.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paperlink.corpus.testing.SharedCorpora;
import dev.paperlink.server.testing.JsonRpcClient;
import dev.paperlink.server.testing.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14 end to end: the real server over its pipes, its setting {@code zotero} pointing at a
 * writable copy of a real Zotero 7 data directory (zotero.sqlite and Better BibTeX's database,
 * from {@code shared/corpora/zotero-sqlite/elmoghany-my-zotero-sync}). Completion gives the
 * Better BibTeX key, hover the abstract, the PDF and the item in Zotero; then the copy is changed
 * with SQL as Zotero and Better BibTeX change it, and the server's answers follow within seconds,
 * without a restart; turning the setting off drops the library.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ZoteroLiveE2ETest {
    private static final String KEY = "tewelTrainingFreeConsistentTexttoImage2024";
    /** How long a change in Zotero may take to reach the answers: a look each second, 0.3 s of quiet, an index run. */
    private static final int FOLLOW_SECONDS = 15;

    @TempDir
    Path tmp;

    @Test
    void completionHoverAndLinksFollowZotero() throws Exception {
        Path data = copyDataDirectory(tmp.resolve("Zotero"));
        Path pdf = createPdfAttachment(data);
        Path ws = Files.createDirectories(tmp.resolve("notes"));
        String uri = ws.resolve("notes.tex").toUri().toString();
        String text = "\\cite{tewel}\n\\cite{" + KEY + "}\n\\cite{zebra}\n";

        try (ServerProcess server = ServerProcess.start(tmp, "--index-dir", tmp.resolve("index").toString())) {
            JsonRpcClient c = server.client();
            // the settings as VS Code sends them (paperlink.zotero.enabled, .dataDirectory, .libraries, .collections)
            c.request("initialize", initialize(ws, Map.of("zotero",
                    Map.of("enabled", true, "dataDirectory", data.toString(), "libraries", List.of(), "collections", List.of()))));
            c.notify("initialized", Map.of());
            c.notify("textDocument/didOpen", Map.of("textDocument", Map.of("uri", uri, "languageId", "latex", "version", 1, "text", text)));

            // completion of \cite{tewel|} gives the Better BibTeX key
            long ms = within(60, () -> labels(c.request("textDocument/completion", position(uri, 0, 11))).contains(KEY), server);
            System.err.println("zotero e2e: first answer from the database " + ms + " ms after the start");

            // hover: the abstract, the PDF that exists (the HTML snapshot does not: no link), the item in Zotero
            String md = hover(c, uri, 1, 10);
            assertTrue(md.contains("**Training-Free Consistent Text-to-Image Generation**"), md);
            assertTrue(md.contains("> Text-to-image models offer a new level of creative flexibility"), md);
            assertTrue(md.contains("[Open PDF](" + pdf.toUri() + ")"), md);
            assertFalse(md.contains("snapshot"), md);
            assertTrue(md.contains("[Show in Zotero](zotero://select/library/items/8XSB2LMG)"), md);
            JsonNode links = c.request("textDocument/documentLink", Map.of("textDocument", Map.of("uri", uri)));
            assertTrue(links.toString().contains("\"target\":\"https://doi.org/10.48550/arXiv.2402.03286\""), "the DOI first: " + links);

            // Zotero: a new item (and Better BibTeX gives it a key)
            Path db = data.resolve("zotero.sqlite");
            addItem(db, "ZEBRA001", "Zebra Stripes Considered Harmful", "Stripes confuse the flies.", "Caro", "Tim");
            setKey(data, "ZEBRA001", "caro2026zebra", true);
            // ... found by a word of its title, under its key
            report("new item", within(FOLLOW_SECONDS, () -> labels(c.request("textDocument/completion", position(uri, 2, 11))).contains("caro2026zebra"), server));

            // Zotero: a title renamed
            renameTitle(db, "8XSB2LMG", "ConsiStory: Training-Free Consistent Text-to-Image Generation");
            report("renamed title", within(FOLLOW_SECONDS, () -> hover(c, uri, 1, 10).contains("**ConsiStory: Training-Free"), server));

            // Zotero: the new item moved to the trash
            trash(db, "ZEBRA001");
            report("trashed item", within(FOLLOW_SECONDS, () -> !labels(c.request("textDocument/completion", position(uri, 2, 11))).contains("caro2026zebra"), server));

            // Better BibTeX: a key changed (refreshed and pinned)
            setKey(data, "8XSB2LMG", "tewel2024consistory", false);
            report("changed key", within(FOLLOW_SECONDS, () -> {
                List<String> l = labels(c.request("textDocument/completion", position(uri, 0, 11)));
                return l.contains("tewel2024consistory") && !l.contains(KEY);
            }, server));

            // the setting turned off, without a restart: the library leaves the index
            c.notify("workspace/didChangeConfiguration", Map.of("settings", Map.of("paperlink", Map.of("zotero", false))));
            report("setting off", within(FOLLOW_SECONDS, () -> labels(c.request("textDocument/completion", position(uri, 0, 11))).isEmpty(), server));

            assertEquals(List.of(), c.notifications("window/showMessage"), "no warning with a database that is there");
            c.request("shutdown", null);
            c.notify("exit", null);
            assertEquals(0, server.waitFor(20), server.log());
        }
    }

    /** A configured database that is not there: the server starts and answers, warns once (not at every look), and reads it once it appears. */
    @Test
    void aMissingDatabaseIsOneWarningAndIsReadWhenItAppears() throws Exception {
        Path data = tmp.resolve("Zotero-later");
        Path ws = Files.createDirectories(tmp.resolve("notes"));
        Files.writeString(ws.resolve("refs.bib"), "@book{knuth1984, author = {Knuth, Donald E.}, title = {Literate Programming}, year = {1984}}\n");
        String uri = ws.resolve("notes.tex").toUri().toString();
        try (ServerProcess server = ServerProcess.start(tmp, "--index-dir", tmp.resolve("index").toString())) {
            JsonRpcClient c = server.client();
            c.request("initialize", initialize(ws, Map.of("zotero", data.toString()))); // Neovim / Emacs: zotero = "path"
            c.notify("initialized", Map.of());
            c.notify("textDocument/didOpen", Map.of("textDocument", Map.of("uri", uri, "languageId", "latex", "version", 1,
                    "text", "\\cite{knuth}\n\\cite{tewel}\n")));
            within(60, () -> labels(c.request("textDocument/completion", position(uri, 0, 11))).contains("knuth1984"), server);
            JsonNode shown = c.awaitNotification("window/showMessage", m -> m.at("/message").asText().contains("no Zotero database"), 20);
            assertEquals("PaperLink: no Zotero database at " + data.resolve("zotero.sqlite") + " (the configured data directory)."
                    + " PaperLink reads it as soon as it is there; set paperlink.zotero to your Zotero data directory if it is elsewhere.",
                    shown.at("/message").asText());
            assertEquals(2, shown.at("/type").asInt(), "a warning");
            Thread.sleep(3_500); // three more looks
            assertEquals(1, c.notifications("window/showMessage").size(), c.notifications("window/showMessage").toString());
            assertEquals(1, c.notifications("window/logMessage").stream().filter(m -> m.at("/message").asText().contains("no Zotero database")).count());

            copyDataDirectory(data);
            report("database appeared", within(FOLLOW_SECONDS,
                    () -> labels(c.request("textDocument/completion", position(uri, 1, 11))).contains(KEY), server));
            assertEquals(1, c.notifications("window/showMessage").size());
            c.request("shutdown", null);
            c.notify("exit", null);
            assertEquals(0, server.waitFor(20), server.log());
        }
    }

    // ---- the data directory and Zotero's changes, as SQL

    private static Path copyDataDirectory(Path into) throws Exception {
        Path from = SharedCorpora.require("zotero-sqlite/elmoghany-my-zotero-sync");
        Path staging = Files.createDirectories(into.resolveSibling(into.getFileName() + ".staging"));
        for (String name : List.of("better-bibtex.sqlite", "zotero.sqlite")) {
            Path to = staging.resolve(name);
            Files.copy(from.resolve(name), to);
            assertTrue(to.toFile().setWritable(true));
        }
        Files.createDirectories(into);
        for (String name : List.of("better-bibtex.sqlite", "zotero.sqlite")) { // the database last: whole when it appears
            Files.move(staging.resolve(name), into.resolve(name), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        return into;
    }

    /** {@code storage/<attachment key>/<file name>} of the item's PDF attachment (the shared copy has no storage folder). */
    private static Path createPdfAttachment(Path data) throws Exception {
        try (Connection c = open(data.resolve("zotero.sqlite"));
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT i.key, a.path FROM itemAttachments a JOIN items i ON i.itemID = a.itemID"
                     + " WHERE a.contentType = 'application/pdf'")) {
            assertTrue(rs.next(), "a PDF attachment");
            Path pdf = data.resolve("storage").resolve(rs.getString(1)).resolve(rs.getString(2).substring("storage:".length()));
            Files.createDirectories(pdf.getParent());
            Files.writeString(pdf, "%PDF-1.4\n%%EOF\n");
            return pdf;
        }
    }

    private static Connection open(Path db) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + db);
    }

    private static int clock;

    /** A Zotero time, one second later at each change (every change moves dateModified on). */
    private static String now() {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(java.time.ZoneOffset.UTC)
                .format(java.time.Instant.parse("2026-12-02T10:00:00Z").plusSeconds(++clock));
    }

    private static int id(Connection c, String sql, Object arg) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, arg);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getInt(1) : -1;
            }
        }
    }

    private static void update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            s.executeUpdate();
        }
    }

    private static void setField(Connection c, int item, String field, String value) throws SQLException {
        update(c, "INSERT OR IGNORE INTO itemDataValues (value) VALUES (?)", value);
        update(c, "INSERT OR REPLACE INTO itemData (itemID, fieldID, valueID) VALUES (?, ?, ?)", item,
                id(c, "SELECT fieldID FROM fieldsCombined WHERE fieldName = ?", field), id(c, "SELECT valueID FROM itemDataValues WHERE value = ?", value));
    }

    /** The item's modification times and version moved on, as Zotero does at each edit. */
    private static void touch(Connection c, int item) throws SQLException {
        String t = now();
        update(c, "UPDATE items SET dateModified = ?, clientDateModified = ?, version = version + 1, synced = 0 WHERE itemID = ?", t, t, item);
    }

    /** Zotero's "New Item": a journal article in the user library with a title, an abstract, a date and an author. */
    private static void addItem(Path db, String key, String title, String abstractText, String last, String first) throws SQLException {
        try (Connection c = open(db)) {
            c.setAutoCommit(false);
            String t = now();
            update(c, "INSERT INTO items (itemTypeID, dateAdded, dateModified, clientDateModified, libraryID, key, version, synced)"
                    + " VALUES ((SELECT itemTypeID FROM itemTypesCombined WHERE typeName = 'journalArticle'), ?, ?, ?, 1, ?, 0, 0)", t, t, t, key);
            int item = id(c, "SELECT itemID FROM items WHERE key = ?", key);
            setField(c, item, "title", title);
            setField(c, item, "abstractNote", abstractText);
            setField(c, item, "date", "2026-11-00 November 2026");
            update(c, "INSERT OR IGNORE INTO creators (firstName, lastName, fieldMode) VALUES (?, ?, 0)", first, last);
            update(c, "INSERT INTO itemCreators (itemID, creatorID, creatorTypeID, orderIndex) VALUES (?,"
                    + " (SELECT creatorID FROM creators WHERE firstName = ? AND lastName = ? AND fieldMode = 0),"
                    + " (SELECT creatorTypeID FROM creatorTypes WHERE creatorType = 'author'), 0)", item, first, last);
            update(c, "UPDATE libraries SET version = version + 1 WHERE libraryID = 1");
            c.commit();
        }
    }

    private static void renameTitle(Path db, String key, String title) throws SQLException {
        try (Connection c = open(db)) {
            c.setAutoCommit(false);
            int item = id(c, "SELECT itemID FROM items WHERE key = ?", key);
            setField(c, item, "title", title);
            touch(c, item);
            c.commit();
        }
    }

    private static void trash(Path db, String key) throws SQLException {
        try (Connection c = open(db)) {
            c.setAutoCommit(false);
            int item = id(c, "SELECT itemID FROM items WHERE key = ?", key);
            update(c, "INSERT INTO deletedItems (itemID, dateDeleted) VALUES (?, ?)", item, now());
            touch(c, item);
            c.commit();
        }
    }

    /** Better BibTeX's key of an item (its table citationkey, BBT 7): a new row for a new item, else the key refreshed and pinned. */
    private static void setKey(Path data, String itemKey, String citationKey, boolean newItem) throws SQLException {
        int itemId;
        try (Connection z = open(data.resolve("zotero.sqlite"))) {
            itemId = id(z, "SELECT itemID FROM items WHERE key = ?", itemKey);
        }
        try (Connection c = open(data.resolve("better-bibtex.sqlite"))) {
            if (newItem) {
                update(c, "INSERT INTO citationkey (itemID, itemKey, libraryID, citationKey, pinned) VALUES (?, ?, 1, ?, 0)", itemId, itemKey, citationKey);
            } else {
                update(c, "UPDATE citationkey SET citationKey = ?, pinned = 1 WHERE itemKey = ?", citationKey, itemKey);
            }
        }
    }

    // ---- the protocol

    private static Map<String, Object> initialize(Path ws, Map<String, Object> options) {
        return Map.of("processId", ProcessHandle.current().pid(),
                "rootUri", ws.toUri().toString(),
                "workspaceFolders", List.of(Map.of("uri", ws.toUri().toString(), "name", "notes")),
                "initializationOptions", options,
                "capabilities", Map.of("window", Map.of("workDoneProgress", true)));
    }

    private static Map<String, Object> position(String uri, int line, int character) {
        return Map.of("textDocument", Map.of("uri", uri), "position", Map.of("line", line, "character", character));
    }

    private static String hover(JsonRpcClient c, String uri, int line, int character) {
        return c.request("textDocument/hover", position(uri, line, character)).at("/contents/value").asText();
    }

    private static List<String> labels(JsonNode completion) {
        List<String> out = new ArrayList<>();
        JsonNode items = completion.has("items") ? completion.get("items") : completion;
        items.forEach(i -> out.add(i.get("label").asText()));
        return out;
    }

    /** Waits until {@code ok}, asking every 0.2 s; the milliseconds it took. */
    private static long within(int seconds, Supplier<Boolean> ok, ServerProcess server) throws InterruptedException {
        long t0 = System.nanoTime();
        long end = t0 + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            if (ok.get()) {
                return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not within " + seconds + " s; the server's log:\n" + server.log());
    }

    private static void report(String what, long ms) {
        System.err.println("zotero e2e: " + what + " answered after " + ms + " ms");
    }
}
