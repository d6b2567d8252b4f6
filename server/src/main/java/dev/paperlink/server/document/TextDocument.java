package dev.paperlink.server.document;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * An open document: immutable; every edit makes a new one. The text is what the client sent
 * (not what is on disk). A big BibTeX buffer (over {@value #ROPE_OVER} characters) is kept as a
 * {@link Rope}, so that an edit costs the lines and blocks it touches, not a copy of the whole
 * text: read it through {@link #content()}; {@link #text()} makes one String of it.
 */
public final class TextDocument {
    /** BibTeX buffers longer than this are ropes. */
    public static final int ROPE_OVER = 1 << 20;

    private final String uri;
    private final DocumentKind kind;
    private final int version;
    private final CharSequence content;
    private final LineIndex lines;

    private TextDocument(String uri, DocumentKind kind, int version, CharSequence content, LineIndex lines) {
        this.uri = uri;
        this.kind = kind;
        this.version = version;
        this.content = content;
        this.lines = lines;
    }

    public static TextDocument of(String uri, String languageId, int version, String text) {
        DocumentKind kind = DocumentKind.of(languageId, uri);
        LineIndex lines = LineIndex.of(text);
        return new TextDocument(uri, kind, version, kind == DocumentKind.BIBTEX && text.length() > ROPE_OVER ? Rope.of(text) : text, lines);
    }

    /** One content change: a replacement of {@code range} (null = the whole text) by {@code text}. */
    public record Change(Pos start, Pos end, String text) {
        public static Change full(String text) {
            return new Change(null, null, text);
        }
    }

    /** Applies content changes in order (each against the result of the previous one, as LSP says). */
    public TextDocument apply(int newVersion, List<Change> changes) {
        CharSequence t = content;
        LineIndex idx = lines;
        for (Change c : changes) {
            if (c.start() == null) {
                t = kind == DocumentKind.BIBTEX && c.text().length() > ROPE_OVER ? Rope.of(c.text()) : c.text();
                idx = LineIndex.of(c.text());
            } else {
                int s = idx.offset(c.start());
                int e = Math.max(s, idx.offset(c.end()));
                t = t instanceof Rope r ? r.replace(s, e, c.text()) : ((String) t).substring(0, s) + c.text() + ((String) t).substring(e);
                idx = idx.edit(t, s, e, s + c.text().length());
            }
        }
        return new TextDocument(uri, kind, newVersion, t, idx);
    }

    public String uri() {
        return uri;
    }

    public DocumentKind kind() {
        return kind;
    }

    public int version() {
        return version;
    }

    /** The text as one String: for a big BibTeX buffer, a copy of it all (use {@link #content()}). */
    public String text() {
        return content instanceof String s ? s : content.toString();
    }

    /** The text, as kept: a String, or a {@link Rope} for a big BibTeX buffer. */
    public CharSequence content() {
        return content;
    }

    public LineIndex lines() {
        return lines;
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

    @Override
    public String toString() {
        return "TextDocument[" + uri + " v" + version + ", " + kind + ", " + content.length() + " chars]";
    }
}
