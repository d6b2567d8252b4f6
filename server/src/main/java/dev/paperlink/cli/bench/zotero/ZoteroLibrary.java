package dev.paperlink.cli.bench.zotero;

import dev.paperlink.cli.bench.zotero.ContentPool.Kind;
import dev.paperlink.corpus.model.Author;
import dev.paperlink.corpus.model.Paper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Zotero 7 data directory made up for benchmarks and tests: {@code zotero.sqlite} with the
 * schema of a real Zotero 7 database (userdata 123; {@link ZoteroSchema}), N regular items whose
 * shapes follow the real libraries in the shared corpora, and {@code better-bibtex.sqlite} in the
 * new Better BibTeX layout (table {@code citationkey}), plus {@code storage/KEY/FILE} for most
 * stored attachments. Content is sampled from real records ({@link ContentPool}); everything is
 * drawn from one seed, so a seed and N give the same library (same ids, keys, titles, files).
 *
 * <p>The shapes, from the eight real databases of {@code zotero-sqlite/README.txt}: an item type mix
 * led by conference papers and journal articles, books with editors, preprints with arXiv ids;
 * single-field creator names; "multipart" dates ({@code 2020-09-00 September 2020}); DOIs mostly
 * in their field, some (and all of types without the field) as a {@code DOI:} line of
 * {@code extra}; abstracts; automatic and manual tags; collections with sub-collections (three
 * levels); PDF and snapshot attachments with {@code storage:} paths named "Author et al. - Year -
 * Title.pdf", some linked files and URLs, standalone PDFs, a few files missing from storage; child
 * and standalone notes; PDF annotations; items in the trash; keys imported from BibTeX as
 * {@code Citation Key:} lines of {@code extra}, pinned in BBT; most items with a BBT key, some
 * without (BBT's database lags behind Zotero's).
 */
