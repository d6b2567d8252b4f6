package dev.paperlink.cli.bench.zotero;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the rows of items the way Zotero's own code does ({@code Zotero.Item#_saveData}): an
 * {@code items} row, one {@code itemData} row per field pointing at a shared
 * {@code itemDataValues} row (one row per distinct value), creators shared by name. Field, item
 * type and creator type ids are read from the database (its system tables), never assumed.
 * The caller owns the connection and its transactions.
 */
final class ZoteroWriter implements AutoCloseable {
    final Connection db;
    private final Map<String, Integer> fieldIds = new HashMap<>();
    private final Map<String, Integer> itemTypeIds = new HashMap<>();
    private final Map<String, Integer> creatorTypeIds = new HashMap<>();
    private final Map<Integer, Set<Integer>> typeFields = new HashMap<>();
    private final Map<Integer, Set<Integer>> typeCreatorTypes = new HashMap<>();
    private final Map<Integer, Integer> primaryCreatorType = new HashMap<>();
    private final Map<String, Integer> valueIds = new HashMap<>();
    private final Map<String, Integer> creatorIds = new HashMap<>();
    private final Map<String, Integer> tagIds = new HashMap<>();
    private final PreparedStatement insertItem;
    private final PreparedStatement insertData;
    private final PreparedStatement findValue;
    private final PreparedStatement insertValue;
    private final PreparedStatement findCreator;
    private final PreparedStatement insertCreator;
    private final PreparedStatement insertItemCreator;
    private int nextValueId;
    private int nextCreatorId;
    private int nextTagId;

