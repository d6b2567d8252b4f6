package dev.paperlink.server.feature.symbols;

import dev.paperlink.server.document.Pos;

/**
 * A paper found by workspace symbol search: its name ({@code key — title}), where it is
 * defined (a workspace .bib entry, else its record in the corpus) and what to show beside it.
 */
public record PaperSymbol(String name, String container, String uri, Pos start, Pos end) {
}
