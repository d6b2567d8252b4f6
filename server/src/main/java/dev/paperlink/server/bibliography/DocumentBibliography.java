package dev.paperlink.server.bibliography;

import dev.paperlink.server.document.Pos;
import dev.paperlink.server.feature.LayeredLookup;
import dev.paperlink.server.feature.PaperLookup;
import dev.paperlink.server.feature.WithoutKeys;
import dev.paperlink.server.syntax.BibliographyRef;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A document's own bibliography: the files it names, in order, each as read, and a lookup over
 * their papers (these rank above the corpus for this document). Papers come from the index,
 * asked about these files only, with what edited buffers change laid over it; files the index
 * cannot stand for are read whole ({@link BibliographyFile.Served#TEXT}).
 */
public record DocumentBibliography(List<Named> files, PaperLookup lookup) {
    public static final DocumentBibliography NONE = new DocumentBibliography(List.of(), PaperLookup.EMPTY);

    /**
     * A file as the document names it, and as it was read.
     *
     * @param inherited named by the root document that includes this one, not by this document
     *                  (so {@code ref}'s range is not in this document)
     */
    public record Named(BibliographyRef ref, BibliographyFile file, boolean inherited) {
        public Named(BibliographyRef ref, BibliographyFile file) {
            this(ref, file, false);
        }
    }

    public DocumentBibliography {
        files = List.copyOf(files);
    }

    /** Files read whole only (no index). */
    public static DocumentBibliography of(List<Named> files) {
        return of(files, paths -> PaperLookup.EMPTY);
    }

    /**
     * @param index the index's answers about papers of these files only
     */
    public static DocumentBibliography of(List<Named> files, Function<List<Path>, PaperLookup> index) {
        PaperLookup lookup = null;
        List<Path> indexed = new ArrayList<>();
        Set<String> hidden = new HashSet<>();
        for (Named n : files) {
            BibliographyFile f = n.file();
            if (!f.readable()) {
                continue;
            }
            if (f.overlay() != PaperLookup.EMPTY) {
                lookup = lookup == null ? f.overlay() : new LayeredLookup(lookup, f.overlay());
            }
            if (f.fromIndex() && !indexed.contains(f.path())) {
                indexed.add(f.path());
                hidden.addAll(f.hiddenKeys());
            }
        }
        if (!indexed.isEmpty()) {
            PaperLookup fromIndex = WithoutKeys.of(index.apply(indexed), hidden);
            lookup = lookup == null ? fromIndex : new LayeredLookup(lookup, fromIndex);
        }
        return new DocumentBibliography(files, lookup == null ? PaperLookup.EMPTY : lookup);
    }

    /** Whether the index is still reading one of the files (what is known so far answers). */
    public boolean pending() {
        return files.stream().anyMatch(n -> n.file().pending());
    }

    /**
     * Where {@code key} is written in {@code file} when its text is at hand (an open buffer,
     * whose lines may no longer be those the index read): start and end.
     */
    public Optional<Pos[]> keyRange(String file, String key) {
        for (Named n : files) {
            BibliographyFile f = n.file();
            if (f.lines() != null && dev.paperlink.corpus.source.SourceFiles.name(f.path()).equals(file)) {
                BibChunks c = f.chunks().get();
                int i = c.find(key);
                return i < 0 ? Optional.empty() : Optional.of(new Pos[] {c.keyPosition(i), c.keyEndPosition(i)});
            }
        }
        return Optional.empty();
    }
}
