package dev.paperlink.corpus.source;

/**
 * A record that could not be loaded: the file, the 1-based line where the problem is, and why.
 * {@link #toString()} gives the {@code file:line: message} form printed to users.
 *
 * @param reason a short category used in summaries ("syntax", "no title", "undefined crossref"...)
 */
public record Skip(String file, int line, String reason, String message) {

    @Override
    public String toString() {
        return file + ":" + line + ": " + message;
    }
}
