package dev.paperlink.corpus.source.zotero.sqlite;

import java.util.List;
import java.util.Locale;

/**
 * Which part of a Zotero database is indexed: the libraries (by name: "My Library" or a group's
 * name) and collections (by name, or by path from the top: "PBRT/Chapter 1"; an item in a
 * sub-collection of a chosen one is in it). Empty lists mean everything. Names compare without case.
 */
public record ZoteroSelection(List<String> libraries, List<String> collections) {
    public static final ZoteroSelection ALL = new ZoteroSelection(List.of(), List.of());

    public ZoteroSelection {
        libraries = libraries == null ? List.of() : libraries.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        collections = collections == null ? List.of() : collections.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public boolean isAll() {
        return libraries.isEmpty() && collections.isEmpty();
    }

    /**
     * A short text that changes whenever the selection does (kept with the file's fingerprint: a
     * changed selection reads the database again); empty for everything.
     */
    public String variant() {
        if (isAll()) {
            return "";
        }
        return "libraries=" + String.join(",", lower(libraries)) + ";collections=" + String.join(",", lower(collections));
    }

    private static List<String> lower(List<String> names) {
        return names.stream().map(s -> s.toLowerCase(Locale.ROOT)).sorted().toList();
    }
}
