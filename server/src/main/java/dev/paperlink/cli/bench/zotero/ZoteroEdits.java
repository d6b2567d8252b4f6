package dev.paperlink.cli.bench.zotero;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The changes Zotero (and Better BibTeX) make to a data directory while they run, as the SQL they
 * write, each in one transaction of its own: for benchmarks and tests that follow a library live.
 * Use it on a copy (a generated library, or a real one copied to a temporary folder), never on a
 * database in {@code ../shared}.
 *
 * <ul>
 *   <li>{@link #addItem}: an {@code items} row (dateAdded = dateModified = clientDateModified = now,
 *       version 0, synced 0), its {@code itemData} pointing at shared {@code itemDataValues}, its
 *       creators and tags, as {@code Zotero.Item#_saveData} writes a new item; then, as BBT does a
 *       moment later in its own database, its citation key;</li>
 *   <li>{@link #setField} / {@link #renameTitle}: the field's {@code itemData} row replaced, the item's
 *       dateModified and clientDateModified set to now and synced to 0;</li>
 *   <li>{@link #trash} / {@link #restore}: a {@code deletedItems} row added or removed, clientDateModified
 *       now, synced 0 (what {@code Zotero.Items.trash} writes: dateModified stays);</li>
 *   <li>{@link #erase}: the item and its children deleted for good (emptying the trash), each key logged
 *       in {@code syncDeleteLog}, its BBT key dropped;</li>
 *   <li>{@link #setCitationKey} (BBT's own change: a key regenerated or refreshed) and
 *       {@link #pinCitationKey} (a key the user fixed: a {@code Citation Key:} line in {@code extra}, pinned in BBT).</li>
 * </ul>
 */
public final class ZoteroEdits implements AutoCloseable {
    private final Connection zotero;
    private final Connection bbt; // null when the data directory has no better-bibtex.sqlite
    private final Random random;

    /** An item as it is added: its type, fields (title included), creators and tags (added by hand). */
    public record NewItem(String type, Map<String, String> fields, List<Creator> creators, List<String> tags) {
        public NewItem {
            fields = Map.copyOf(fields);
            creators = List.copyOf(creators);
            tags = List.copyOf(tags);
        }

        /** A journal article with a title, one author and a year. */
        public static NewItem article(String title, Creator author, String year) {
            Map<String, String> f = new LinkedHashMap<>();
            f.put("title", title);
            f.put("date", year + "-00-00 " + year);
            return new NewItem("journalArticle", f, List.of(author), List.of());
        }
    }

    /** The item made: its id and key. */
    public record Added(int itemID, String key) {
    }

    private ZoteroEdits(Connection zotero, Connection bbt, long seed) throws SQLException {
        this.zotero = zotero;
        this.bbt = bbt;
        this.random = new Random(seed);
    }

    /** Opens {@code zotero.sqlite} (and {@code better-bibtex.sqlite}, when there is one) in a data directory to write. */
    public static ZoteroEdits open(Path dataDir) throws IOException, SQLException {
        return open(dataDir, System.nanoTime());
    }

    /** As {@link #open(Path)}, with the seed of new item keys. */
    public static ZoteroEdits open(Path dataDir, long seed) throws IOException, SQLException {
        Path db = dataDir.resolve("zotero.sqlite");
        if (!Files.isRegularFile(db)) {
            throw new IOException("no zotero.sqlite in " + dataDir);
        }
        Connection z = DriverManager.getConnection(ZoteroSchema.writeUrl(db));
        try (Statement s = z.createStatement()) {
            s.execute("PRAGMA foreign_keys = ON"); // as Zotero opens it: deleting an item deletes its rows
        }
        z.setAutoCommit(false);
        Path b = dataDir.resolve("better-bibtex.sqlite");
        Connection bb = null;
        if (Files.isRegularFile(b)) {
            bb = DriverManager.getConnection(ZoteroSchema.writeUrl(b));
            bb.setAutoCommit(false);
        }
        return new ZoteroEdits(z, bb, seed);
    }

    /** Zotero's timestamps: UTC, "yyyy-MM-dd HH:mm:ss". */
    public static String now() {
        return ZoteroLibrary.SQL_TIME.format(LocalDateTime.now(ZoneOffset.UTC));
    }

    /**
     * Adds an item to the user library (one Zotero transaction), then, when {@code citationKey} is
     * not empty and there is a BBT database, its key (one BBT transaction, unpinned).
     */
    public Added addItem(NewItem item, String citationKey) throws SQLException {
        Added a;
        try (ZoteroWriter writer = new ZoteroWriter(zotero)) {
            int id;
            try (Statement s = zotero.createStatement()) {
                id = ZoteroWriter.max(s, "SELECT MAX(itemID) FROM items") + 1;
            }
            String key = newKey();
            String now = now();
            writer.item(id, item.type(), now, now, ZoteroLibrary.USER_LIBRARY, key);
            Map<String, String> fields = new LinkedHashMap<>(item.fields());
            if (fields.containsKey("url") && !fields.containsKey("accessDate") && writer.hasField(item.type(), "accessDate")) {
                fields.put("accessDate", now);
            }
            writer.fields(id, item.type(), fields);
            writer.creators(id, item.type(), item.creators());
            for (String t : item.tags()) {
                writer.tag(id, t, 0);
            }
            zotero.commit();
            a = new Added(id, key);
        } catch (SQLException | RuntimeException e) {
            zotero.rollback();
            throw e;
        }
        if (citationKey != null && !citationKey.isEmpty() && bbt != null) {
            setCitationKey(a.key(), citationKey);
        }
        return a;
    }

    /** Sets one field of an item (Zotero's item save: the value row, dateModified, clientDateModified, synced 0). */
    public void setField(String itemKey, String field, String value) throws SQLException {
        try (ZoteroWriter writer = new ZoteroWriter(zotero)) {
            int[] item = item(itemKey);
            String type = typeName(item[1]);
            String f = fieldFor(writer, type, field);
            if (value == null || value.isEmpty()) {
                try (PreparedStatement p = zotero.prepareStatement("DELETE FROM itemData WHERE itemID = ? AND fieldID = ?")) {
                    p.setInt(1, item[0]);
                    p.setInt(2, writer.field(f));
                    p.executeUpdate();
                }
            } else {
                writer.field(item[0], f, value);
            }
            touch(item[0], true);
            zotero.commit();
        } catch (SQLException | RuntimeException e) {
            zotero.rollback();
            throw e;
        }
    }

    /** Renames an item: its title field (or the field its type maps to title: a case's caseName, an email's subject). */
    public void renameTitle(String itemKey, String title) throws SQLException {
        setField(itemKey, "title", title);
    }

    /** Moves an item to the trash, as {@code Zotero.Items.trash} does. */
    public void trash(String itemKey) throws SQLException {
        try {
            int id = item(itemKey)[0];
            touch(id, false);
            try (PreparedStatement p = zotero.prepareStatement("INSERT OR IGNORE INTO deletedItems (itemID) VALUES (?)")) {
                p.setInt(1, id);
                p.executeUpdate();
            }
            zotero.commit();
        } catch (SQLException | RuntimeException e) {
            zotero.rollback();
            throw e;
        }
    }

    /** Restores an item from the trash. */
    public void restore(String itemKey) throws SQLException {
        try {
            int id = item(itemKey)[0];
            try (PreparedStatement p = zotero.prepareStatement("DELETE FROM deletedItems WHERE itemID = ?")) {
                p.setInt(1, id);
                p.executeUpdate();
            }
            touch(id, false);
            zotero.commit();
        } catch (SQLException | RuntimeException e) {
            zotero.rollback();
            throw e;
        }
    }

    /** Deletes an item and its child items for good (as emptying the trash does), and its BBT key. */
    public void erase(String itemKey) throws SQLException {
        try {
            int id = item(itemKey)[0];
            List<Integer> ids = new ArrayList<>();
            try (PreparedStatement p = zotero.prepareStatement("SELECT itemID FROM itemAttachments WHERE parentItemID = ?"
                    + " UNION SELECT itemID FROM itemNotes WHERE parentItemID = ?")) {
                p.setInt(1, id);
                p.setInt(2, id);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        ids.add(r.getInt(1));
                    }
                }
            }
            List<Integer> annotations = new ArrayList<>();
            for (int child : ids) {
                try (PreparedStatement p = zotero.prepareStatement("SELECT itemID FROM itemAnnotations WHERE parentItemID = ?")) {
                    p.setInt(1, child);
                    try (ResultSet r = p.executeQuery()) {
                        while (r.next()) {
                            annotations.add(r.getInt(1));
                        }
                    }
                }
            }
            List<Integer> all = new ArrayList<>(annotations);
            all.addAll(ids);
            all.add(id);
            for (int i : all) {
                String key = keyOf(i);
                try (PreparedStatement p = zotero.prepareStatement("INSERT OR REPLACE INTO syncDeleteLog (syncObjectTypeID, libraryID, key, dateDeleted)"
                        + " VALUES ((SELECT syncObjectTypeID FROM syncObjectTypes WHERE name = 'item'), ?, ?, ?)")) {
                    p.setInt(1, ZoteroLibrary.USER_LIBRARY);
                    p.setString(2, key);
                    p.setString(3, now());
                    p.executeUpdate();
                }
                try (PreparedStatement p = zotero.prepareStatement("DELETE FROM items WHERE itemID = ?")) {
                    p.setInt(1, i);
                    p.executeUpdate();
                }
            }
            zotero.commit();
        } catch (SQLException | RuntimeException e) {
            zotero.rollback();
            throw e;
        }
        if (bbt != null) {
            try (PreparedStatement p = bbt.prepareStatement("DELETE FROM citationkey WHERE libraryID = ? AND itemKey = ?")) {
                p.setInt(1, ZoteroLibrary.USER_LIBRARY);
                p.setString(2, itemKey);
                p.executeUpdate();
                bbt.commit();
            } catch (SQLException e) {
                bbt.rollback();
                throw e;
            }
        }
    }

    /** BBT's own change of a key (regenerated, refreshed): its {@code citationkey} row, unpinned. */
    public void setCitationKey(String itemKey, String citationKey) throws SQLException {
        bbtKey(itemKey, citationKey, false);
    }

    /**
     * A key the user fixed: BBT writes it into {@code extra} as a {@code Citation Key:} line (an item
     * save) and pins it in its database.
     */
    public void pinCitationKey(String itemKey, String citationKey) throws SQLException {
        String extra = value(itemKey, "extra");
        List<String> lines = new ArrayList<>();
        for (String l : extra.split("\n", -1)) {
            if (!l.isBlank() && !l.regionMatches(true, 0, "Citation Key:", 0, "Citation Key:".length())) {
                lines.add(l);
            }
        }
        lines.add("Citation Key: " + citationKey);
        setField(itemKey, "extra", String.join("\n", lines));
        bbtKey(itemKey, citationKey, true);
    }

    private void bbtKey(String itemKey, String citationKey, boolean pinned) throws SQLException {
        if (bbt == null) {
            throw new IllegalStateException("this data directory has no better-bibtex.sqlite");
        }
        int id;
        try {
            id = item(itemKey)[0];
            zotero.commit(); // ends the read
        } catch (SQLException | RuntimeException e) {
            zotero.rollback();
            throw e;
        }
        try (PreparedStatement p = bbt.prepareStatement("INSERT INTO citationkey (itemID, itemKey, libraryID, citationKey, pinned)"
                + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (itemID) DO UPDATE SET citationKey = excluded.citationKey, pinned = excluded.pinned")) {
            p.setInt(1, id);
            p.setString(2, itemKey);
            p.setInt(3, ZoteroLibrary.USER_LIBRARY);
            p.setString(4, citationKey);
            p.setInt(5, pinned ? 1 : 0);
            p.executeUpdate();
            bbt.commit();
        } catch (SQLException e) {
            bbt.rollback();
            throw e;
        }
    }

    /** A field's value for an item ("" when it has none). */
    public String value(String itemKey, String field) throws SQLException {
        try (ZoteroWriter writer = new ZoteroWriter(zotero)) {
            int[] item = item(itemKey);
            String f = fieldFor(writer, typeName(item[1]), field);
            try (PreparedStatement p = zotero.prepareStatement("SELECT v.value FROM itemData d JOIN itemDataValues v USING (valueID)"
                    + " WHERE d.itemID = ? AND d.fieldID = ?")) {
                p.setInt(1, item[0]);
                p.setInt(2, writer.field(f));
                try (ResultSet r = p.executeQuery()) {
                    return r.next() ? r.getString(1) : "";
                }
            }
        } finally {
            zotero.commit();
        }
    }

    /** {itemID, itemTypeID} of an item of the user library. */
    private int[] item(String itemKey) throws SQLException {
        try (PreparedStatement p = zotero.prepareStatement("SELECT itemID, itemTypeID FROM items WHERE libraryID = ? AND key = ?")) {
            p.setInt(1, ZoteroLibrary.USER_LIBRARY);
            p.setString(2, itemKey);
            try (ResultSet r = p.executeQuery()) {
                if (!r.next()) {
                    throw new IllegalArgumentException("no item " + itemKey + " in the user library");
                }
                return new int[]{r.getInt(1), r.getInt(2)};
            }
        }
    }

    private String keyOf(int itemID) throws SQLException {
        try (PreparedStatement p = zotero.prepareStatement("SELECT key FROM items WHERE itemID = ?")) {
            p.setInt(1, itemID);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? r.getString(1) : "";
            }
        }
    }

    private String typeName(int itemTypeID) throws SQLException {
        try (PreparedStatement p = zotero.prepareStatement("SELECT typeName FROM itemTypesCombined WHERE itemTypeID = ?")) {
            p.setInt(1, itemTypeID);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? r.getString(1) : "";
            }
        }
    }

    /** The field of this item type for a base field (title → caseName for a case), or the field itself. */
    private String fieldFor(ZoteroWriter writer, String type, String field) throws SQLException {
        if (writer.hasField(type, field)) {
            return field;
        }
        try (PreparedStatement p = zotero.prepareStatement("SELECT f.fieldName FROM baseFieldMappingsCombined m"
                + " JOIN fieldsCombined f ON f.fieldID = m.fieldID JOIN fieldsCombined b ON b.fieldID = m.baseFieldID"
                + " JOIN itemTypesCombined t ON t.itemTypeID = m.itemTypeID WHERE t.typeName = ? AND b.fieldName = ?")) {
            p.setString(1, type);
            p.setString(2, field);
            try (ResultSet r = p.executeQuery()) {
                if (r.next()) {
                    return r.getString(1);
                }
            }
        }
        throw new IllegalArgumentException(type + " items have no field " + field);
    }

    /** An item save's bookkeeping: clientDateModified now, synced 0, and dateModified now for a change of its data. */
    private void touch(int itemID, boolean modified) throws SQLException {
        String now = now();
        try (PreparedStatement p = zotero.prepareStatement(modified
                ? "UPDATE items SET dateModified = ?, clientDateModified = ?, synced = 0 WHERE itemID = ?"
                : "UPDATE items SET clientDateModified = ?, synced = 0 WHERE itemID = ?")) {
            int i = 1;
            if (modified) {
                p.setString(i++, now);
            }
            p.setString(i++, now);
            p.setInt(i, itemID);
            p.executeUpdate();
        }
    }

    private String newKey() throws SQLException {
        while (true) {
            String k = Keys.itemKey(random);
            try (PreparedStatement p = zotero.prepareStatement("SELECT 1 FROM items WHERE key = ? UNION SELECT 1 FROM collections WHERE key = ?")) {
                p.setString(1, k);
                p.setString(2, k);
                try (ResultSet r = p.executeQuery()) {
                    if (!r.next()) {
                        return k;
                    }
                }
            }
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            zotero.close();
        } finally {
            if (bbt != null) {
                bbt.close();
            }
        }
    }
}
