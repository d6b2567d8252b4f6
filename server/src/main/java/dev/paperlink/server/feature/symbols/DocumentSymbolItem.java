package dev.paperlink.server.feature.symbols;

import dev.paperlink.server.document.TextRange;

import java.util.List;

/**
 * One entry of a document's outline: a section (its citations as children), a citation, or a
 * bibliography entry.
 *
 * @param range     all of it (a section runs to the next section of its level or above)
 * @param selection its name (the heading's text, the key)
 */
public record DocumentSymbolItem(String name, String detail, Kind kind, TextRange range, TextRange selection,
                                 List<DocumentSymbolItem> children) {

    public enum Kind { SECTION, ENTRY, CITATION }

    public DocumentSymbolItem {
        children = List.copyOf(children);
    }
}
