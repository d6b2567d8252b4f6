package dev.paperlink.server.feature.references;

import dev.paperlink.server.document.Pos;

/**
 * A key written somewhere in the workspace: a citation in a note, or the key of a bibliography
 * entry.
 *
 * @param uri     the file (the client's URI for an open document)
 * @param version the open document's version; null for a file read from disk
 * @param start   where the key starts (0-based line, UTF-16 column)
 * @param end     where it ends
 * @param key     the key as written there
 */
public record Occurrence(String uri, Integer version, Pos start, Pos end, String key) {

    /** "intro.tex:12": the file name and the 1-based line. */
    public String shortPlace() {
        String name = uri.substring(uri.lastIndexOf('/') + 1);
        try {
            name = java.net.URLDecoder.decode(name.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // keep it encoded
        }
        return name + ":" + (start.line() + 1);
    }
}
