package dev.paperlink.server.syntax;

import dev.paperlink.server.document.TextRange;

import java.util.List;
import java.util.Optional;

/**
 * What a scanner found in a text: every key written, and the spans where a key may be written
 * (the inside of {@code \cite{...}}, or the place after a bare {@code @}).
 *
 * @param refs  non-empty keys, in text order
 * @param slots key lists (brace interiors) and key places, in text order; each slot is
 *              "open" when its citation is not closed
 */
public record CitationScan(List<CitationRef> refs, List<Slot> slots) {

    public record Slot(TextRange range, boolean open) {
    }

    public CitationScan {
        refs = List.copyOf(refs);
        slots = List.copyOf(slots);
    }

    /**
     * The key at a cursor: the key whose range touches {@code offset}, else an empty key at
     * {@code offset} when it lies inside a key list; empty outside citations.
     */
    public Optional<CitationRef> at(int offset) {
        for (CitationRef r : refs) {
            if (r.range().touches(offset)) {
                return Optional.of(r);
            }
        }
        for (Slot s : slots) {
            if (s.range().touches(offset)) {
                return Optional.of(new CitationRef("", TextRange.empty(offset), s.open()));
            }
        }
        return Optional.empty();
    }
}
