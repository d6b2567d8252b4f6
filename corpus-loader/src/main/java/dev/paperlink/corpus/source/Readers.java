package dev.paperlink.corpus.source;

import dev.paperlink.corpus.model.SourceFormat;
import dev.paperlink.corpus.source.arxiv.ArxivJsonlReader;
import dev.paperlink.corpus.source.bibtex.BibtexReader;
import dev.paperlink.corpus.source.csl.CslJsonReader;
import dev.paperlink.corpus.source.csl.CslYamlReader;
import dev.paperlink.corpus.source.hf.HfJsonReader;
import dev.paperlink.corpus.source.hf.HfPageTextReader;
import dev.paperlink.corpus.source.zotero.ZoteroJsonReader;

/** The reader of each format. Readers are cheap and stateless between files: a new one per file. */
public final class Readers {
    private Readers() {
    }

    /** Whether files of this format are databases, read by {@link #openItems} (item by item), not as text. */
    public static boolean isItemSource(SourceFormat format) {
        return format == SourceFormat.ZOTERO_SQLITE;
    }

    /** Opens a database source for reading its items, as the options choose. */
    public static ItemSource openItems(SourceFiles.SourceFile file, String name, ReaderOptions options)
            throws java.io.IOException, ItemSource.Unreadable {
        if (file.format() != SourceFormat.ZOTERO_SQLITE) {
            throw new IllegalArgumentException(file.format().label() + " is read as text");
        }
        return dev.paperlink.corpus.source.zotero.sqlite.ZoteroDatabase.open(file.path(), name, options.zotero(),
                options.zoteroBaseDirectory());
    }

    /**
     * A reader of the rest of a file whose first lines were read before (what was appended to a JSON-lines file):
     * its records are numbered from {@code firstLine}. Only line formats can be read so.
     */
    public static RecordReader fromLine(SourceFormat format, int firstLine) {
        if (format != SourceFormat.ARXIV_JSONL) {
            throw new IllegalArgumentException(format.label() + " is not read from the middle");
        }
        return new ArxivJsonlReader(firstLine);
    }

    public static RecordReader forFormat(SourceFormat format) {
        return switch (format) {
            case BIBTEX -> new BibtexReader();
            case CSL_JSON -> new CslJsonReader();
            case CSL_YAML -> new CslYamlReader();
            case ZOTERO_JSON -> new ZoteroJsonReader();
            case ARXIV_JSONL -> new ArxivJsonlReader();
            case HF_PAGE_TEXT -> new HfPageTextReader();
            case HF_JSON -> new HfJsonReader();
            case HAYAGRIVA -> new dev.paperlink.corpus.source.hayagriva.HayagrivaReader();
            // a database is no text: it is read from its file (ZoteroSqliteReader), never through a Reader
            case ZOTERO_SQLITE -> throw new IllegalArgumentException("a Zotero database is read from its file, not as text");
        };
    }
}