public final class ZoteroLibrary {
    /** The user library's id: every real database here has only it. */
    public static final int USER_LIBRARY = 1;
    static final DateTimeFormatter SQL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    /** The generator's clock: nothing depends on when it runs. */
    private static final LocalDateTime FIRST_ADDED = LocalDateTime.of(2017, 1, 9, 9, 12, 0);
    private static final LocalDateTime LAST_ADDED = LocalDateTime.of(2026, 11, 20, 18, 0, 0);
    private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 30, 12, 0, 0);
    private static final Pattern ACRONYM = Pattern.compile("\\(([A-Z][A-Za-z-]*[A-Za-z])(?:[ -]\\d{4})?\\)");
    private static final List<String> MANUAL_TAGS = List.of("to-read", "important", "read", "methods", "related work",
            "dataset", "baseline", "survey", "cited", "follow-up");

    /**
     * What to make.
     *
     * @param storageFiles write the attachments' files under {@code storage/} (most of them: a few stay missing)
     * @param fulltext     fill Zotero's full-text word index for the PDFs written, as Zotero does by
     *                     default (300 to 3,000 words each, as the real databases have): most of a real
     *                     database's size; costs time to make (about 1.5 s per thousand PDFs)
     */
    public record Options(int items, long seed, boolean storageFiles, boolean fulltext) {
        public Options {
            if (items < 1) {
                throw new IllegalArgumentException("items must be at least 1");
            }
        }

        /** Files written, no full-text index. */
        public static Options of(int items, long seed) {
            return new Options(items, seed, true, false);
        }

        public Options withFulltext(boolean on) {
            return new Options(items, seed, storageFiles, on);
        }
    }

    /** One regular item made, as a reader should see it. */
    public record Item(int itemID, String key, String type, String title, String year, String citationKey,
                       boolean pinned, boolean trashed, String doi, String pdf) {
    }

    /**
     * What was made: counts a reader's result can be checked against, and every regular item.
     *
     * @param regular     regular items (not attachments, notes or annotations), trash included
     * @param trashed     regular items in the trash ({@code deletedItems})
     * @param bbtKeys     rows of BBT's {@code citationkey} (regular items only), {@code pinnedKeys} of them pinned
     * @param keysInExtra regular items with a {@code Citation Key:} line in {@code extra}
     * @param files       files written under {@code storage/}; {@code missingFiles} stored attachments without one
     */
    public record Summary(Path dataDir, int regular, int trashed, Map<String, Integer> byType, int attachments,
                          int storedAttachments, int standaloneAttachments, int files, int missingFiles, int notes,
                          int standaloneNotes, int annotations, int collections, int subCollections, int itemsInCollections,
                          int creators, int singleFieldCreators, int tags, int bbtKeys, int pinnedKeys, int keysInExtra,
                          int withAbstract, int doiInField, int doiInExtra, int fulltextItems, long fulltextWords,
                          List<Item> items) {
        public Path database() {
            return dataDir.resolve("zotero.sqlite");
        }

        public Path betterBibtex() {
            return dataDir.resolve("better-bibtex.sqlite");
        }

        /** Regular items not in the trash: the papers a reader should give. */
        public int live() {
            return regular - trashed;
        }

        /** The live items, in item id order. */
        public List<Item> liveItems() {
            return items.stream().filter(i -> !i.trashed()).toList();
        }
    }

    /** One item type of the mix: its share of the items and where its records come from. */
    private record Slot(String type, double share, Kind kind) {
    }

    /**
     * The item type mix (the real libraries together: 36 % conference papers, 35 % journal articles,
     * 13 % books and chapters, then webpages, theses, preprints, programs, documents...).
     */
    private static final List<Slot> MIX = List.of(
            new Slot("conferencePaper", 0.39, Kind.ACL_PAPER),
            new Slot("journalArticle", 0.27, Kind.ACM_ARTICLE),
            new Slot("journalArticle", 0.05, Kind.ACL_ARTICLE),
            new Slot("journalArticle", 0.01, Kind.ARXIV),
            new Slot("preprint", 0.05, Kind.ARXIV),
            new Slot("book", 0.06, Kind.ACL_VOLUME),
            new Slot("bookSection", 0.05, Kind.ACL_PAPER),
            new Slot("thesis", 0.02, Kind.ACL_PAPER),
            new Slot("report", 0.02, Kind.ACM_ARTICLE),
            new Slot("webpage", 0.02, Kind.ACL_PAPER),
            new Slot("document", 0.02, Kind.ACM_ARTICLE),
            new Slot("computerProgram", 0.01, Kind.ACL_PAPER),
            new Slot("presentation", 0.01, Kind.ACL_PAPER),
            new Slot("magazineArticle", 0.01, Kind.ACM_ARTICLE));

    private ZoteroLibrary() {
    }

    /** How many records of each kind {@code items} regular items need (standalone PDFs take a few more papers). */
    public static Map<Kind, Integer> needs(int items) {
        Map<Kind, Integer> n = new EnumMap<>(Kind.class);
        plan(items).forEach(s -> n.merge(s.kind(), 1, Integer::sum));
        n.merge(Kind.ACL_PAPER, standaloneCount(items) + 1, Integer::sum);
        return n;
    }

    private static int standaloneCount(int items) {
        return items / 70;
    }

    /** The type of every item, in the order they are made (seeded shuffle of the mix's counts). */
    private static List<Slot> plan(int items) {
        List<Slot> slots = new ArrayList<>();
        int assigned = 0;
        for (Slot s : MIX) {
            int n = (int) Math.floor(s.share() * items);
            for (int i = 0; i < n; i++) {
                slots.add(s);
            }
            assigned += n;
        }
        for (int i = assigned; i < items; i++) {
            slots.add(MIX.get(0));
        }
        return slots;
    }

    /**
     * Makes the library in {@code dataDir} (created; must not hold a {@code zotero.sqlite} yet)
     * from the schema of {@code templateDb} (a real Zotero 7 {@code zotero.sqlite}, opened
     * read-only) and of {@code templateBbt} (a real new-layout {@code better-bibtex.sqlite}).
     */
    public static Summary generate(Path dataDir, Path templateDb, Path templateBbt, ContentPool pool, Options o)
            throws IOException, SQLException {
        Files.createDirectories(dataDir);
        Path db = dataDir.resolve("zotero.sqlite");
        Path bbt = dataDir.resolve("better-bibtex.sqlite");
        ZoteroSchema.copy(templateDb, db, true);
        ZoteroSchema.copy(templateBbt, bbt, false);
        try (Connection c = DriverManager.getConnection(ZoteroSchema.writeUrl(db));
             Connection b = DriverManager.getConnection(ZoteroSchema.writeUrl(bbt))) {
            c.setAutoCommit(false);
            b.setAutoCommit(false);
            Generation g = new Generation(dataDir, c, b, pool, o);
            Summary s = g.run();
            c.commit();
            b.commit();
            return s;
        }
    }

    /** {@code generate} with the shared corpora: the schema of elmoghany-my-zotero-sync, records sampled from them. */
    public static Summary generate(Path dataDir, Path corpora, Options o) throws IOException, SQLException {
        Path real = corpora.resolve("zotero-sqlite/elmoghany-my-zotero-sync");
        ContentPool pool = ContentPool.sample(corpora, needs(o.items()), o.seed());
        return generate(dataDir, real.resolve("zotero.sqlite"), real.resolve("better-bibtex.sqlite"), pool, o);
    }

    /** One run of the generator: its random source, the ids handed out, the counts. */
    private static final class Generation {
        final Path dataDir;
        final Connection db;
        final Connection bbt;
        final ContentPool pool;
        final Options o;
        final Random random;
        final ZoteroWriter w;
        final Set<String> itemKeys = new HashSet<>();
        final Set<String> citationKeys = new HashSet<>();
        final Map<Kind, Integer> used = new EnumMap<>(Kind.class);
        final Map<String, Integer> byType = new TreeMap<>();
        final List<Item> made = new ArrayList<>();
        final List<int[]> collectionTree = new ArrayList<>(); // {collectionID, parentID or 0, depth}
        final Map<Integer, Integer> collectionOrder = new HashMap<>();
        final List<int[]> memberships = new ArrayList<>(); // {collectionID, itemID, orderIndex}
        final Map<Integer, Paper> indexedPdfs = new LinkedHashMap<>(); // PDFs written: what their words come from
        long fulltextRows;
        final PreparedStatement bbtInsert;
        int nextId = 1;
        int regular, trashed, attachments, stored, standaloneAttachments, files, missing, notes, standaloneNotes,
                annotations, subCollections, inCollections, singleField, bbtKeys, pinned, keysInExtra, withAbstract,
                doiField, doiExtra;

        Generation(Path dataDir, Connection db, Connection bbt, ContentPool pool, Options o) throws SQLException {
            this.dataDir = dataDir;
            this.db = db;
            this.bbt = bbt;
            this.pool = pool;
            this.o = o;
            this.random = new Random(o.seed());
            this.w = new ZoteroWriter(db);
            this.bbtInsert = bbt.prepareStatement("INSERT INTO citationkey (itemID, itemKey, libraryID, citationKey, pinned) VALUES (?, ?, ?, ?, ?)");
        }

        Summary run() throws SQLException, IOException {
            List<Slot> plan = new ArrayList<>(plan(o.items()));
            java.util.Collections.shuffle(plan, random);
            collections();
            for (int i = 0; i < plan.size(); i++) {
                LocalDateTime added = FIRST_ADDED.plusSeconds((long) ((double) i / plan.size()
                        * java.time.Duration.between(FIRST_ADDED, LAST_ADDED).getSeconds()) + random.nextInt(3600));
                Slot s = plan.get(i);
                Paper p = next(s.kind());
                if (p == null) {
                    continue; // the pool ran dry for this kind and every fallback
                }
                regularItem(s.type(), s.kind(), p, added);
                if (random.nextInt(70) == 0 && i < plan.size() - 1) {
                    Paper q = next(Kind.ACL_PAPER);
                    if (q != null) {
                        standalonePdf(q, added.plusMinutes(3));
                    }
                }
                if (random.nextInt(125) == 0) {
                    standaloneNote(p, added.plusMinutes(5));
                }
            }
            writeCollectionItems();
            if (o.fulltext()) {
                fulltext();
            }
            int creators;
            int tags;
            try (var s = db.createStatement()) {
                creators = ZoteroWriter.max(s, "SELECT COUNT(*) FROM creators");
                tags = ZoteroWriter.max(s, "SELECT COUNT(*) FROM tags");
            }
            return new Summary(dataDir, regular, trashed, Map.copyOf(byType), attachments, stored, standaloneAttachments, files,
                    missing, notes, standaloneNotes, annotations, collectionTree.size(), subCollections, inCollections, creators,
                    singleField, tags, bbtKeys, pinned, keysInExtra, withAbstract, doiField, doiExtra, o.fulltext() ? indexedPdfs.size() : 0,
                    fulltextRows, List.copyOf(made));
        }

        /** The next record of a kind; ACL papers when the kind has run out, so that N items are always made. */
        Paper next(Kind kind) {
            for (Kind k : new Kind[]{kind, Kind.ACL_PAPER, Kind.ACM_ARTICLE}) {
                List<Paper> l = pool.of(k);
                int i = used.getOrDefault(k, 0);
                if (i < l.size()) {
                    used.put(k, i + 1);
                    return l.get(i);
                }
            }
            return null;
        }

        String newKey() {
            String k;
            do {
                k = Keys.itemKey(random);
            } while (!itemKeys.add(k));
            return k;
        }

        // --- the full-text index: the words of every PDF written

        /**
         * Zotero's full-text index of the PDFs written ({@code fulltextItems}, {@code fulltextWords},
         * {@code fulltextItemWords}): each PDF gets the words of its record's title and abstract and
         * more drawn from the words of every record (common words in most PDFs), 300 to 3,000 in all,
         * as the real databases have. The pairs are written in the order of their primary key, the
         * index on itemID dropped meanwhile and made again (the same schema, made in a fraction of the time).
         */
        void fulltext() throws SQLException {
            List<String> vocabulary = new ArrayList<>();
            Map<String, Integer> ids = new HashMap<>();
            for (Paper p : indexedPdfs.values()) {
                for (String word : words(p)) {
                    if (!ids.containsKey(word)) {
                        ids.put(word, vocabulary.size() + 1);
                        vocabulary.add(word);
                    }
                }
            }
            for (int i = 0; i < 2000; i++) { // page numbers, years, figures
                String word = Integer.toString(i);
                if (!ids.containsKey(word)) {
                    ids.put(word, vocabulary.size() + 1);
                    vocabulary.add(word);
                }
            }
            java.util.Collections.shuffle(vocabulary, random); // frequent words are not the first records' words
            for (int i = 0; i < vocabulary.size(); i++) {
                ids.put(vocabulary.get(i), i + 1);
            }
            long[] pairs = new long[1 << 16];
            int n = 0;
            try (PreparedStatement item = db.prepareStatement("INSERT INTO fulltextItems (itemID, indexedPages, totalPages, version, synced)"
                    + " VALUES (?, ?, ?, 0, 0)")) {
                for (Map.Entry<Integer, Paper> e : indexedPdfs.entrySet()) {
                    int itemID = e.getKey();
                    int target = 300 + random.nextInt(2700);
                    java.util.BitSet mine = new java.util.BitSet(vocabulary.size() + 1);
                    int count = 0;
                    for (String word : words(e.getValue())) {
                        int id = ids.get(word);
                        if (!mine.get(id)) {
                            mine.set(id);
                            count++;
                        }
                    }
                    for (int tries = 0; count < target && tries < target * 4; tries++) {
                        int id = 1 + (int) (vocabulary.size() * Math.pow(random.nextDouble(), 2.5));
                        if (id <= vocabulary.size() && !mine.get(id)) {
                            mine.set(id);
                            count++;
                        }
                    }
                    if (n + count > pairs.length) {
                        pairs = java.util.Arrays.copyOf(pairs, Math.max(pairs.length * 2, n + count));
                    }
                    for (int id = mine.nextSetBit(0); id >= 0; id = mine.nextSetBit(id + 1)) {
                        pairs[n++] = ((long) id << 32) | itemID;
                    }
                    int pages = 4 + random.nextInt(30);
                    item.setInt(1, itemID);
                    item.setInt(2, pages);
                    item.setInt(3, pages);
                    item.addBatch();
                }
                item.executeBatch();
            }
            try (PreparedStatement w = db.prepareStatement("INSERT INTO fulltextWords (wordID, word) VALUES (?, ?)")) {
                for (int i = 0; i < vocabulary.size(); i++) {
                    w.setInt(1, i + 1);
                    w.setString(2, vocabulary.get(i));
                    w.addBatch();
                }
                w.executeBatch();
            }
            java.util.Arrays.sort(pairs, 0, n);
            String index;
            try (var s = db.createStatement();
                 var r = s.executeQuery("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = 'fulltextItemWords_itemID'")) {
                index = r.next() ? r.getString(1) : null;
            }
            if (index != null) {
                try (var s = db.createStatement()) {
                    s.execute("DROP INDEX fulltextItemWords_itemID");
                }
            }
            final int rows = 200; // rows per statement: fewer calls into the driver
            StringBuilder sql = new StringBuilder("INSERT INTO fulltextItemWords (wordID, itemID) VALUES (?, ?)");
            for (int i = 1; i < rows; i++) {
                sql.append(", (?, ?)");
            }
            try (PreparedStatement many = db.prepareStatement(sql.toString());
                 PreparedStatement one = db.prepareStatement("INSERT INTO fulltextItemWords (wordID, itemID) VALUES (?, ?)")) {
                int i = 0;
                for (; i + rows <= n; i += rows) {
                    for (int j = 0; j < rows; j++) {
                        many.setInt(2 * j + 1, (int) (pairs[i + j] >>> 32));
                        many.setInt(2 * j + 2, (int) pairs[i + j]);
                    }
                    many.executeUpdate();
                }
                for (; i < n; i++) {
                    one.setInt(1, (int) (pairs[i] >>> 32));
                    one.setInt(2, (int) pairs[i]);
                    one.executeUpdate();
                }
            }
            if (index != null) {
                try (var s = db.createStatement()) {
                    s.execute(index);
                }
            }
            fulltextRows = n;
        }

        /** The words of a record's title and abstract, as Zotero's indexer splits them: lower case, letters and digits. */
        static List<String> words(Paper p) {
            List<String> out = new ArrayList<>();
            for (String w : (p.title() + " " + p.abstractText()).toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
                if (w.length() >= 2 && w.length() <= 40) {
                    out.add(w);
                }
            }
            return out;
        }

        // --- collections: a tree of up to three levels, named by the keywords and venues of the records

        void collections() throws SQLException {
            int count = Math.max(4, o.items() / 150);
            List<String> names = collectionNames(count);
            try (PreparedStatement p = db.prepareStatement("INSERT INTO collections (collectionID, collectionName, parentCollectionID,"
                    + " clientDateModified, libraryID, key, version, synced) VALUES (?, ?, ?, ?, ?, ?, 0, 0)")) {
                for (int i = 0; i < names.size(); i++) {
                    int id = i + 1;
                    int parent = 0;
                    int depth = 0;
                    if (i >= Math.max(2, names.size() / 3)) {
                        // a sub-collection: of a top-level collection mostly, of a sub-collection sometimes
                        List<int[]> candidates = collectionTree.stream().filter(t -> t[2] < 2).toList();
                        int[] up = candidates.get(random.nextInt(candidates.size()));
                        if (up[2] == 1 && random.nextInt(10) >= 3) {
                            up = collectionTree.get(up[1] - 1);
                        }
                        parent = up[0];
                        depth = up[2] + 1;
                        subCollections++;
                    }
                    p.setInt(1, id);
                    p.setString(2, names.get(i));
                    if (parent == 0) {
                        p.setNull(3, java.sql.Types.INTEGER);
                    } else {
                        p.setInt(3, parent);
                    }
                    p.setString(4, SQL_TIME.format(FIRST_ADDED.minusDays(30).plusHours(7L * i)));
                    p.setInt(5, USER_LIBRARY);
                    p.setString(6, newKey());
                    p.executeUpdate();
                    collectionTree.add(new int[]{id, parent, depth});
                }
            }
        }

        /** Keywords of the records (the most frequent first), then venue acronyms, capitalised. */
        List<String> collectionNames(int count) {
            Map<String, Integer> freq = new HashMap<>();
            for (Paper p : pool.of(Kind.ACM_ARTICLE)) {
                for (String k : p.keywords()) {
                    String n = k.strip();
                    if (n.length() >= 4 && n.length() <= 40) {
                        freq.merge(capitalise(n), 1, Integer::sum);
                    }
                }
            }
            for (Paper p : pool.of(Kind.ACL_PAPER)) {
                Matcher m = ACRONYM.matcher(p.venue());
                if (m.find()) {
                    freq.merge(m.group(1), 1, Integer::sum);
                }
            }
            List<String> names = new ArrayList<>(freq.keySet());
            names.sort((a, b) -> freq.get(b).equals(freq.get(a)) ? a.compareTo(b) : freq.get(b) - freq.get(a));
            List<String> out = new ArrayList<>(names.subList(0, Math.min(count, names.size())));
            for (int i = out.size(); i < count; i++) {
                out.add("Collection " + (i + 1));
            }
            return out;
        }

        /** Puts an item in none, one or two collections (written at the end: {@link #writeCollectionItems}). */
        void inCollections(int itemID) {
            int r = random.nextInt(100);
            int n = r < 55 ? 1 : r < 70 ? 2 : 0; // 30 % unfiled
            Set<Integer> chosen = new java.util.TreeSet<>();
            for (int i = 0; i < n; i++) {
                chosen.add(collectionTree.get(random.nextInt(collectionTree.size()))[0]);
            }
            if (chosen.isEmpty()) {
                return;
            }
            inCollections++;
            for (int c : chosen) {
                int order = collectionOrder.merge(c, 1, Integer::sum) - 1;
                memberships.add(new int[]{c, itemID, order});
            }
        }

        /**
         * The collections' items, in one go. Zotero's insert trigger on {@code collectionItems} (no
         * child item in a collection) scans every attachment and note per row; only top-level items
         * are put in collections here, so the trigger is dropped while they are written and
         * recreated as it was.
         */
        void writeCollectionItems() throws SQLException {
            List<String> triggers = new ArrayList<>();
            List<String> names = new ArrayList<>();
            try (var s = db.createStatement();
                 var r = s.executeQuery("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'collectionItems' AND name LIKE 'fki_%'")) {
                while (r.next()) {
                    names.add(r.getString(1));
                    triggers.add(r.getString(2));
                }
            }
            try (var s = db.createStatement()) {
                for (String n : names) {
                    s.execute("DROP TRIGGER \"" + n + "\"");
                }
            }
            try (PreparedStatement p = db.prepareStatement("INSERT INTO collectionItems (collectionID, itemID, orderIndex) VALUES (?, ?, ?)")) {
                for (int[] m : memberships) {
                    p.setInt(1, m[0]);
                    p.setInt(2, m[1]);
                    p.setInt(3, m[2]);
                    p.addBatch();
                }
                p.executeBatch();
            }
            try (var s = db.createStatement()) {
                for (String t : triggers) {
                    s.execute(t);
                }
            }
        }

        // --- regular items

        void regularItem(String type, Kind kind, Paper p, LocalDateTime added) throws SQLException, IOException {
            int id = nextId++;
            String key = newKey();
            LocalDateTime modified = random.nextInt(3) == 0 ? added.plusMinutes(1 + random.nextInt(60 * 24 * 200)) : added;
            if (modified.isAfter(NOW)) {
                modified = NOW;
            }
            w.item(id, type, SQL_TIME.format(added), SQL_TIME.format(modified), USER_LIBRARY, key);
            regular++;
            byType.merge(type, 1, Integer::sum);

            Map<String, String> f = new LinkedHashMap<>();
            List<String> extra = new ArrayList<>();
            f.put("title", p.title());
            if (!p.abstractText().isEmpty() && w.hasField(type, "abstractNote")) {
                f.put("abstractNote", p.abstractText());
                withAbstract++;
            }
            f.put("date", multipartDate(p));
            String url = url(type, kind, p);
            if (!url.isEmpty() && w.hasField(type, "url")) {
                f.put("url", url);
                f.put("accessDate", SQL_TIME.format(added));
            }
            String catalog = switch (kind) {
                case ACL_PAPER, ACL_ARTICLE, ACL_VOLUME -> "ACLWeb";
                case ACM_ARTICLE -> "ACM Digital Library";
                case ARXIV -> "arXiv.org";
            };
            if (w.hasField(type, "libraryCatalog") && random.nextInt(10) < 7) {
                f.put("libraryCatalog", catalog);
            }
            if (w.hasField(type, "language") && random.nextInt(100) < 45) {
                int r = random.nextInt(10);
                f.put("language", r < 7 ? "en" : r == 7 ? "eng" : r == 8 ? "English" : "en-US");
            }
            if (w.hasField(type, "shortTitle") && p.title().contains(": ") && random.nextInt(3) == 0) {
                f.put("shortTitle", p.title().substring(0, p.title().indexOf(": ")));
            }
            typeFields(type, kind, p, f, extra);
            String doi = doi(type, kind, p);
            if (!doi.isEmpty()) {
                if (w.hasField(type, "DOI") && random.nextInt(100) < 88) {
                    f.put("DOI", doi);
                    doiField++;
                } else {
                    extra.add(0, "DOI: " + doi);
                    doiExtra++;
                }
            }
            // a key imported from a .bib file: BBT pins it and leaves the line in extra
            boolean imported = !p.key().isEmpty() && kind != Kind.ARXIV && random.nextInt(50) == 0;
            String citationKey = "";
            boolean pin = false;
            if (imported && citationKeys.add(p.key().toLowerCase(Locale.ROOT))) {
                citationKey = p.key();
                pin = true;
                extra.add("Citation Key: " + citationKey);
                String publisher = p.raw().getOrDefault("publisher", "");
                if (!publisher.isEmpty() && !f.containsKey("publisher")) {
                    extra.add("tex.publisher: " + publisher);
                }
                keysInExtra++;
            }
            if (!extra.isEmpty()) {
                f.put("extra", String.join("\n", extra));
            }
            f.keySet().removeIf(k -> !w.hasField(type, k));
            w.fields(id, type, f);
            w.creators(id, type, creators(type, kind, p));
            tags(id, kind, p);
            inCollections(id);

            // BBT: most items have a key; a few were added after BBT last wrote its database
            if (citationKey.isEmpty() && random.nextInt(100) < 94) {
                citationKey = uniqueKey(Keys.betterBibtexKey(firstFamily(p), p.title(), p.year()));
            }
            if (!citationKey.isEmpty()) {
                bbtInsert.setInt(1, id);
                bbtInsert.setString(2, key);
                bbtInsert.setInt(3, USER_LIBRARY);
                bbtInsert.setString(4, citationKey);
                bbtInsert.setInt(5, pin ? 1 : 0);
                bbtInsert.executeUpdate();
                bbtKeys++;
                pinned += pin ? 1 : 0;
            }

            String pdf = children(id, type, kind, p, added);
            boolean trash = random.nextInt(50) == 0;
            if (trash) {
                try (PreparedStatement d = db.prepareStatement("INSERT INTO deletedItems (itemID, dateDeleted) VALUES (?, ?)")) {
                    d.setInt(1, id);
                    LocalDateTime deleted = modified.plusDays(1 + random.nextInt(60));
                    d.setString(2, SQL_TIME.format(deleted.isAfter(NOW) ? NOW : deleted));
                    d.executeUpdate();
                }
                trashed++;
            }
            made.add(new Item(id, key, type, p.title(), p.year(), citationKey, pin, trash, doi, pdf));
        }

        String uniqueKey(String base) {
            for (int n = 0; ; n++) {
                String k = Keys.postfix(base, n);
                if (citationKeys.add(k.toLowerCase(Locale.ROOT))) {
                    return k;
                }
            }
        }

        void typeFields(String type, Kind kind, Paper p, Map<String, String> f, List<String> extra) {
            Map<String, String> raw = p.raw();
            String venue = p.venue();
            switch (type) {
                case "conferencePaper" -> {
                    f.put("proceedingsTitle", venue);
                    Matcher m = ACRONYM.matcher(venue);
                    if (m.find() && random.nextInt(10) < 3) {
                        f.put("conferenceName", m.group(0).substring(1, m.group(0).length() - 1));
                    }
                    f.put("publisher", raw.getOrDefault("publisher", ""));
                    f.put("place", raw.getOrDefault("address", ""));
                    f.put("pages", raw.getOrDefault("pages", "").replace("--", "-"));
                }
                case "journalArticle", "magazineArticle" -> {
                    if (kind == Kind.ARXIV) {
                        f.put("publicationTitle", "arXiv:" + p.arxivId() + primaryArchive(p));
                        extra.add("arXiv: " + p.arxivId());
                    } else {
                        f.put("publicationTitle", venue);
                        if (venue.contains(".") && type.equals("journalArticle")) {
                            f.put("journalAbbreviation", venue);
                        }
                        f.put("volume", raw.getOrDefault("volume", ""));
                        f.put("issue", raw.getOrDefault("number", ""));
                        f.put("pages", raw.getOrDefault("pages", "").replace("--", "-"));
                        f.put("ISSN", raw.getOrDefault("issn", ""));
                    }
                }
                case "preprint" -> {
                    f.put("repository", "arXiv");
                    f.put("archiveID", "arXiv:" + p.arxivId());
                    extra.add("arXiv:" + p.arxivId() + primaryArchive(p));
                }
                case "book" -> {
                    f.put("publisher", raw.getOrDefault("publisher", ""));
                    f.put("place", raw.getOrDefault("address", ""));
                    f.put("ISBN", raw.getOrDefault("isbn", ""));
                    f.put("volume", raw.getOrDefault("volume", ""));
                }
                case "bookSection" -> {
                    f.put("bookTitle", venue);
                    f.put("publisher", raw.getOrDefault("publisher", ""));
                    f.put("place", raw.getOrDefault("address", ""));
                    f.put("pages", raw.getOrDefault("pages", "").replace("--", "-"));
                }
                case "thesis" -> {
                    f.put("thesisType", random.nextBoolean() ? "PhD Thesis" : "Master's thesis");
                    f.put("university", raw.getOrDefault("publisher", ""));
                    f.put("place", raw.getOrDefault("address", ""));
                }
                case "report" -> {
                    f.put("reportType", "Technical Report");
                    f.put("institution", raw.getOrDefault("publisher", ""));
                    f.put("place", raw.getOrDefault("address", ""));
                    f.put("pages", raw.getOrDefault("pages", "").replace("--", "-"));
                }
                case "webpage" -> {
                    f.put("websiteTitle", "ACL Anthology");
                    f.put("websiteType", random.nextBoolean() ? "Paper page" : "");
                }
                case "document" -> f.put("publisher", raw.getOrDefault("publisher", ""));
                case "computerProgram" -> {
                    f.put("company", raw.getOrDefault("publisher", ""));
                    f.put("versionNumber", (1 + random.nextInt(3)) + "." + random.nextInt(10));
                }
                case "presentation" -> {
                    f.put("meetingName", venue);
                    f.put("presentationType", random.nextBoolean() ? "Talk" : "Poster");
                    f.put("place", raw.getOrDefault("address", ""));
                }
                default -> {
                }
            }
        }

        static String primaryArchive(Paper p) {
            if (p.keywords().isEmpty()) {
                return "";
            }
            String c = p.keywords().get(0);
            int dot = c.indexOf('.');
            return " [" + (dot > 0 ? c.substring(0, dot) : c) + "]";
        }

        String url(String type, Kind kind, Paper p) {
            if (kind == Kind.ARXIV) {
                return "http://arxiv.org/abs/" + p.arxivId();
            }
            if (!p.url().isEmpty()) {
                return p.url();
            }
            return p.doi().isEmpty() ? "" : "https://doi.org/" + p.doi();
        }

        String doi(String type, Kind kind, Paper p) {
            if (kind == Kind.ARXIV && type.equals("preprint")) {
                return "10.48550/arXiv." + p.arxivId(); // what Zotero 7's arXiv translator writes
            }
            return p.doi();
        }

        /**
         * Zotero's "multipart" date: the SQL-sortable part ({@code 00} for an unknown month or day),
         * a space, the date as written, in the spellings the real databases hold.
         */
        String multipartDate(Paper p) {
            String year = p.year();
            String date = p.date();
            int month = date.length() >= 7 ? Integer.parseInt(date.substring(5, 7)) : 0;
            int day = date.length() >= 10 ? Integer.parseInt(date.substring(8, 10)) : 0;
            if (month == 0) {
                return year + "-00-00 " + year;
            }
            String monthName = Month.of(month).getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            String mm = String.format(Locale.ROOT, "%02d", month);
            int r = random.nextInt(100);
            if (day > 0 && r < 55) {
                return date.substring(0, 10) + " " + date.substring(0, 10);
            }
            if (r < 35) {
                return year + "-00-00 " + year; // the month was not written
            }
            if (r < 60) {
                return year + "-" + mm + "-00 " + mm + "/" + year;
            }
            if (r < 78) {
                return year + "-" + mm + "-00 " + year + "-" + mm;
            }
            if (r < 92) {
                return year + "-" + mm + "-00 " + monthName + " " + year;
            }
            return year + "-" + mm + "-00 " + monthName.substring(0, 3) + " " + year;
        }

        List<Creator> creators(String type, Kind kind, Paper p) {
            if (!w.hasCreators(type)) {
                return List.of();
            }
            String creatorType = switch (type) {
                case "book" -> "editor"; // the ACL volumes' names are their editors
                case "computerProgram" -> "programmer";
                case "presentation" -> "presenter";
                default -> "author";
            };
            List<Creator> out = new ArrayList<>();
            List<Author> authors = p.authors();
            if (type.equals("thesis")) {
                authors = authors.subList(0, 1);
            }
            for (Author a : authors) {
                if (a.isOthers()) {
                    continue;
                }
                if (a.isLiteral()) {
                    out.add(Creator.single(a.literal(), creatorType));
                    singleField++;
                    continue;
                }
                String last = a.particle().isEmpty() ? a.family() : a.particle() + " " + a.family();
                String first = a.suffix().isEmpty() ? a.given() : a.given() + ", " + a.suffix();
                if (first.isEmpty() || random.nextInt(100) < 3) {
                    // one field: a name Zotero could not split, or one pasted whole
                    out.add(Creator.single(first.isEmpty() ? last : first + " " + last, creatorType));
                    singleField++;
                } else {
                    out.add(Creator.person(first, last, creatorType));
                }
            }
            if (type.equals("bookSection")) {
                for (String editor : splitNames(p.raw().getOrDefault("editor", ""))) {
                    out.add(Creator.person(editor.contains(", ") ? editor.substring(editor.indexOf(", ") + 2) : "",
                            editor.contains(", ") ? editor.substring(0, editor.indexOf(", ")) : editor, "editor"));
                    if (out.size() > 40) {
                        break;
                    }
                }
                out.removeIf(c -> c.firstName().isEmpty() && !c.singleField() && c.lastName().isEmpty());
            }
            return out.stream().filter(c -> !c.lastName().isBlank() || !c.firstName().isBlank()).toList();
        }

        static List<String> splitNames(String bibNames) {
            if (bibNames.isBlank()) {
                return List.of();
            }
            List<String> out = new ArrayList<>();
            for (String n : bibNames.split("\\s+and\\s+")) {
                String s = n.replaceAll("[{}]", "").strip();
                if (!s.isEmpty() && s.contains(", ") && !s.equals("others")) {
                    out.add(s);
                }
            }
            return out;
        }

        static String firstFamily(Paper p) {
            for (Author a : p.authors()) {
                if (!a.isOthers()) {
                    return a.sortName();
                }
            }
            return "";
        }

        void tags(int id, Kind kind, Paper p) throws SQLException {
            if (kind == Kind.ACM_ARTICLE) {
                for (String k : p.keywords()) {
                    if (!k.isBlank()) {
                        w.tag(id, k.strip(), 1);
                    }
                }
            } else if (kind == Kind.ARXIV) {
                for (String c : p.keywords()) {
                    w.tag(id, arxivCategory(c), 1);
                }
            }
            if (random.nextInt(10) == 0) {
                w.tag(id, MANUAL_TAGS.get(random.nextInt(MANUAL_TAGS.size())), 0);
            }
        }

        /** The arXiv translator's tag names for the common categories ("Computer Science - Machine Learning"). */
        static String arxivCategory(String c) {
            return switch (c) {
                case "cs.CL" -> "Computer Science - Computation and Language";
                case "cs.LG" -> "Computer Science - Machine Learning";
                case "cs.AI" -> "Computer Science - Artificial Intelligence";
                case "cs.CV" -> "Computer Science - Computer Vision and Pattern Recognition";
                case "cs.IR" -> "Computer Science - Information Retrieval";
                case "cs.RO" -> "Computer Science - Robotics";
                case "cs.GR" -> "Computer Science - Graphics";
                case "stat.ML" -> "Statistics - Machine Learning";
                default -> c;
            };
        }

        // --- children: attachments, notes, annotations

        /** Attaches files and notes; returns the relative path of the PDF written under storage/, or "". */
        String children(int parent, String type, Kind kind, Paper p, LocalDateTime added) throws SQLException, IOException {
            String pdf = "";
            boolean web = type.equals("webpage") || type.equals("presentation");
            int r = random.nextInt(100);
            if (!web && r < 62) {
                boolean fromUrl = random.nextInt(10) < 7;
                String name = fileName(p, ".pdf");
                String title = kind == Kind.ARXIV ? "Preprint PDF" : fromUrl ? "Full Text PDF" : "PDF";
                String url = kind == Kind.ARXIV ? "http://arxiv.org/pdf/" + p.arxivId()
                        : p.url().isEmpty() ? "" : p.url().replaceAll("/$", "") + ".pdf";
                StoredFile f = storedAttachment(parent, fromUrl ? 1 : 0, "application/pdf", null, name, title, fromUrl ? url : "",
                        added.plusSeconds(20), pdfBytes(p));
                pdf = f.relative();
                if (!pdf.isEmpty()) {
                    indexedPdfs.put(f.id(), p);
                }
                if (f.id() > 0 && random.nextInt(25) == 0) {
                    annotations(f.id(), p, added.plusDays(2));
                }
            } else if (!web && r < 65) {
                // a file linked where the user keeps it, outside the data directory
                int id = childItem("attachment", added.plusSeconds(20));
                w.attachment(id, parent, 2, "application/pdf", null, "/home/user/Papers/" + fileName(p, ".pdf"), null, null);
                w.fields(id, "attachment", Map.of("title", "PDF"));
                attachments++;
            }
            if (random.nextInt(100) < (web ? 60 : 18)) {
                String name = (kind == Kind.ARXIV ? p.arxivId().replace('/', '_') : "Snapshot") + ".html";
                storedAttachment(parent, 1, "text/html", 1, name, "Snapshot", url(type, kind, p), added.plusSeconds(25),
                        ("<html><head><title>" + escape(p.title()) + "</title></head><body><h1>" + escape(p.title())
                                + "</h1></body></html>\n").getBytes(StandardCharsets.UTF_8));
            }
            if (random.nextInt(100) < 3 && !p.url().isEmpty()) {
                int id = childItem("attachment", added.plusSeconds(30));
                w.attachment(id, parent, 3, "text/html", null, null, null, null);
                w.fields(id, "attachment", Map.of("title", "Link", "url", p.url(), "accessDate", SQL_TIME.format(added)));
                attachments++;
            }
            if (random.nextInt(100) < 9) {
                String comment = p.raw().getOrDefault("comments", "");
                String text = kind == Kind.ARXIV && !comment.isBlank() ? "Comment: " + comment.replaceAll("\\s+", " ").strip()
                        : firstSentence(p.abstractText().isEmpty() ? p.title() : p.abstractText());
                int id = childItem("note", added.plusMinutes(2));
                w.note(id, parent, "<div class=\"zotero-note znv1\"><p>" + escape(text) + "</p></div>", noteTitle(text));
                notes++;
            }
            return pdf;
        }

        record StoredFile(int id, String relative) {
        }

        /** An attachment stored in storage/KEY/: its row, its fields and (mostly) its file. */
        StoredFile storedAttachment(Integer parent, int linkMode, String contentType, Integer charset, String name, String title,
                                    String url, LocalDateTime when, byte[] content) throws SQLException, IOException {
            int id = childItem("attachment", when);
            String key = keyOf(id);
            boolean write = o.storageFiles() && random.nextInt(100) >= 4; // some files are missing from storage, as in real libraries
            Long modTime = null;
            String hash = null;
            String relative = "";
            if (write) {
                Path dir = Files.createDirectories(dataDir.resolve("storage").resolve(key));
                Path file = dir.resolve(name);
                Files.write(file, content);
                long millis = when.toInstant(ZoneOffset.UTC).toEpochMilli();
                Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(millis));
                modTime = millis;
                hash = md5(content);
                relative = "storage/" + key + "/" + name;
                files++;
            } else {
                missing++;
            }
            w.attachment(id, parent, linkMode, contentType, charset, "storage:" + name, modTime, hash);
            Map<String, String> f = new LinkedHashMap<>();
            f.put("title", title);
            if (!url.isEmpty()) {
                f.put("url", url);
                f.put("accessDate", SQL_TIME.format(when));
            }
            w.fields(id, "attachment", f);
            attachments++;
            stored++;
            return new StoredFile(id, relative);
        }

        final Map<Integer, String> keys = new HashMap<>();

        int childItem(String type, LocalDateTime when) throws SQLException {
            int id = nextId++;
            String key = newKey();
            keys.put(id, key);
            String t = SQL_TIME.format(when.isAfter(NOW) ? NOW : when);
            w.item(id, type, t, t, USER_LIBRARY, key);
            return id;
        }

        String keyOf(int id) {
            return keys.get(id);
        }

        void standalonePdf(Paper q, LocalDateTime when) throws SQLException, IOException {
            String name = fileName(q, ".pdf");
            StoredFile f = storedAttachment(null, 0, "application/pdf", null, name, name.substring(0, name.length() - 4), "", when, pdfBytes(q));
            if (!f.relative().isEmpty()) {
                indexedPdfs.put(f.id(), q);
            }
            standaloneAttachments++;
            inCollections(f.id());
        }

        void standaloneNote(Paper p, LocalDateTime when) throws SQLException {
            String text = "Reading notes: " + firstSentence(p.abstractText().isEmpty() ? p.title() : p.abstractText());
            int id = childItem("note", when);
            w.note(id, null, "<div class=\"zotero-note znv1\"><h1>Reading notes</h1><p>" + escape(text) + "</p></div>", "Reading notes");
            notes++;
            standaloneNotes++;
            inCollections(id);
        }

        void annotations(int attachment, Paper p, LocalDateTime when) throws SQLException {
            String text = p.abstractText().isEmpty() ? p.title() : p.abstractText();
            String[] sentences = text.split("(?<=\\.)\\s+");
            int n = 1 + random.nextInt(Math.min(3, sentences.length));
            try (PreparedStatement a = db.prepareStatement("INSERT INTO itemAnnotations (itemID, parentItemID, type, authorName, text,"
                    + " comment, color, pageLabel, sortIndex, position, isExternal) VALUES (?, ?, 1, NULL, ?, ?, ?, '1', ?, ?, 0)")) {
                for (int i = 0; i < n; i++) {
                    int id = childItem("annotation", when.plusMinutes(i));
                    int offset = 100 + 250 * i;
                    a.setInt(1, id);
                    a.setInt(2, attachment);
                    a.setString(3, sentences[i]);
                    a.setString(4, random.nextInt(3) == 0 ? "important" : "");
                    a.setString(5, random.nextBoolean() ? "#ffd400" : "#5fb236");
                    a.setString(6, String.format(Locale.ROOT, "00000|%06d|%05d", offset, 77 + 40 * i));
                    a.setString(7, "{\"pageIndex\":0,\"rects\":[[72.0," + (700 - 40 * i) + ".5,540.0," + (712 - 40 * i) + ".9]]}");
                    a.executeUpdate();
                    annotations++;
                }
            }
        }

        /**
         * Zotero's default attachment name, "{{ firstCreator }} - {{ year }} - {{ title }}", invalid
         * characters dropped; the title cut at 100 characters (Zotero 7) or, for a third, at 50 (Zotero 6 and before).
         */
        String fileName(Paper p, String extension) {
            return fileName(p, extension, random.nextInt(3) == 0 ? 50 : 100);
        }

        static String fileName(Paper p, String extension, int titleChars) {
            List<Author> as = p.authors().stream().filter(a -> !a.isOthers()).toList();
            String creator = as.isEmpty() ? "" : as.size() == 1 ? as.get(0).sortName()
                    : as.size() == 2 ? as.get(0).sortName() + " and " + as.get(1).sortName() : as.get(0).sortName() + " et al.";
            String title = p.title().length() > titleChars ? p.title().substring(0, titleChars).strip() : p.title();
            String name = String.join(" - ", List.of(creator, p.year(), title).stream().filter(s -> !s.isBlank()).toList());
            name = name.replaceAll("[/\\\\?*:|\"<>]", "").replaceAll("[\\r\\n\\t]+", " ").replaceAll("\\s+", " ").strip();
            return name + extension;
        }

        static byte[] pdfBytes(Paper p) {
            // a small valid PDF naming the paper: the file exists and opens; its content is not read
            String body = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
                    + "3 0 obj<</Title(" + p.title().replaceAll("[()\\\\]", "").replaceAll("[^\\x20-\\x7e]", "?") + ")>>endobj\n"
                    + "trailer<</Root 1 0 R/Info 3 0 R>>\n%%EOF\n";
            return body.getBytes(StandardCharsets.ISO_8859_1);
        }

        static String md5(byte[] b) {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(b));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        static String firstSentence(String text) {
            String[] s = text.split("(?<=\\.)\\s+", 2);
            return s[0].length() > 300 ? s[0].substring(0, 300) : s[0];
        }

        static String noteTitle(String text) {
            return text.length() > 80 ? text.substring(0, 80) : text;
        }

        static String escape(String s) {
            return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        }

        static String capitalise(String s) {
            return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
        }
    }
}
