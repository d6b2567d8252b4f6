package dev.paperlink.corpus.source.zotero.sqlite;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The layout of one Zotero database: which tables and columns its schema version has. Zotero 4
 * (userdata up to 80) keeps creators' names in {@code creatorData}, attachments' parents in
 * {@code sourceItemID} and their type in {@code mimeType}, and has no item versions; Zotero 5 to 7
 * (userdata 81 to 123 released; 129 in development) have {@code creators} with names,
 * {@code parentItemID}, {@code contentType}, {@code libraries.type}. Nothing here needs a column
 * added after 123.
 */
record ZoteroSchema(int userdataVersion, String itemTypes, String fields, boolean creatorData, String attachmentParent,
                    String attachmentType, String libraryType, boolean itemVersions, boolean deletedItems,
                    boolean groups, boolean collections, boolean tags, boolean creators) {

    /** The newest userdata schema PaperLink was written against (Zotero's development schema in ../shared). */
    static final int NEWEST_KNOWN = 129;

    /** The layout of this database, or why it is no Zotero database. */
    static ZoteroSchema of(Connection c) throws SQLException, NotZotero {
        Map<String, Set<String>> tables = new HashMap<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type IN ('table','view')")) {
            while (rs.next()) {
                tables.put(rs.getString(1), null);
            }
        }
        for (String required : new String[] {"items", "itemData", "itemDataValues"}) {
            if (!tables.containsKey(required)) {
                throw new NotZotero("no " + required + " table: not a Zotero database");
            }
        }
        String itemTypes = tables.containsKey("itemTypesCombined") ? "itemTypesCombined" : "itemTypes";
        String fields = tables.containsKey("fieldsCombined") ? "fieldsCombined" : "fields";
        if (!tables.containsKey(itemTypes) || !tables.containsKey(fields)) {
            throw new NotZotero("no itemTypes or fields table: not a Zotero database");
        }
        Set<String> items = columns(c, "items");
        if (!items.containsAll(Set.of("itemID", "itemTypeID", "key"))) {
            throw new NotZotero("its items table has no itemID, itemTypeID and key columns: not a Zotero database");
        }
        int version = userdata(c, tables.containsKey("version")).orElse(0);
        boolean creatorData = tables.containsKey("creatorData");
        Set<String> attachments = tables.containsKey("itemAttachments") ? columns(c, "itemAttachments") : Set.of();
        String parent = attachments.contains("parentItemID") ? "parentItemID" : attachments.contains("sourceItemID") ? "sourceItemID" : "";
        String type = attachments.contains("contentType") ? "contentType" : attachments.contains("mimeType") ? "mimeType" : "";
        Set<String> libraries = tables.containsKey("libraries") ? columns(c, "libraries") : Set.of();
        String libraryType = libraries.contains("type") ? "type" : libraries.contains("libraryType") ? "libraryType" : "";
        return new ZoteroSchema(version, itemTypes, fields, creatorData, parent, type, libraryType, items.contains("version"),
                tables.containsKey("deletedItems"), tables.containsKey("groups") && !libraryType.isEmpty(),
                tables.containsKey("collections") && tables.containsKey("collectionItems"),
                tables.containsKey("tags") && tables.containsKey("itemTags"),
                tables.containsKey("creators") && tables.containsKey("itemCreators") && tables.containsKey("creatorTypes"));
    }

    /** Whether attachments (and so PDFs) can be read. */
    boolean attachments() {
        return !attachmentParent.isEmpty();
    }

    private static Optional<Integer> userdata(Connection c, boolean hasVersion) throws SQLException {
        if (!hasVersion) {
            return Optional.empty();
        }
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version FROM version WHERE schema = 'userdata'")) {
            return rs.next() ? Optional.of(rs.getInt(1)) : Optional.empty();
        }
    }

    static Set<String> columns(Connection c, String table) throws SQLException {
        Set<String> out = new HashSet<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA table_info(\"" + table + "\")")) {
            while (rs.next()) {
                out.add(rs.getString("name"));
            }
        }
        return out;
    }

    /** The file is an SQLite database, but not Zotero's. */
    static final class NotZotero extends Exception {
        NotZotero(String why) {
            super(why);
        }
    }
}
