package dev.paperlink.corpus.source.bibtex;

import java.util.Map;

/**
 * One parsed entry before mapping: lower-case type, key as written, its position, and the raw
 * field values (lower-case names, macros expanded, {@code #} concatenated, whitespace collapsed,
 * LaTeX untouched) in source order.
 */
record RawEntry(String type, String key, int startLine, int endLine, int keyLine, int keyColumn,
                Map<String, String> fields) {

    String field(String name) {
        String v = fields.get(name);
        return v == null ? "" : v;
    }

    boolean has(String name) {
        String v = fields.get(name);
        return v != null && !v.isBlank();
    }

    RawEntry withFields(Map<String, String> newFields) {
        return new RawEntry(type, key, startLine, endLine, keyLine, keyColumn, newFields);
    }
}
