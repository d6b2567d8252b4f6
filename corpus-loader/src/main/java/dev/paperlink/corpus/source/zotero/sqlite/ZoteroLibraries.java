package dev.paperlink.corpus.source.zotero.sqlite;

import java.sql.Connection;
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
import java.util.TreeSet;

/**
 * The libraries of a database (the user library, groups; feeds are never read) and its
 * collections (names, the path from the top, which items each holds), and which items a
 * {@link ZoteroSelection} chooses.
 */
final class ZoteroLibraries {
    private record Library(String name, String type, Integer groupId) {
    }

    private record Collection(int id, String name, Integer parent, Integer libraryId) {
    }

    private final Map<Integer, Library> libraries;
    private final Map<Integer, Collection> collections;
    private final Map<Integer, String> paths = new HashMap<>();
    private final Map<Integer, List<Integer>> collectionsOfItem;

    private ZoteroLibraries(Map<Integer, Library> libraries, Map<Integer, Collection> collections,
            Map<Integer, List<Integer>> collectionsOfItem) {
        this.libraries = libraries;
        this.collections = collections;
        this.collectionsOfItem = collectionsOfItem;
    }

    static ZoteroLibraries read(Connection c, ZoteroSchema schema) throws SQLException {
        Map<Integer, Library> libraries = new HashMap<>();
        if (!schema.libraryType().isEmpty()) {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT libraryID, " + schema.libraryType() + " FROM libraries")) {
                while (rs.next()) {
                    String type = rs.getString(2);
                    libraries.put(rs.getInt(1), new Library("user".equals(type) ? ZoteroDatabase.USER_LIBRARY : type, type, null));
                }
            }
        }
        if (schema.groups()) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT groupID, libraryID, name FROM groups")) {
                while (rs.next()) {
                    libraries.put(rs.getInt(2), new Library(rs.getString(3), "group", rs.getInt(1)));
                }
            }
        }
        Map<Integer, Collection> collections = new HashMap<>();
        Map<Integer, List<Integer>> ofItem = new HashMap<>();
        if (schema.collections()) {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT collectionID, collectionName, parentCollectionID, libraryID FROM collections")) {
                while (rs.next()) {
                    Object parent = rs.getObject(3);
                    Object lib = rs.getObject(4);
                    collections.put(rs.getInt(1), new Collection(rs.getInt(1), rs.getString(2),
                            parent instanceof Number n ? n.intValue() : null, lib instanceof Number n ? n.intValue() : null));
                }
            }
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT itemID, collectionID FROM collectionItems ORDER BY itemID, collectionID")) {
                while (rs.next()) {
                    ofItem.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>()).add(rs.getInt(2));
                }
            }
        }
        return new ZoteroLibraries(libraries, collections, ofItem);
    }

    /** The library's name: "My Library" for the user library (also in Zotero 4, where it has no row), else the group's. */
    String name(Integer libraryId) {
        Library l = libraryId == null ? null : libraries.get(libraryId);
        return l == null ? ZoteroDatabase.USER_LIBRARY : l.name();
    }

    private boolean isFeed(Integer libraryId) {
        Library l = libraryId == null ? null : libraries.get(libraryId);
        return l != null && "feed".equals(l.type());
    }

    /** The item's address in Zotero: shows it selected. */
    String selectUri(Integer libraryId, String itemKey) {
        Library l = libraryId == null ? null : libraries.get(libraryId);
        return l != null && l.groupId() != null
                ? "zotero://select/groups/" + l.groupId() + "/items/" + itemKey
                : "zotero://select/library/items/" + itemKey;
    }

    /** The collections an item is in, each as its path from the top ("PBRT/Chapter 1"), sorted, separated by "; ". */
    String collectionsOf(int itemId) {
        List<Integer> ids = collectionsOfItem.get(itemId);
        if (ids == null) {
            return "";
        }
        Set<String> out = new TreeSet<>();
        for (int id : ids) {
            out.add(path(id));
        }
        return String.join("; ", out);
    }

    private String path(int collectionId) {
        String known = paths.get(collectionId);
        if (known != null) {
            return known;
        }
        List<String> parts = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        Integer at = collectionId;
        while (at != null && seen.add(at)) { // a loop of parents (a damaged database) ends here
            Collection c = collections.get(at);
            if (c == null) {
                break;
            }
            parts.add(0, c.name());
            at = c.parent();
        }
        String p = String.join("/", parts);
        paths.put(collectionId, p);
        return p;
    }

    /** Whether the selection chooses this item (feeds never). */
    boolean chosen(Integer libraryId, int itemId, ZoteroSelection selection) {
        if (isFeed(libraryId)) {
            return false;
        }
        if (!selection.libraries().isEmpty()) {
            String n = name(libraryId).toLowerCase(Locale.ROOT);
            boolean any = selection.libraries().stream().map(s -> s.toLowerCase(Locale.ROOT))
                    .anyMatch(s -> s.equals(n) || (libraryId == null || isUser(libraryId)) && (s.equals("user") || s.equals("my library")));
            if (!any) {
                return false;
            }
        }
        if (selection.collections().isEmpty()) {
            return true;
        }
        List<Integer> ids = collectionsOfItem.get(itemId);
        if (ids == null) {
            return false;
        }
        for (int id : ids) {
            Integer at = id;
            for (int depth = 0; at != null && depth < 256; depth++) { // a loop of parents (a damaged database) ends
                Collection c = collections.get(at);
                if (c == null) {
                    break;
                }
                if (matches(selection, c.id())) {
                    return true;
                }
                at = c.parent();
            }
        }
        return false;
    }

    private boolean isUser(int libraryId) {
        Library l = libraries.get(libraryId);
        return l == null || "user".equals(l.type());
    }

    private boolean matches(ZoteroSelection selection, int collectionId) {
        String name = collections.get(collectionId).name().toLowerCase(Locale.ROOT);
        String path = path(collectionId).toLowerCase(Locale.ROOT);
        return selection.collections().stream().map(s -> s.toLowerCase(Locale.ROOT)).anyMatch(s -> s.equals(name) || s.equals(path));
    }

    /** The names in the selection this database has no library or collection of, each quoted. */
    List<String> unknownSelected(ZoteroSelection selection) {
        List<String> out = new ArrayList<>();
        for (String lib : selection.libraries()) {
            String l = lib.toLowerCase(Locale.ROOT);
            boolean known = l.equals("user") || l.equals(ZoteroDatabase.USER_LIBRARY.toLowerCase(Locale.ROOT))
                    || libraries.values().stream().anyMatch(x -> x.name().toLowerCase(Locale.ROOT).equals(l));
            if (!known) {
                out.add("library \"" + lib + "\"");
            }
        }
        for (String col : selection.collections()) {
            String l = col.toLowerCase(Locale.ROOT);
            boolean known = collections.keySet().stream().anyMatch(id -> collections.get(id).name().toLowerCase(Locale.ROOT).equals(l)
                    || path(id).toLowerCase(Locale.ROOT).equals(l));
            if (!known) {
                out.add("collection \"" + col + "\"");
            }
        }
        return out;
    }
}
