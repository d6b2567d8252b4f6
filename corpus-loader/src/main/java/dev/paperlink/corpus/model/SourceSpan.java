package dev.paperlink.corpus.model;

/**
 * Where one record came from: the source file, its format and the 1-based line span of the
 * record in that file. For BibTeX entries {@code keyLine}/{@code keyColumn} give the exact
 * position of the citation key (1-based line, 0-based UTF-16 column, as editors count), and
 * {@code key} the key as written there; for other formats they point at the record's first line.
 */
public record SourceSpan(String file, SourceFormat format, int startLine, int endLine, int keyLine, int keyColumn, String key) {

    public SourceSpan {
        file = file == null ? "" : file;
        key = key == null ? "" : key;
        if (endLine < startLine) {
            endLine = startLine;
        }
    }

    /** A span for a record without a written key, at one line. */
    public static SourceSpan line(String file, SourceFormat format, int line) {
        return new SourceSpan(file, format, line, line, line, 0, "");
    }

    /** "file:line", the form used in messages. */
    public String location() {
        return file + ":" + startLine;
    }
}
