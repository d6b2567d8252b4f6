package dev.paperlink.server.feature.hover;

import dev.paperlink.server.document.TextRange;

/** A hover: the range of the key and a Markdown text. {@code known} is false for an unknown key. */
public record HoverResult(TextRange range, String markdown, boolean known) {
}
