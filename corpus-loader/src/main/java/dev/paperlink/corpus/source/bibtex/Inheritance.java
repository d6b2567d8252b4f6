package dev.paperlink.corpus.source.bibtex;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code crossref} and {@code xdata} inheritance, resolved at the end of a file. Entries that name
 * a parent are deferred; the raw fields of entries that can be parents (by type, or because a
 * deferred entry named them) are kept. A child whose parent is missing loads without inheritance.
 */
final class Inheritance {
    /** Types whose entries are kept as possible parents. */
    private static final Set<String> PARENT_TYPES = Set.of("proceedings", "mvproceedings", "book", "mvbook",
            "collection", "mvcollection", "reference", "mvreference", "periodical", "xdata", "set", "journal",
            "inbook", "bookinbook");
    private static final Set<String> BOOKS = Set.of("book", "mvbook", "collection", "mvcollection", "reference",
            "mvreference", "proceedings", "mvproceedings", "bookinbook");
    private static final Set<String> IN_BOOKS = Set.of("inbook", "bookinbook", "suppbook", "incollection",
            "suppcollection", "inproceedings", "inreference", "conference");
    /** Fields never inherited (BibLaTeX's defaults). */
    private static final Set<String> NOT_INHERITED = Set.of("crossref", "xref", "xdata", "entryset", "entrysubtype",
            "execute", "label", "options", "presort", "related", "relatedoptions", "relatedstring", "relatedtype",
            "shorthand", "shorthandintro", "sortkey", "ids", "key");
    private static final Set<String> TITLE_FIELDS = Set.of("title", "subtitle", "titleaddon", "shorttitle",
            "sorttitle", "indextitle", "indexsorttitle");
    private static final int MAX_DEPTH = 8;

    private final Map<String, RawEntry> parents = new HashMap<>();
    private final Set<String> wanted = new HashSet<>();
    private final List<RawEntry> deferred = new ArrayList<>();

    /** Whether an entry names a parent and must wait for the end of the file. */
    static boolean needsParent(RawEntry e) {
        return e.has("crossref") || e.has("xdata");
    }

    /** Notes an entry: keeps it as a possible parent; defers it if it is a child. Returns true if deferred. */
    boolean offer(RawEntry e) {
        String lk = e.key().toLowerCase(Locale.ROOT);
        if (PARENT_TYPES.contains(e.type()) || wanted.contains(lk)) {
            parents.putIfAbsent(lk, e);
        }
        if (!needsParent(e)) {
            return false;
        }
        for (String k : parentKeys(e)) {
            wanted.add(k);
        }
        deferred.add(e);
        return true;
    }

    List<RawEntry> deferred() {
        return deferred;
    }

    /** The entry with its crossref/xdata fields merged in (missing parents ignored). */
    RawEntry resolve(RawEntry e) {
        return resolve(e, 0, new HashSet<>());
    }

    private RawEntry resolve(RawEntry e, int depth, Set<String> seen) {
        if (!needsParent(e) || depth > MAX_DEPTH || !seen.add(e.key().toLowerCase(Locale.ROOT))) {
            return e;
        }
        Map<String, String> fields = new LinkedHashMap<>(e.fields());
        // xdata: copy every field that is missing
        for (String k : splitKeys(e.field("xdata"))) {
            RawEntry x = parents.get(k.toLowerCase(Locale.ROOT));
            if (x != null) {
                x = resolve(x, depth + 1, seen);
                for (Map.Entry<String, String> f : x.fields().entrySet()) {
                    if (!NOT_INHERITED.contains(f.getKey())) {
                        fields.putIfAbsent(f.getKey(), f.getValue());
                    }
                }
            }
        }
        String crossref = e.field("crossref").strip();
        if (!crossref.isEmpty()) {
            RawEntry p = parents.get(crossref.toLowerCase(Locale.ROOT));
            if (p != null) {
                p = resolve(p, depth + 1, seen);
                inherit(p, e.type(), fields);
            }
        }
        return e.withFields(fields);
    }

    private static void inherit(RawEntry parent, String childType, Map<String, String> fields) {
        boolean titleMapped = false;
        String pt = parent.type();
        if (BOOKS.contains(pt) && IN_BOOKS.contains(childType)) {
            titleMapped = true;
            String prefix = pt.startsWith("mv") ? "main" : "book";
            mapTitle(parent, prefix, fields);
        } else if (pt.startsWith("mv") && BOOKS.contains(childType)) {
            titleMapped = true;
            mapTitle(parent, "main", fields);
        } else if (pt.equals("periodical") && (childType.equals("article") || childType.equals("suppperiodical"))) {
            titleMapped = true;
            putIfAbsent(fields, "journaltitle", parent.field("title"));
            putIfAbsent(fields, "journalsubtitle", parent.field("subtitle"));
        }
        for (Map.Entry<String, String> f : parent.fields().entrySet()) {
            String name = f.getKey();
            if (NOT_INHERITED.contains(name) || (titleMapped && TITLE_FIELDS.contains(name))) {
                continue;
            }
            fields.putIfAbsent(name, f.getValue());
        }
    }

    private static void mapTitle(RawEntry parent, String prefix, Map<String, String> fields) {
        putIfAbsent(fields, prefix + "title", parent.field("title"));
        putIfAbsent(fields, prefix + "subtitle", parent.field("subtitle"));
        putIfAbsent(fields, prefix + "titleaddon", parent.field("titleaddon"));
    }

    private static void putIfAbsent(Map<String, String> fields, String name, String value) {
        if (!value.isEmpty()) {
            fields.putIfAbsent(name, value);
        }
    }

    private static List<String> parentKeys(RawEntry e) {
        List<String> keys = new ArrayList<>();
        for (String k : splitKeys(e.field("xdata"))) {
            keys.add(k.toLowerCase(Locale.ROOT));
        }
        String c = e.field("crossref").strip();
        if (!c.isEmpty()) {
            keys.add(c.toLowerCase(Locale.ROOT));
        }
        return keys;
    }

    private static List<String> splitKeys(String s) {
        List<String> keys = new ArrayList<>();
        for (String k : s.split(",")) {
            String t = k.strip();
            if (!t.isEmpty()) {
                keys.add(t);
            }
        }
        return keys;
    }
}
