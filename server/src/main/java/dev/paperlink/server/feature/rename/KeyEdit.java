package dev.paperlink.server.feature.rename;

import dev.paperlink.server.document.Pos;

/** One replacement of a key: a range of a file (0-based lines, UTF-16 columns) and the new key. */
public record KeyEdit(Pos start, Pos end, String newText) {
}
