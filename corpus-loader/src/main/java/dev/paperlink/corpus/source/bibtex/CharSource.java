package dev.paperlink.corpus.source.bibtex;

import java.io.IOException;
import java.io.Reader;

/**
 * A buffered character source over a {@link Reader} that counts lines (1-based) and columns
 * (0-based UTF-16 units) and allows a bounded look-ahead. Only a small window of the input is
 * ever held in memory.
 */
final class CharSource {
    static final int EOF = -1;
    private static final int BUFFER = 1 << 16;

    private final Reader reader;
    private final char[] buf = new char[BUFFER];
    private int pos;
    private int limit;
    private boolean eof;
    private int line = 1;
    private int column;

    CharSource(Reader reader) throws IOException {
        this.reader = reader;
        if (peek() == '\uFEFF') {
            pos++;
        }
    }

    int line() {
        return line;
    }

    int column() {
        return column;
    }

    /** The next character without consuming it, or {@link #EOF}. */
    int peek() throws IOException {
        if (pos < limit) {
            return buf[pos];
        }
        return fill(1) ? buf[pos] : EOF;
    }

    /** The character {@code ahead} positions after the next one (0 = next), or {@link #EOF}. */
    int peek(int ahead) throws IOException {
        if (pos + ahead < limit) {
            return buf[pos + ahead];
        }
        return fill(ahead + 1) ? buf[pos + ahead] : EOF;
    }

    /** Consumes and returns the next character, or {@link #EOF}. */
    int next() throws IOException {
        if (pos >= limit && !fill(1)) {
            return EOF;
        }
        char c = buf[pos++];
        if (c == '\n') {
            line++;
            column = 0;
        } else {
            column++;
        }
        return c;
    }

    /**
     * Consumes the run of buffered characters that are none of {@code '{'}, {@code '}'},
     * {@code stop}, a line break, a space or a tab, and copies it to {@code dst} from
     * {@code dstLength} on (as much as fits); returns the new length of {@code dst}'s content.
     * The common case of a field value, without a call per character.
     */
    int takePlain(char stop, char[] dst, int dstLength) {
        int end = Math.min(limit, pos + (dst.length - dstLength));
        int p = pos;
        while (p < end) {
            char c = buf[p];
            if (c == '{' || c == '}' || c == stop || c == '\n' || c == '\r' || c == ' ' || c == '\t') {
                break;
            }
            p++;
        }
        int n = p - pos;
        System.arraycopy(buf, pos, dst, dstLength, n);
        pos = p;
        column += n;
        return dstLength + n;
    }

    /** Makes at least {@code n} characters available from pos if the input has them. */
    private boolean fill(int n) throws IOException {
        if (n > BUFFER) {
            throw new IllegalArgumentException("look-ahead too long: " + n);
        }
        while (limit - pos < n) {
            if (eof) {
                return false;
            }
            if (pos + n > BUFFER) {
                System.arraycopy(buf, pos, buf, 0, limit - pos);
                limit -= pos;
                pos = 0;
            }
            int k = reader.read(buf, limit, BUFFER - limit);
            if (k < 0) {
                eof = true;
                return limit - pos >= n;
            }
            limit += k;
        }
        return true;
    }
}
