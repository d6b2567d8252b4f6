package dev.paperlink.server.feature.diagnostics;

import dev.paperlink.server.document.Pos;

/** One diagnostic, protocol-free: a range (0-based lines, UTF-16 columns), a severity, a stable code and a message. */
public record Problem(Pos start, Pos end, Severity severity, String code, String message) {

    public enum Severity {
        ERROR, WARNING, INFORMATION, HINT
    }

    public static final String UNKNOWN_KEY = "unknown-key";
    public static final String DUPLICATE_KEY = "duplicate-key";
    public static final String MISSING_BIBLIOGRAPHY = "missing-bibliography";
    public static final String BIBLIOGRAPHY_SYNTAX = "bibliography-syntax";
    /** An entry no note of the workspace cites (shown as unnecessary). */
    public static final String UNUSED_ENTRY = "unused-entry";
}
