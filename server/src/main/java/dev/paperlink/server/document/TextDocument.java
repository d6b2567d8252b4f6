package dev.paperlink.server.document;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * An open document: immutable; every edit makes a new one. The text is what the client sent
 * (not what is on disk).
 */
public record TextDocument(String uri, DocumentKind kind, int version, String text, LineIndex lines) {

    public static TextDocument of(String uri, String languageId, int version, String text) {
        return new TextDocument(uri, DocumentKind.of(languageId, uri), version, text, LineIndex.of(text));
    }

    /** One content change: a replacement of {@code range} (null = the whole text) by {@code text}. */
    public record Change(Pos start, Pos end, String text) {
        public static Change full(String text) {
            return new Change(null, null, text);
        }
    }

    /** Applies content changes in order (each against the result of the previous one, as LSP says). */
    public TextDocument apply(int newVersion, List<Change> changes) {
        String t = text;
        LineIndex idx = lines;
        for (Change c : changes) {
            if (c.start() == null) {
                t = c.text();
                idx = LineIndex.of(t);
            } else {
                int s = idx.offset(c.start());
                int e = Math.max(s, idx.offset(c.end()));
                t = t.substring(0, s) + c.text() + t.substring(e);
                idx = idx.edit(t, s, e, s + c.text().length());
            }
        }
        return new TextDocument(uri, kind, newVersion, t, idx);
    }

    public Pos position(int offset) {
        return lines.position(offset);
    }

    public int offset(Pos pos) {
        return lines.offset(pos);
    }

    /** The file behind a {@code file:} URI. */
    public Optional<Path> path() {
        return Uris.toPath(uri);
    }

    /** The folder relative paths in the document are resolved against. */
    public Optional<Path> directory() {
        return path().map(Path::getParent);
    }
}
