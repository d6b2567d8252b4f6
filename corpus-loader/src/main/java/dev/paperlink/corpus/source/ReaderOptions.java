package dev.paperlink.corpus.source;

import dev.paperlink.corpus.model.SourceFormat;
import dev.paperlink.corpus.source.zotero.sqlite.ZoteroSelection;

/**
 * What the user chose about how sources are read (today: which part of a Zotero database). A
 * file read under other options is read again ({@link #variant}).
 */
public record ReaderOptions(ZoteroSelection zotero) {
    public static final ReaderOptions DEFAULT = new ReaderOptions(ZoteroSelection.ALL);

    public ReaderOptions {
        zotero = zotero == null ? ZoteroSelection.ALL : zotero;
    }

    /** What these options change in how a file of this format is read; empty when nothing. */
    public String variant(SourceFormat format) {
        return format == SourceFormat.ZOTERO_SQLITE ? zotero.variant() : "";
    }
}