    ZoteroWriter(Connection db) throws SQLException {
        this.db = db;
        try (Statement s = db.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT fieldID, fieldName FROM fieldsCombined")) {
                while (r.next()) {
                    fieldIds.put(r.getString(2), r.getInt(1));
                }
            }
            try (ResultSet r = s.executeQuery("SELECT itemTypeID, typeName FROM itemTypesCombined")) {
                while (r.next()) {
                    itemTypeIds.put(r.getString(2), r.getInt(1));
                }
            }
            try (ResultSet r = s.executeQuery("SELECT creatorTypeID, creatorType FROM creatorTypes")) {
                while (r.next()) {
                    creatorTypeIds.put(r.getString(2), r.getInt(1));
                }
            }
            try (ResultSet r = s.executeQuery("SELECT itemTypeID, fieldID FROM itemTypeFieldsCombined")) {
                while (r.next()) {
                    typeFields.computeIfAbsent(r.getInt(1), k -> new HashSet<>()).add(r.getInt(2));
                }
            }
            try (ResultSet r = s.executeQuery("SELECT itemTypeID, creatorTypeID, primaryField FROM itemTypeCreatorTypes")) {
                while (r.next()) {
                    typeCreatorTypes.computeIfAbsent(r.getInt(1), k -> new HashSet<>()).add(r.getInt(2));
                    if (r.getInt(3) == 1) {
                        primaryCreatorType.put(r.getInt(1), r.getInt(2));
                    }
                }
            }
            nextValueId = max(s, "SELECT MAX(valueID) FROM itemDataValues") + 1;
            nextCreatorId = max(s, "SELECT MAX(creatorID) FROM creators") + 1;
            nextTagId = max(s, "SELECT MAX(tagID) FROM tags") + 1;
        }
        insertItem = db.prepareStatement("INSERT INTO items (itemID, itemTypeID, dateAdded, dateModified, clientDateModified, libraryID, key, version, synced)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0)");
        insertData = db.prepareStatement("REPLACE INTO itemData (itemID, fieldID, valueID) VALUES (?, ?, ?)");
        findValue = db.prepareStatement("SELECT valueID FROM itemDataValues WHERE value = ?");
        insertValue = db.prepareStatement("INSERT INTO itemDataValues (valueID, value) VALUES (?, ?)");
        findCreator = db.prepareStatement("SELECT creatorID FROM creators WHERE firstName = ? AND lastName = ? AND fieldMode = ?");
        insertCreator = db.prepareStatement("INSERT INTO creators (creatorID, firstName, lastName, fieldMode) VALUES (?, ?, ?, ?)");
        insertItemCreator = db.prepareStatement("INSERT INTO itemCreators (itemID, creatorID, creatorTypeID, orderIndex) VALUES (?, ?, ?, ?)");
    }

    static int max(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            return r.next() ? r.getInt(1) : 0;
        }
    }

    int itemType(String name) {
        Integer id = itemTypeIds.get(name);
        if (id == null) {
            throw new IllegalArgumentException("no item type " + name + " in this database");
        }
        return id;
    }

    int field(String name) {
        Integer id = fieldIds.get(name);
        if (id == null) {
            throw new IllegalArgumentException("no field " + name + " in this database");
        }
        return id;
    }

    /** Whether items of this type have this field (Zotero refuses the others). */
    boolean hasField(String type, String field) {
        Integer f = fieldIds.get(field);
        return f != null && typeFields.getOrDefault(itemType(type), Set.of()).contains(f);
    }

    /** The creator type's id if items of this type may have it, else the type's primary creator type. */
    int creatorType(String itemType, String creatorType) {
        int t = itemType(itemType);
        Integer c = creatorTypeIds.get(creatorType);
        if (c != null && typeCreatorTypes.getOrDefault(t, Set.of()).contains(c)) {
            return c;
        }
        Integer primary = primaryCreatorType.get(t);
        if (primary == null) {
            throw new IllegalArgumentException(itemType + " items have no creators");
        }
        return primary;
    }

    /** Whether items of this type have creators at all. */
    boolean hasCreators(String itemType) {
        return primaryCreatorType.containsKey(itemType(itemType));
    }

    void item(int itemID, String type, String dateAdded, String dateModified, int libraryID, String key) throws SQLException {
        insertItem.setInt(1, itemID);
        insertItem.setInt(2, itemType(type));
        insertItem.setString(3, dateAdded);
        insertItem.setString(4, dateModified);
        insertItem.setString(5, dateModified);
        insertItem.setInt(6, libraryID);
        insertItem.setString(7, key);
        insertItem.executeUpdate();
    }

    /** A field's value: the shared value row (found or made) and the item's pointer to it. */
    void field(int itemID, String field, String value) throws SQLException {
        insertData.setInt(1, itemID);
        insertData.setInt(2, field(field));
        insertData.setInt(3, valueId(value));
        insertData.executeUpdate();
    }

    void fields(int itemID, String type, Map<String, String> fields) throws SQLException {
        for (Map.Entry<String, String> e : fields.entrySet()) {
            if (e.getValue() == null || e.getValue().isBlank()) {
                continue;
            }
            if (!hasField(type, e.getKey())) {
                throw new IllegalArgumentException(type + " items have no field " + e.getKey());
            }
            field(itemID, e.getKey(), e.getValue());
        }
    }

    int valueId(String value) throws SQLException {
        Integer id = valueIds.get(value);
        if (id != null) {
            return id;
        }
        findValue.setString(1, value);
        try (ResultSet r = findValue.executeQuery()) {
            if (r.next()) {
                valueIds.put(value, r.getInt(1));
                return r.getInt(1);
            }
        }
        int v = nextValueId++;
        insertValue.setInt(1, v);
        insertValue.setString(2, value);
        insertValue.executeUpdate();
        valueIds.put(value, v);
        return v;
    }

    void creators(int itemID, String itemType, List<Creator> creators) throws SQLException {
        int order = 0;
        for (Creator c : creators) {
            insertItemCreator.setInt(1, itemID);
            insertItemCreator.setInt(2, creatorId(c));
            insertItemCreator.setInt(3, creatorType(itemType, c.type()));
            insertItemCreator.setInt(4, order++);
            insertItemCreator.executeUpdate();
        }
    }

    int creatorId(Creator c) throws SQLException {
        String k = (c.singleField() ? "1" : "0") + '\u0000' + c.firstName() + '\u0000' + c.lastName();
        Integer id = creatorIds.get(k);
        if (id != null) {
            return id;
        }
        findCreator.setString(1, c.firstName());
        findCreator.setString(2, c.lastName());
        findCreator.setInt(3, c.singleField() ? 1 : 0);
        try (ResultSet r = findCreator.executeQuery()) {
            if (r.next()) {
                creatorIds.put(k, r.getInt(1));
                return r.getInt(1);
            }
        }
        int v = nextCreatorId++;
        insertCreator.setInt(1, v);
        insertCreator.setString(2, c.firstName());
        insertCreator.setString(3, c.lastName());
        insertCreator.setInt(4, c.singleField() ? 1 : 0);
        insertCreator.executeUpdate();
        creatorIds.put(k, v);
        return v;
    }

    /** A tag on an item: type 0 added by hand, 1 automatic (from the translator that saved the item). */
    void tag(int itemID, String name, int type) throws SQLException {
        Integer id = tagIds.get(name);
        if (id == null) {
            try (PreparedStatement p = db.prepareStatement("SELECT tagID FROM tags WHERE name = ?")) {
                p.setString(1, name);
                try (ResultSet r = p.executeQuery()) {
                    id = r.next() ? r.getInt(1) : null;
                }
            }
            if (id == null) {
                id = nextTagId++;
                try (PreparedStatement p = db.prepareStatement("INSERT INTO tags (tagID, name) VALUES (?, ?)")) {
                    p.setInt(1, id);
                    p.setString(2, name);
                    p.executeUpdate();
                }
            }
            tagIds.put(name, id);
        }
        try (PreparedStatement p = db.prepareStatement("INSERT OR IGNORE INTO itemTags (itemID, tagID, type) VALUES (?, ?, ?)")) {
            p.setInt(1, itemID);
            p.setInt(2, id);
            p.setInt(3, type);
            p.executeUpdate();
        }
    }

    /** An attachment row: linkMode 0 imported file, 1 imported URL, 2 linked file, 3 linked URL. */
    void attachment(int itemID, Integer parentItemID, int linkMode, String contentType, Integer charsetID, String path,
                    Long storageModTime, String storageHash) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("INSERT INTO itemAttachments (itemID, parentItemID, linkMode, contentType, charsetID, path,"
                + " syncState, storageModTime, storageHash) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)")) {
            p.setInt(1, itemID);
            setInt(p, 2, parentItemID);
            p.setInt(3, linkMode);
            p.setString(4, contentType);
            setInt(p, 5, charsetID);
            p.setString(6, path);
            if (storageModTime == null) {
                p.setNull(7, Types.INTEGER);
            } else {
                p.setLong(7, storageModTime);
            }
            p.setString(8, storageHash);
            p.executeUpdate();
        }
    }

    void note(int itemID, Integer parentItemID, String html, String title) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("INSERT INTO itemNotes (itemID, parentItemID, note, title) VALUES (?, ?, ?, ?)")) {
            p.setInt(1, itemID);
            setInt(p, 2, parentItemID);
            p.setString(3, html);
            p.setString(4, title);
            p.executeUpdate();
        }
    }

    private static void setInt(PreparedStatement p, int i, Integer v) throws SQLException {
        if (v == null) {
            p.setNull(i, Types.INTEGER);
        } else {
            p.setInt(i, v);
        }
    }

    @Override
    public void close() throws SQLException {
        for (PreparedStatement p : List.of(insertItem, insertData, findValue, insertValue, findCreator, insertCreator, insertItemCreator)) {
            p.close();
        }
    }
}
