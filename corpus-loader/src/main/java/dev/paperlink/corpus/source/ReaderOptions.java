package dev.paperlink.corpus.source;

import dev.paperlink.corpus.model.SourceFormat;
import dev.paperlink.corpus.source.zotero.sqlite.ZoteroSelection;

/**
 * What the user chose about how sources are read (today: which part of a Zotero database). A
 * file read under other options is read again ({@link #variant}).
 */
public record ReaderOptions(ZoteroSelection zotero, java.util.Optional<java.nio.file.Path> zoteroBaseDirectory) {
    public static final ReaderOptions DEFAULT = new ReaderOptions(ZoteroSelection.ALL, java.util.Optional.empty());

    /**
     * @param zotero              which part of a Zotero database is read
     * @param zoteroBaseDirectory Zotero's base directory for linked files ({@code extensions.zotero.baseAttachmentPath}),
     *                            against which {@code attachments:} paths are resolved, when known
     */
    public ReaderOptions {
        zotero = zotero == null ? ZoteroSelection.ALL : zotero;
        zoteroBaseDirectory = zoteroBaseDirectory == null ? java.util.Optional.empty() : zoteroBaseDirectory;
    }

    public ReaderOptions(ZoteroSelection zotero) {
        this(zotero, java.util.Optional.empty());
    }

    /** What these options change in how a file of this format is read; empty when nothing. */
    public String variant(SourceFormat format) {
        return format == SourceFormat.ZOTERO_SQLITE
                ? zotero.variant() + zoteroBaseDirectory.map(d -> ";base=" + d).orElse("") : "";
    }
}
