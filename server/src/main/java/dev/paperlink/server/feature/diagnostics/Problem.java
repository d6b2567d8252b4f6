package dev.paperlink.server.feature.diagnostics;

import dev.paperlink.server.document.Pos;

import java.nio.file.Path;
import java.util.List;

/**
 * One diagnostic, protocol-free: a range (0-based lines, UTF-16 columns), a severity, a stable code
 * and a message, and the other places it is about ({@code related}: the other definitions of a duplicate key).
 */
public record Problem(Pos start, Pos end, Severity severity, String code, String message, List<Related> related) {

    public Problem(Pos start, Pos end, Severity severity, String code, String message) {
        this(start, end, severity, code, message, List.of());
    }

    public Problem {
        related = related == null ? List.of() : List.copyOf(related);
    }

    /** Another place a problem is about, in {@code file}. */
    public record Related(Path file, Pos start, Pos end, String message) {
    }

    public enum Severity {
        ERROR, WARNING, INFORMATION, HINT
    }

    public static final String UNKNOWN_KEY = "unknown-key";
    public static final String DUPLICATE_KEY = "duplicate-key";
    public static final String MISSING_BIBLIOGRAPHY = "missing-bibliography";
    public static final String BIBLIOGRAPHY_SYNTAX = "bibliography-syntax";
    /** A key the document's bibliography lacks and the corpus has: the document would not build. */
    public static final String NOT_IN_BIBLIOGRAPHY = "not-in-bibliography";
    /** A key that matches its entry only ignoring case (BibTeX warns, biber does not find it). */
    public static final String KEY_CASE = "key-case";
    /** An entry no note of the workspace cites (shown as unnecessary). */
    public static final String UNUSED_ENTRY = "unused-entry";
}
