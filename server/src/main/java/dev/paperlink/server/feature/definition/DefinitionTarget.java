package dev.paperlink.server.feature.definition;

import dev.paperlink.server.document.Pos;
import dev.paperlink.server.document.TextRange;

/**
 * Where a key is defined: a file URI and a range in it (0-based lines, UTF-16 columns), and the
 * key's range in the document asked about.
 */
public record DefinitionTarget(String uri, Pos start, Pos end, TextRange origin) {
}
