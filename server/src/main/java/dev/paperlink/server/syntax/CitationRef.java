package dev.paperlink.server.syntax;

import dev.paperlink.server.document.TextRange;

/**
 * One citation key written in a document.
 *
 * @param key   the key as written (without {@code @} or braces); empty for a place where a key is
 *              being started (right after {@code \cite{}, a comma, or a bare {@code @})
 * @param range where the key is (empty range at the cursor for an empty key)
 * @param open  whether the citation around it is not closed yet (being typed: {@code \cite{vasw})
 */
public record CitationRef(String key, TextRange range, boolean open) {

    /** What {@code \\nocite{*}} writes: every entry of the bibliography is cited. */
    public static final String ALL = "*";

    public boolean isEmpty() {
        return key.isEmpty();
    }

    /** Whether this is {@code \\nocite{*}}'s {@code *}, no key. */
    public boolean isAll() {
        return key.equals(ALL);
    }
}
