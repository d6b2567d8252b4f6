package dev.paperlink.corpus.source.zotero.sqlite;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paperlink.corpus.model.Paper;
import dev.paperlink.corpus.model.PaperBuilder;
import dev.paperlink.corpus.model.SourceFormat;
import dev.paperlink.corpus.model.ZoteroItem;
import dev.paperlink.corpus.source.ItemSource;
import dev.paperlink.corpus.source.RecordSink;
import dev.paperlink.corpus.source.Skip;
import dev.paperlink.corpus.source.zotero.ZoteroMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.IntPredicate;

/**
 * A Zotero database ({@code zotero.sqlite}), read from a private copy (see {@link PrivateCopy}) and
 * never written: its regular items (not notes, attachments, annotations, items in the trash or in
 * feeds) of the libraries and collections chosen, each mapped to a {@link Paper} through the same
 * {@link ZoteroMapper} as Better BibTeX JSON, with its Better BibTeX key, attachment files, library,
 * collections and {@code zotero://select} address. A record's id is its {@code itemID}; its revision
 * changes when the item, its key, its attachments or its collections do.
 */
public final class ZoteroDatabase implements ItemSource {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BATCH = 500;
    static final String USER_LIBRARY = "My Library";

    private final String name;
    private final Path dataDir;
    private final Optional<Path> baseAttachmentDir;
    private final PrivateCopy copy;
    private final Connection connection;
    private final ZoteroSchema schema;
    private final BetterBibtexKeys keys;
    private final ZoteroLibraries libraries;
    private final Map<Integer, Listed> items;
    private final List<Skip> notes = new ArrayList<>();

    /** One item as listed: enough to choose it and to know whether it changed. */
    private record Listed(int itemId, String key, Integer libraryId, String type, String revision, String bbtKey) {
    }

    private ZoteroDatabase(String name, Path dataDir, Optional<Path> baseAttachmentDir, PrivateCopy copy, Connection connection,
            ZoteroSchema schema, BetterBibtexKeys keys, ZoteroLibraries libraries, Map<Integer, Listed> items) {
        this.name = name;
        this.dataDir = dataDir;
        this.baseAttachmentDir = baseAttachmentDir;
        this.copy = copy;
        this.connection = connection;
        this.schema = schema;
        this.keys = keys;
        this.libraries = libraries;
        this.items = items;
    }

