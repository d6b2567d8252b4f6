package dev.paperlink.corpus.source.zotero.sqlite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The citation keys Better BibTeX shows, from {@code better-bibtex.sqlite} beside {@code zotero.sqlite}:
 * the current layout (BBT 7: a {@code citationkey} table), the older one (a {@code better-bibtex}
 * table of LokiJS JSON documents, {@code better-bibtex.citekey}), and the older search database
 * ({@code better-bibtex-search.sqlite}: a {@code citekeys} table). Keys are looked up by library
 * and item key (item ids are only a fallback: they are not stable across a Zotero reinstall).
 */
final class BetterBibtexKeys {
    static final String FILE = "better-bibtex.sqlite";
    static final String SEARCH_FILE = "better-bibtex-search.sqlite";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> byItemKey;
    private final Map<Integer, String> byItemId;
    private final String layout;

    private BetterBibtexKeys(Map<String, String> byItemKey, Map<Integer, String> byItemId, String layout) {
        this.byItemKey = byItemKey;
        this.byItemId = byItemId;
        this.layout = layout;
    }

    static BetterBibtexKeys none() {
        return new BetterBibtexKeys(Map.of(), Map.of(), "none");
    }

    /** "citationkey", "lokijs", "search" or "none": which layout the keys came from. */
    String layout() {
        return layout;
    }

    int size() {
        return Math.max(byItemKey.size(), byItemId.size());
    }

    /** The key of an item (library id as Zotero stores it: 1 for the user library, null in Zotero 4). */
    Optional<String> of(Integer libraryId, String itemKey, int itemId) {
        String k = byItemKey.get(id(libraryId, itemKey));
        if (k == null && (libraryId == null || libraryId == 1)) {
            k = byItemKey.get(id(null, itemKey)); // a row without its library: the user library's
        }
        if (k == null) {
            k = byItemId.get(itemId);
        }
        return k == null || k.isBlank() ? Optional.empty() : Optional.of(k.strip());
    }

    private static String id(Integer libraryId, String itemKey) {
        return (libraryId == null || libraryId == 0 ? 1 : libraryId) + "/" + itemKey;
    }

    /**
     * The keys in the data directory, or none; a file that cannot be read gives none and says why in
     * {@code problems} (the library is still read, with generated keys).
     */
    static BetterBibtexKeys read(Path dataDir, java.util.List<String> problems) {
        for (String name : new String[] {FILE, SEARCH_FILE}) {
            Path file = dataDir.resolve(name);
            if (!Files.isRegularFile(file)) {
                continue;
            }
            try (PrivateCopy copy = PrivateCopy.of(file);
                 Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy.db())) {
                try (Statement s = c.createStatement()) {
                    s.execute("PRAGMA query_only = 1");
                }
                Optional<BetterBibtexKeys> keys = fromTables(c);
                if (keys.isPresent()) {
                    return keys.get();
                }
            } catch (IOException | SQLException e) {
                problems.add(name + ": cannot be read (" + e.getMessage() + "): keys generated instead");
            }
        }
        return none();
    }

    private static Optional<BetterBibtexKeys> fromTables(Connection c) throws SQLException, IOException {
        java.util.Set<String> tables = new java.util.HashSet<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        Map<String, String> byKey = new HashMap<>();
        Map<Integer, String> byId = new HashMap<>();
        if (tables.contains("citationkey")) {
            rows(c, "SELECT itemID, libraryID, itemKey, citationKey FROM citationkey", byKey, byId);
            return Optional.of(new BetterBibtexKeys(byKey, byId, "citationkey"));
        }
        if (tables.contains("better-bibtex")) {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT data FROM \"better-bibtex\" WHERE name = 'better-bibtex.citekey'")) {
                if (rs.next() && rs.getString(1) != null) {
                    JsonNode rows = JSON.readTree(rs.getString(1)).path("data");
                    for (JsonNode r : rows) {
                        put(r.path("itemID").isNumber() ? r.path("itemID").asInt() : null,
                                r.path("libraryID").isNumber() ? r.path("libraryID").asInt() : null,
                                r.path("itemKey").asText(""), r.path("citekey").asText(""), byKey, byId);
                    }
                    return Optional.of(new BetterBibtexKeys(byKey, byId, "lokijs"));
                }
            }
        }
        if (tables.contains("citekeys")) {
            rows(c, "SELECT itemID, libraryID, itemKey, citekey FROM citekeys", byKey, byId);
            return Optional.of(new BetterBibtexKeys(byKey, byId, "search"));
        }
        return Optional.empty();
    }

    private static void rows(Connection c, String sql, Map<String, String> byKey, Map<Integer, String> byId) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                Object id = rs.getObject(1);
                Object lib = rs.getObject(2);
                put(id instanceof Number n ? n.intValue() : null, lib instanceof Number n ? n.intValue() : null,
                        rs.getString(3), rs.getString(4), byKey, byId);
            }
        }
    }

    private static void put(Integer itemId, Integer libraryId, String itemKey, String key, Map<String, String> byKey,
            Map<Integer, String> byId) {
        if (key == null || key.isBlank()) {
            return;
        }
        if (itemKey != null && !itemKey.isBlank()) {
            byKey.put(id(libraryId, itemKey), key);
        } else if (itemId != null) {
            byId.put(itemId, key); // only a row without its item key is matched by id: ids of deleted items come back
        }
    }
}
