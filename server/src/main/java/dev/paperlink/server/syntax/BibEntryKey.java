package dev.paperlink.server.syntax;

import dev.paperlink.server.document.TextRange;

/** The key of one entry in a BibTeX file, where it is written, and the entry's type ({@code article}...). */
public record BibEntryKey(String key, TextRange range, String type) {
}
