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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Empty Zotero and Better BibTeX databases with the schema of real ones: every table, index and
 * trigger of a template database (its {@code sqlite_master}, in creation order), and the rows of
 * Zotero's system tables (item types, fields, creator types and their mappings, the schema
 * versions, the user library), so that an item written afterwards is what Zotero itself would have
 * written. The template is opened read-only and immutable; nothing of its user data (items,
 * settings of the account, caches) is copied.
 */
public final class ZoteroSchema {
    /**
     * Tables whose rows are Zotero's own data, not the user's: the schema ({@code version}), what
     * item types have which fields ({@code system.sql} and the global schema), the user library row.
     */
    static final List<String> SYSTEM_TABLES = List.of("version", "libraries", "fieldFormats", "charsets", "fileTypes",
            "fileTypeMimeTypes", "syncObjectTypes", "itemTypes", "itemTypesCombined", "fields", "fieldsCombined",
            "itemTypeFields", "itemTypeFieldsCombined", "baseFieldMappings", "baseFieldMappingsCombined", "creatorTypes",
            "itemTypeCreatorTypes");

    /** Rows of {@code settings} that describe the client and schema, not the account. */
    private static final Set<String> SYSTEM_SETTINGS = Set.of("globalSchema", "client");

    private ZoteroSchema() {
    }

    /** A JDBC address that opens a file read-only and immutable (no lock, no journal written beside it). */
    public static String readOnlyUrl(Path db) {
        return "jdbc:sqlite:file:" + db.toAbsolutePath().toUri().getRawPath() + "?mode=ro&immutable=1";
    }

    /** A JDBC address that opens (or creates) a file to write. */
    public static String writeUrl(Path db) {
        return "jdbc:sqlite:" + db.toAbsolutePath();
    }

    /** The userdata schema version of a Zotero database ({@code version} table), or -1. */
    public static int userdataVersion(Path db) throws SQLException {
        try (Connection c = DriverManager.getConnection(readOnlyUrl(db));
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT version FROM version WHERE schema = 'userdata'")) {
            return r.next() ? r.getInt(1) : -1;
        }
    }

    /**
     * Creates {@code target} (which must not exist) with the schema of {@code template}; with
     * {@code systemRows}, also the rows of Zotero's system tables.
     */
    public static void copy(Path template, Path target, boolean systemRows) throws IOException, SQLException {
        if (Files.exists(target)) {
            throw new IOException(target + " exists");
        }
        Files.createDirectories(target.toAbsolutePath().getParent());
        try (Connection from = DriverManager.getConnection(readOnlyUrl(template));
             Connection to = DriverManager.getConnection(writeUrl(target))) {
            int pageSize;
            try (Statement s = from.createStatement(); ResultSet r = s.executeQuery("PRAGMA page_size")) {
                pageSize = r.next() ? r.getInt(1) : 4096;
            }
            try (Statement s = to.createStatement()) {
                s.execute("PRAGMA page_size = " + pageSize);
                s.execute("PRAGMA journal_mode = DELETE");
            }
            List<String[]> objects = new ArrayList<>();
            try (Statement s = from.createStatement();
                 ResultSet r = s.executeQuery("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY rowid")) {
                while (r.next()) {
                    objects.add(new String[]{r.getString(1), r.getString(2), r.getString(3)});
                }
            }
            to.setAutoCommit(false);
            try (Statement s = to.createStatement()) {
                // tables first, then their indexes and triggers (sqlite_master lists them in creation order
                // already; this keeps a template altered by later migrations valid too)
                for (String kind : List.of("table", "index", "view", "trigger")) {
                    for (String[] o : objects) {
                        if (o[0].equals(kind) && !o[1].startsWith("sqlite_")) {
                            s.execute(o[2]);
                        }
                    }
                }
            }
            if (systemRows) {
                for (String table : SYSTEM_TABLES) {
                    if (exists(from, table)) {
                        copyRows(from, to, table, "");
                    }
                }
                if (exists(from, "settings")) {
                    copyRows(from, to, "settings", " WHERE setting IN ('" + String.join("','", SYSTEM_SETTINGS) + "')");
                }
            }
            to.commit();
        }
    }

    static boolean exists(Connection c, String table) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")) {
            p.setString(1, table);
            try (ResultSet r = p.executeQuery()) {
                return r.next();
            }
        }
    }

    private static void copyRows(Connection from, Connection to, String table, String where) throws SQLException {
        try (Statement s = from.createStatement(); ResultSet r = s.executeQuery("SELECT * FROM \"" + table + "\"" + where)) {
            int n = r.getMetaData().getColumnCount();
            StringBuilder sql = new StringBuilder("INSERT INTO \"" + table + "\" VALUES (");
            for (int i = 0; i < n; i++) {
                sql.append(i == 0 ? "?" : ", ?");
            }
            try (PreparedStatement p = to.prepareStatement(sql.append(')').toString())) {
                while (r.next()) {
                    for (int i = 1; i <= n; i++) {
                        p.setObject(i, r.getObject(i));
                    }
                    p.addBatch();
                }
                p.executeBatch();
            }
        }
    }
}
