package dev.paperlink.server.feature;

import dev.paperlink.server.document.DocumentKind;
import dev.paperlink.server.document.TextRange;
import dev.paperlink.server.bibliography.BibChunks;
import dev.paperlink.server.bibliography.DocumentBibliography;
import dev.paperlink.server.syntax.BibtexKeyScanner;
import dev.paperlink.server.syntax.CitationScanner;

import java.util.Optional;

/** The citation key under the cursor: in a citation of a note, or the key of an entry in a .bib file. */
public record KeyAtCursor(String key, TextRange range, boolean inBibliography) {

    /** The entry table of the .bib document itself, when its bibliography has it (kept edit by edit: no scan here). */
    public static Optional<BibChunks> ownEntries(FeatureParams p) {
        Optional<java.nio.file.Path> self = p.document().path();
        return p.bibliography().files().stream()
                .map(DocumentBibliography.Named::file)
                .filter(f -> self.isPresent() && f.path().equals(self.get()) && f.lines() != null)
                .findFirst()
                .map(f -> f.chunks().get())
                .filter(c -> c.textLength() == p.document().content().length());
    }

    /** The entry table of a .bib document: its own, else cut now. */
    public static BibChunks entries(FeatureParams p) {
        return ownEntries(p).orElseGet(() -> BibChunks.scan(p.document().content()));
    }

    private static Optional<KeyAtCursor> atEntry(BibChunks c, int offset) {
        for (int i : new int[] {c.entryAt(offset), c.entryAt(offset) - 1}) {
            if (i >= 0 && c.hasKey(i)) {
                TextRange r = new TextRange(c.keyStart(i), c.keyStart(i) + c.key(i).length());
                if (r.touches(offset)) {
                    return Optional.of(new KeyAtCursor(c.key(i), r, true));
                }
            }
        }
        return Optional.empty();
    }

    public static Optional<KeyAtCursor> find(FeatureParams p) {
        if (p.offset() < 0 || p.offset() > p.document().content().length()) {
            return Optional.empty();
        }
        if (p.document().kind() == DocumentKind.BIBTEX) {
            return ownEntries(p).map(c -> atEntry(c, p.offset()))
                    .orElseGet(() -> BibtexKeyScanner.at(p.document().text(), p.offset()).map(k -> new KeyAtCursor(k.key(), k.range(), true)));
        }
        String text = p.document().text();
        return CitationScanner.forKind(p.document().kind())
                .flatMap(s -> s.scan(text).at(p.offset()))
                .filter(r -> !r.isEmpty() && !r.isAll())
                .map(r -> new KeyAtCursor(r.key(), r.range(), false));
    }
}
