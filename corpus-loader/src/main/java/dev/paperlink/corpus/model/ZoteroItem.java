package dev.paperlink.corpus.model;

import java.util.Optional;

/**
 * What a paper read from a Zotero database carries besides the common fields, in {@link Paper#raw()}
 * under these names: the item's {@code zotero://select} address, its library's name and the
 * collections it is in. Its attachment files (absolute paths, PDFs first) are {@link Paper#files()}.
 */
public final class ZoteroItem {
    /** {@code zotero://select/library/items/KEY} (user library) or {@code zotero://select/groups/ID/items/KEY}. */
    public static final String SELECT = "zotero.select";
    /** "My Library" or the group's name. */
    public static final String LIBRARY = "zotero.library";
    /** The collections the item is in, each as its path from the top ("PBRT/Chapter 1"), separated by "; ". */
    public static final String COLLECTIONS = "zotero.collections";
    /** The item's key in its library (8 characters, e.g. {@code 8XSB2LMG}). */
    public static final String ITEM_KEY = "zotero.key";

    private ZoteroItem() {
    }

    /** The address that shows the item in Zotero, when the paper has a record from a Zotero database. */
    public static Optional<String> selectUri(Paper p) {
        String s = p.raw().getOrDefault(SELECT, "");
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }
}
