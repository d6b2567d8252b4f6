package dev.paperlink.server.document;

/**
 * A half-open range {@code [start, end)} of UTF-16 offsets into a document's text (Java string
 * indices). Every position inside the server is an offset; line/column pairs exist only at the
 * protocol edge (see {@link LineIndex}).
 */
public record TextRange(int start, int end) {

    public TextRange {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad range " + start + ".." + end);
        }
    }

    public static TextRange empty(int offset) {
        return new TextRange(offset, offset);
    }

    public int length() {
        return end - start;
    }

    /** Whether {@code offset} lies in the range or touches its end (a cursor right after a key is on the key). */
    public boolean touches(int offset) {
        return start <= offset && offset <= end;
    }

    public String of(String text) {
        return text.substring(start, end);
    }
}
