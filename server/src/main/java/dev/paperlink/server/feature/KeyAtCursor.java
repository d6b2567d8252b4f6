package dev.paperlink.server.feature;

import dev.paperlink.server.document.DocumentKind;
import dev.paperlink.server.document.TextRange;
import dev.paperlink.server.syntax.BibtexKeyScanner;
import dev.paperlink.server.syntax.CitationScanner;

import java.util.Optional;

/** The citation key under the cursor: in a citation of a note, or the key of an entry in a .bib file. */
public record KeyAtCursor(String key, TextRange range, boolean inBibliography) {

    public static Optional<KeyAtCursor> find(FeatureParams p) {
        String text = p.document().text();
        if (p.offset() < 0 || p.offset() > text.length()) {
            return Optional.empty();
        }
        if (p.document().kind() == DocumentKind.BIBTEX) {
            return BibtexKeyScanner.at(text, p.offset()).map(k -> new KeyAtCursor(k.key(), k.range(), true));
        }
        return CitationScanner.forKind(p.document().kind())
                .flatMap(s -> s.scan(text).at(p.offset()))
                .filter(r -> !r.isEmpty())
                .map(r -> new KeyAtCursor(r.key(), r.range(), false));
    }
}
