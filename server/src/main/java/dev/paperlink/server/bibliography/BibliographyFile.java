package dev.paperlink.server.bibliography;

import dev.paperlink.corpus.model.Paper;
import dev.paperlink.corpus.model.SourceFormat;
import dev.paperlink.corpus.source.Skip;
import dev.paperlink.server.document.LineIndex;
import dev.paperlink.server.syntax.BibEntryKey;

import java.nio.file.Path;
import java.util.List;

/**
 * One bibliography file as read for a document: its records, what could not be read, and (for
 * BibTeX) the position of every entry key, found independently of the record reader.
 *
 * @param problem why the file could not be read at all (missing, unreadable, unknown format), or null
 */
public record BibliographyFile(Path path, SourceFormat format, List<Paper> papers, List<Skip> skips,
                               List<BibEntryKey> keys, LineIndex lines, String problem) {

    public BibliographyFile {
        papers = List.copyOf(papers);
        skips = List.copyOf(skips);
        keys = List.copyOf(keys);
    }

    public static BibliographyFile unreadable(Path path, String problem) {
        return new BibliographyFile(path, null, List.of(), List.of(), List.of(), LineIndex.of(""), problem);
    }

    public boolean readable() {
        return problem == null;
    }
}
