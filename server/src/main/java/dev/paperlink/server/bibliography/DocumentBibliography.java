package dev.paperlink.server.bibliography;

import dev.paperlink.corpus.model.Paper;
import dev.paperlink.server.feature.InMemoryLookup;
import dev.paperlink.server.syntax.BibliographyRef;

import java.util.ArrayList;
import java.util.List;

/**
 * A document's own bibliography: the files it names, in order, each as read, and a lookup over
 * their papers (these rank above the corpus for this document).
 */
public record DocumentBibliography(List<Named> files, InMemoryLookup lookup) {
    public static final DocumentBibliography NONE = new DocumentBibliography(List.of(), new InMemoryLookup(List.of()));

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

    public static DocumentBibliography of(List<Named> files) {
        List<Paper> papers = new ArrayList<>();
        for (Named n : files) {
            papers.addAll(n.file().papers());
        }
        return new DocumentBibliography(files, new InMemoryLookup(papers));
    }
}