    /**
     * Opens the database {@code file} (named {@code name} in records and skips) for reading the
     * part {@code selection} chooses; linked files given relative to Zotero's base directory are
     * resolved against {@code baseAttachmentDir} when known.
     *
     * @throws Unreadable when the file is no SQLite database, no Zotero database, or damaged: what was indexed stays
     */
    public static ZoteroDatabase open(Path file, String name, ZoteroSelection selection, Optional<Path> baseAttachmentDir)
            throws IOException, Unreadable {
        if (!looksLikeSqlite(file)) {
            throw new Unreadable(new Skip(name, 0, "not a database", "not an SQLite database (it does not start with \"SQLite format 3\")"));
        }
        PrivateCopy copy = PrivateCopy.of(file);
        Connection c = null;
        try {
            c = DriverManager.getConnection("jdbc:sqlite:" + copy.db());
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA query_only = 1");
            }
            ZoteroSchema schema = ZoteroSchema.of(c);
            Path dataDir = file.toAbsolutePath().getParent();
            List<String> problems = new ArrayList<>();
            BetterBibtexKeys keys = BetterBibtexKeys.read(dataDir, problems);
            ZoteroLibraries libraries = ZoteroLibraries.read(c, schema);
            Map<Integer, Listed> items = list(c, schema, keys, libraries, selection);
            ZoteroDatabase db = new ZoteroDatabase(name, dataDir, baseAttachmentDir, copy, c, schema, keys, libraries, items);
            problems.forEach(p -> db.notes.add(new Skip(name, 0, "better bibtex", p)));
            if (schema.userdataVersion() > ZoteroSchema.NEWEST_KNOWN) {
                db.notes.add(new Skip(name, 0, "newer schema", "Zotero database schema " + schema.userdataVersion()
                        + " is newer than the newest PaperLink knows (" + ZoteroSchema.NEWEST_KNOWN + "): read what it could"));
            }
            libraries.unknownSelected(selection).forEach(n -> db.notes.add(new Skip(name, 0, "no such library or collection",
                    "the selection names " + n + ", which this database does not have")));
            return db;
        } catch (ZoteroSchema.NotZotero e) {
            close(c, copy);
            throw new Unreadable(new Skip(name, 0, "not a Zotero database", e.getMessage()));
        } catch (SQLException e) {
            close(c, copy);
            throw new Unreadable(new Skip(name, 0, "unreadable database", "cannot be read: " + e.getMessage()));
        } catch (RuntimeException e) {
            close(c, copy);
            throw e;
        }
    }

    private static boolean looksLikeSqlite(Path file) throws IOException {
        byte[] head = new byte[16];
        try (var in = Files.newInputStream(file)) {
            int n = in.readNBytes(head, 0, 16);
            return n == 16 && new String(head, 0, 15, java.nio.charset.StandardCharsets.US_ASCII).equals("SQLite format 3");
        }
    }

    /** The schema version met (userdata; 0 when the database does not say). */
    public int schemaVersion() {
        return schema.userdataVersion();
    }

    /** Where the Better BibTeX keys came from: "citationkey", "lokijs", "search" or "none". */
    public String keyLayout() {
        return keys.layout();
    }

    @Override
    public Map<Integer, String> revisions() {
        Map<Integer, String> out = new TreeMap<>();
        items.forEach((id, l) -> out.put(id, l.revision()));
        return out;
    }

    @Override
    public List<Skip> notes() {
        return Collections.unmodifiableList(notes);
    }

    @Override
    public void read(IntPredicate which, RecordSink sink) throws IOException {
        List<Integer> ids = items.keySet().stream().filter(which::test).sorted().toList();
        try {
            for (int from = 0; from < ids.size(); from += BATCH) {
                List<Integer> batch = ids.subList(from, Math.min(ids.size(), from + BATCH));
                readBatch(batch, sink);
            }
        } catch (SQLException e) {
            sink.skip(new Skip(name, 0, "unreadable database", "could not read the rest of the items: " + e.getMessage()));
        }
    }

    private void readBatch(List<Integer> batch, RecordSink sink) throws SQLException {
        String in = inList(batch);
        Map<Integer, ObjectNode> json = new LinkedHashMap<>();
        for (int id : batch) {
            Listed l = items.get(id);
            ObjectNode o = JSON.createObjectNode();
            o.put("itemType", l.type());
            o.put("key", l.key());
            json.put(id, o);
        }
        ZoteroRows.fields(connection, schema, in, json);
        ZoteroRows.creators(connection, schema, in, json);
        ZoteroRows.tags(connection, schema, in, json);
        Map<Integer, List<ZoteroRows.Attachment>> attachments = ZoteroRows.attachments(connection, schema, in);
        for (int id : batch) {
            Listed l = items.get(id);
            ObjectNode o = json.get(id);
            if (!l.bbtKey().isEmpty()) {
                o.put("citationKey", l.bbtKey()); // the key Better BibTeX shows wins over a citationKey field
            }
            ZoteroMapper.Result r;
            try {
                r = ZoteroMapper.map(o, name, id, id, SourceFormat.ZOTERO_SQLITE);
            } catch (RuntimeException e) {
                r = ZoteroMapper.Result.skipped(new Skip(name, id, "bad item", "cannot read item: " + e));
            }
            if (r.skip() != null) {
                Skip s = r.skip();
                sink.skip(new Skip(s.file(), s.line(), s.reason(), "item " + l.key() + " (itemID " + id + "): " + s.message()));
            } else if (r.paper() != null) {
                sink.accept(complete(r.paper(), l, attachments.getOrDefault(id, List.of())));
            }
        }
    }

    /** The mapped paper with what only the database knows: files, library, collections, its address in Zotero. */
    private Paper complete(Paper p, Listed l, List<ZoteroRows.Attachment> attachments) {
        PaperBuilder b = p.toBuilder();
        List<String> pdfs = new ArrayList<>();
        List<String> others = new ArrayList<>();
        String linkedUrl = "";
        for (ZoteroRows.Attachment a : attachments) {
            if (a.linkMode() == 3) {
                linkedUrl = linkedUrl.isEmpty() ? a.path() : linkedUrl;
                continue;
            }
            a.file(dataDir, baseAttachmentDir).ifPresent(f -> (a.isPdf() ? pdfs : others).add(f.toString()));
        }
        List<String> files = new ArrayList<>(pdfs);
        files.addAll(others);
        b.files(files);
        if (p.url().isEmpty() && (linkedUrl.startsWith("http://") || linkedUrl.startsWith("https://"))) {
            b.url(linkedUrl);
        }
        b.raw(ZoteroItem.ITEM_KEY, l.key());
        b.raw(ZoteroItem.LIBRARY, libraries.name(l.libraryId()));
        b.raw(ZoteroItem.SELECT, libraries.selectUri(l.libraryId(), l.key()));
        String collections = libraries.collectionsOf(l.itemId());
        if (!collections.isEmpty()) {
            b.raw(ZoteroItem.COLLECTIONS, collections);
        }
        b.raw(REVISION, l.revision());
        return b.build();
    }

    static String inList(List<Integer> ids) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < ids.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(ids.get(i).intValue());
        }
        return sb.append(')').toString();
    }

    /** The items chosen, with their revisions. */
    private static Map<Integer, Listed> list(Connection c, ZoteroSchema schema, BetterBibtexKeys keys, ZoteroLibraries libraries,
            ZoteroSelection selection) throws SQLException {
        Map<Integer, String> attachmentRevisions = ZoteroRows.attachmentRevisions(c, schema);
        String version = schema.itemVersions() ? "i.version" : "0";
        String sql = "SELECT i.itemID, i.key, i.libraryID, t.typeName, i.dateModified, i.clientDateModified, " + version
                + " FROM items i JOIN " + schema.itemTypes() + " t ON t.itemTypeID = i.itemTypeID"
                + " WHERE t.typeName NOT IN ('note', 'attachment', 'annotation')"
                + (schema.deletedItems() ? " AND i.itemID NOT IN (SELECT itemID FROM deletedItems)" : "");
        Map<Integer, Listed> out = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                int id = rs.getInt(1);
                String key = rs.getString(2);
                Object lib = rs.getObject(3);
                Integer libraryId = lib instanceof Number n ? n.intValue() : null;
                if (!libraries.chosen(libraryId, id, selection)) {
                    continue;
                }
                String bbt = keys.of(libraryId, key, id).orElse("");
                String revision = String.join("|", String.valueOf(rs.getString(5)), String.valueOf(rs.getString(6)),
                        String.valueOf(rs.getObject(7)), bbt, attachmentRevisions.getOrDefault(id, ""),
                        libraries.collectionsOf(id), libraries.name(libraryId));
                out.put(id, new Listed(id, key, libraryId, rs.getString(4), revision, bbt));
            }
        }
        return out;
    }

    @Override
    public void close() {
        close(connection, copy);
    }

    private static void close(Connection c, PrivateCopy copy) {
        try {
            if (c != null) {
                c.close();
            }
        } catch (SQLException ignored) {
            // the copy is deleted anyway
        }
        copy.close();
    }
}
