package dev.paperlink.server.bibliography;

import dev.paperlink.corpus.model.SourceFormat;
import dev.paperlink.corpus.source.Skip;
import dev.paperlink.server.document.LineIndex;
import dev.paperlink.server.feature.InMemoryLookup;
import dev.paperlink.server.feature.PaperLookup;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One bibliography file as a document sees it: where its papers come from ({@link Served}), the
 * papers an edited buffer adds over the index ({@code overlay}) and the indexed keys it hides,
 * what could not be read (lines as in the text the editor shows), and, for BibTeX, its entries'
 * keys and positions ({@link BibChunks}, cut only when asked for: a file that is not open is
 * only cut for duplicate checks).
 *
 * @param overlay    papers served from the text itself: all of them when {@link Served#TEXT},
 *                   else the entries an unsaved buffer changed
 * @param hiddenKeys keys (lower case) whose indexed records the buffer changed or removed
 * @param lines      the lines of the text when it is at hand (an open buffer, a text read here), else null
 * @param problem    why the file could not be read at all (missing, unreadable, unknown format), or null
 */
public record BibliographyFile(Path path, SourceFormat format, Served served, PaperLookup overlay, Set<String> hiddenKeys,
                               List<Skip> skips, Supplier<BibChunks> chunks, LineIndex lines, String problem) {

    /** Where a file's papers come from. */
    public enum Served {
        /** The index, which has this version of the file (an open buffer's changes overlaid). */
        INDEX,
        /** The index, which is still reading this version of the file: what it has so far. */
        INDEXING,
        /** The text read here, whole (a small edited buffer the index cannot stand for, or tests). */
        TEXT
    }

    public BibliographyFile {
        skips = List.copyOf(skips);
        hiddenKeys = Set.copyOf(hiddenKeys);
    }

    public static BibliographyFile unreadable(Path path, String problem) {
        return new BibliographyFile(path, null, Served.TEXT, PaperLookup.EMPTY, Set.of(), List.of(), () -> BibChunks.EMPTY,
                null, problem);
    }

    public boolean readable() {
        return problem == null;
    }

    /** Whether some of its papers come from the index. */
    public boolean fromIndex() {
        return readable() && served != Served.TEXT;
    }

    /** Whether the index is still reading it (answers hold what is known so far). */
    public boolean pending() {
        return readable() && served == Served.INDEXING;
    }

    /** The papers of the overlay, when it is an in-memory list (tests and messages). */
    public List<dev.paperlink.corpus.model.Paper> overlayPapers() {
        return overlay instanceof InMemoryLookup m ? m.papers() : List.of();
    }
}
