package dev.paperlink.server.feature.bibedit;

/** A replacement of {@code [start, end)} of a document's text by {@code text}. */
public record TextChange(int start, int end, String text) {
    public static TextChange insert(int at, String text) {
        return new TextChange(at, at, text);
    }
}
