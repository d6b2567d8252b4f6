package dev.paperlink.corpus.source.zotero.sqlite;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The rows of a batch of items (fields, creators, tags, attachments) put into their Zotero JSON form. */
final class ZoteroRows {
    /** Zotero's stored dates: "2020-09-00 2020-09", an SQL-sortable part (00 = unknown), a space, the date as typed. */
    private static final Pattern MULTIPART = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2}) (.*)", Pattern.DOTALL);

    private ZoteroRows() {
    }

    /** An attachment of an item: how it is linked (0 imported file, 1 imported URL, 2 linked file, 3 linked URL), its file. */
    record Attachment(int itemId, String key, int linkMode, String contentType, String path) {
        boolean isPdf() {
            return "application/pdf".equalsIgnoreCase(contentType) || path.toLowerCase(Locale.ROOT).endsWith(".pdf");
        }

        /**
         * The file on disk: {@code storage:NAME} is {@code <dataDir>/storage/<key>/NAME}; a linked file is
         * absolute, or {@code attachments:REL} under Zotero's base directory (when known).
         */
        Optional<Path> file(Path dataDir, Optional<Path> baseDir) {
            if (path.isEmpty() || linkMode == 3) {
                return Optional.empty();
            }
            try {
                if (path.startsWith("storage:")) {
                    String f = path.substring("storage:".length());
                    // a file name, never a path out of its folder
                    return f.isEmpty() || f.contains("/") || f.contains("\\") || f.equals("..") || key == null || key.isEmpty()
                            ? Optional.empty() : Optional.of(dataDir.resolve("storage").resolve(key).resolve(f));
                }
                if (path.startsWith("attachments:")) {
                    return baseDir.map(b -> b.resolve(path.substring("attachments:".length())).normalize());
                }
                Path p = Path.of(path);
                return p.isAbsolute() ? Optional.of(p.normalize()) : Optional.empty();
            } catch (InvalidPathException e) {
                return Optional.empty();
            }
        }
    }

    static void fields(Connection c, ZoteroSchema schema, String in, Map<Integer, ObjectNode> json) throws SQLException {
        String sql = "SELECT d.itemID, f.fieldName, v.value FROM itemData d JOIN " + schema.fields() + " f ON f.fieldID = d.fieldID"
                + " JOIN itemDataValues v ON v.valueID = d.valueID WHERE d.itemID IN " + in;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                ObjectNode o = json.get(rs.getInt(1));
                String field = rs.getString(2);
                String value = rs.getString(3);
                if (o == null || field == null || value == null || field.equals("itemType") || field.equals("key")) {
                    continue;
                }
                o.put(field, field.equals("date") ? date(value) : value);
            }
        }
    }

    /** A stored date as the mapper reads it: ISO from the sortable part ("2020-09"), else the date as typed. */
    static String date(String stored) {
        Matcher m = MULTIPART.matcher(stored.strip());
        if (!m.matches()) {
            return stored;
        }
        String y = m.group(1);
        String mo = m.group(2);
        String d = m.group(3);
        if (y.equals("0000")) {
            return m.group(4).strip();
        }
        return mo.equals("00") ? y : d.equals("00") ? y + "-" + mo : y + "-" + mo + "-" + d;
    }

    static void creators(Connection c, ZoteroSchema schema, String in, Map<Integer, ObjectNode> json) throws SQLException {
        if (!schema.creators()) {
            return;
        }
        String names = schema.creatorData()
                ? " JOIN creators c ON c.creatorID = ic.creatorID JOIN creatorData n ON n.creatorDataID = c.creatorDataID"
                : " JOIN creators n ON n.creatorID = ic.creatorID";
        String sql = "SELECT ic.itemID, ct.creatorType, n.firstName, n.lastName, n.fieldMode FROM itemCreators ic" + names
                + " LEFT JOIN creatorTypes ct ON ct.creatorTypeID = ic.creatorTypeID WHERE ic.itemID IN " + in
                + " ORDER BY ic.itemID, ic.orderIndex";
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                ObjectNode o = json.get(rs.getInt(1));
                if (o == null) {
                    continue;
                }
                ArrayNode list = o.has("creators") ? (ArrayNode) o.get("creators") : o.putArray("creators");
                ObjectNode cr = list.addObject();
                cr.put("creatorType", rs.getString(2) == null ? "author" : rs.getString(2));
                String first = rs.getString(3) == null ? "" : rs.getString(3);
                String last = rs.getString(4) == null ? "" : rs.getString(4);
                if (rs.getInt(5) == 1) {
                    cr.put("name", last); // a single-field name: an organisation, a name written whole
                } else {
                    cr.put("firstName", first);
                    cr.put("lastName", last);
                }
            }
        }
    }

    static void tags(Connection c, ZoteroSchema schema, String in, Map<Integer, ObjectNode> json) throws SQLException {
        if (!schema.tags()) {
            return;
        }
        String sql = "SELECT it.itemID, t.name FROM itemTags it JOIN tags t ON t.tagID = it.tagID WHERE it.itemID IN " + in
                + " ORDER BY it.itemID, t.name";
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                ObjectNode o = json.get(rs.getInt(1));
                if (o != null && rs.getString(2) != null) {
                    (o.has("tags") ? (ArrayNode) o.get("tags") : o.putArray("tags")).addObject().put("tag", rs.getString(2));
                }
            }
        }
    }

    /** The attachments of the items (not those in the trash), by parent. */
    static Map<Integer, List<Attachment>> attachments(Connection c, ZoteroSchema schema, String in) throws SQLException {
        Map<Integer, List<Attachment>> out = new HashMap<>();
        if (!schema.attachments()) {
            return out;
        }
        String type = schema.attachmentType().isEmpty() ? "''" : "a." + schema.attachmentType();
        String sql = "SELECT a." + schema.attachmentParent() + ", a.itemID, ai.key, a.linkMode, " + type + ", a.path"
                + " FROM itemAttachments a JOIN items ai ON ai.itemID = a.itemID WHERE a." + schema.attachmentParent() + " IN " + in
                + (schema.deletedItems() ? " AND a.itemID NOT IN (SELECT itemID FROM deletedItems)" : "")
                + " ORDER BY a." + schema.attachmentParent() + ", a.itemID";
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>()).add(new Attachment(rs.getInt(2), rs.getString(3),
                        rs.getInt(4), rs.getString(5) == null ? "" : rs.getString(5), rs.getString(6) == null ? "" : rs.getString(6)));
            }
        }
        return out;
    }

    /** Per parent item, what changes when one of its attachments does (added, removed, renamed, trashed). */
    static Map<Integer, String> attachmentRevisions(Connection c, ZoteroSchema schema) throws SQLException {
        Map<Integer, String> out = new HashMap<>();
        if (!schema.attachments()) {
            return out;
        }
        String sql = "SELECT a." + schema.attachmentParent() + ", a.itemID, ai.clientDateModified, a.path"
                + " FROM itemAttachments a JOIN items ai ON ai.itemID = a.itemID WHERE a." + schema.attachmentParent() + " IS NOT NULL"
                + (schema.deletedItems() ? " AND a.itemID NOT IN (SELECT itemID FROM deletedItems)" : "")
                + " ORDER BY a." + schema.attachmentParent() + ", a.itemID";
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.merge(rs.getInt(1), rs.getInt(2) + "@" + rs.getString(3) + ":" + rs.getString(4), (a, b) -> a + "," + b);
            }
        }
        return out;
    }
}
