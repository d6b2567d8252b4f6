package dev.paperlink.corpus.source.zotero.sqlite;

import dev.paperlink.corpus.testing.SharedCorpora;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.stream.Stream;

/**
 * Writable copies of the real databases of ../shared, and the changes Zotero itself makes to them,
 * as SQL: an item added, a title renamed, an item moved to the trash, a Better BibTeX key changed.
 * Each change updates the item's modification times and version, as Zotero does.
 */
final class ZoteroCopies {
    private static final DateTimeFormatter SQL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static int clock = 0;

    private ZoteroCopies() {
    }

    /** A writable copy of a shared data directory's databases in {@code into}; its zotero.sqlite. */
    static Path copy(String dir, Path into) throws IOException {
        Path from = SharedCorpora.require("zotero-sqlite").resolve(dir);
        Files.createDirectories(into);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".sqlite")).toList()) {
                Path to = into.resolve(f.getFileName().toString());
                Files.copy(f, to);
                to.toFile().setWritable(true);
            }
        }
        return into.resolve("zotero.sqlite");
    }

    static Connection open(Path db) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + db);
    }

    /** A time a second later than the last one given (so every change moves dateModified on). */
    private static String now() {
        return SQL_TIME.format(Instant.parse("2026-12-01T10:00:00Z").plusSeconds(++clock));
    }

    static int itemId(Connection c, String key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT itemID FROM items WHERE key = ?")) {
            s.setString(1, key);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalArgumentException("no item " + key);
                }
                return rs.getInt(1);
            }
        }
    }

    private static int id(Connection c, String sql, String arg) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, arg);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getInt(1) : -1;
            }
        }
    }

    private static int valueId(Connection c, String value) throws SQLException {
        int id = id(c, "SELECT valueID FROM itemDataValues WHERE value = ?", value);
        if (id >= 0) {
            return id;
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO itemDataValues (value) VALUES (?)")) {
            s.setString(1, value);
            s.executeUpdate();
        }
        return id(c, "SELECT valueID FROM itemDataValues WHERE value = ?", value);
    }

    private static void setField(Connection c, int itemId, String field, String value) throws SQLException {
        int fieldId = id(c, "SELECT fieldID FROM fieldsCombined WHERE fieldName = ?", field);
        try (PreparedStatement s = c.prepareStatement("INSERT OR REPLACE INTO itemData (itemID, fieldID, valueID) VALUES (?, ?, ?)")) {
            s.setInt(1, itemId);
            s.setInt(2, fieldId);
            s.setInt(3, valueId(c, value));
            s.executeUpdate();
        }
    }

    private static void touch(Connection c, int itemId) throws SQLException {
        String t = now();
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE items SET dateModified = ?, clientDateModified = ?, version = version + 1, synced = 0 WHERE itemID = ?")) {
            s.setString(1, t);
            s.setString(2, t);
            s.setInt(3, itemId);
            s.executeUpdate();
        }
    }

    /** Adds a journal article with a title, an abstract, a date and one author, as Zotero's "New Item" does. */
    static int addItem(Path db, String key, String title, String abstractText, String last, String first) throws SQLException {
        try (Connection c = open(db)) {
            c.setAutoCommit(false);
            int type = id(c, "SELECT itemTypeID FROM itemTypesCombined WHERE typeName = ?", "journalArticle");
            String t = now();
            try (PreparedStatement s = c.prepareStatement("INSERT INTO items (itemTypeID, dateAdded, dateModified, clientDateModified,"
                    + " libraryID, key, version, synced) VALUES (?, ?, ?, ?, 1, ?, 0, 0)")) {
                s.setInt(1, type);
                s.setString(2, t);
                s.setString(3, t);
                s.setString(4, t);
                s.setString(5, key);
                s.executeUpdate();
            }
            int item = itemId(c, key);
            setField(c, item, "title", title);
            setField(c, item, "abstractNote", abstractText);
            setField(c, item, "date", "2026-11-00 November 2026");
            try (PreparedStatement s = c.prepareStatement("INSERT OR IGNORE INTO creators (firstName, lastName, fieldMode) VALUES (?, ?, 0)")) {
                s.setString(1, first);
                s.setString(2, last);
                s.executeUpdate();
            }
            int creator;
            try (PreparedStatement s = c.prepareStatement("SELECT creatorID FROM creators WHERE firstName = ? AND lastName = ? AND fieldMode = 0")) {
                s.setString(1, first);
                s.setString(2, last);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    creator = rs.getInt(1);
                }
            }
            try (Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO itemCreators (itemID, creatorID, creatorTypeID, orderIndex) VALUES (" + item + ", " + creator
                        + ", (SELECT creatorTypeID FROM creatorTypes WHERE creatorType = 'author'), 0)");
            }
            c.commit();
            return item;
        }
    }

    static void renameTitle(Path db, String key, String title) throws SQLException {
        try (Connection c = open(db)) {
            c.setAutoCommit(false);
            int item = itemId(c, key);
            setField(c, item, "title", title);
            touch(c, item);
            c.commit();
        }
    }

    static void trash(Path db, String key) throws SQLException {
        try (Connection c = open(db)) {
            c.setAutoCommit(false);
            int item = itemId(c, key);
            try (Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO deletedItems (itemID, dateDeleted) VALUES (" + item + ", '" + now() + "')");
            }
            touch(c, item);
            c.commit();
        }
    }

    /** Changes an item's key in better-bibtex.sqlite (the current layout), as "Refresh BibTeX key" or pinning does. */
    static void changeKey(Path dataDir, String itemKey, String citationKey) throws SQLException {
        try (Connection c = open(dataDir.resolve("better-bibtex.sqlite"));
             PreparedStatement s = c.prepareStatement("UPDATE citationkey SET citationKey = ?, pinned = 1 WHERE itemKey = ?")) {
            s.setString(1, citationKey);
            s.setString(2, itemKey);
            if (s.executeUpdate() != 1) {
                throw new IllegalArgumentException("no key for " + itemKey);
            }
        }
    }
}
