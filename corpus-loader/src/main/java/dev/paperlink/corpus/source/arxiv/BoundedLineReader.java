package dev.paperlink.corpus.source.arxiv;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines without ever holding more than {@code max} characters of one line, so that a file
 * without line breaks cannot exhaust memory. Used by the arXiv and Hugging Face page-text readers.
 */
public final class BoundedLineReader {
    private final Reader in;
    private final int max;
    private final char[] buf = new char[1 << 16];
    private int pos;
    private int len;
    private int lineNumber;
    private boolean truncated;
    private final StringBuilder sb = new StringBuilder();

    /** Lines are numbered from {@code firstLine} (a file read from the middle: its first line's number there). */
    public BoundedLineReader(Reader in, int max, int firstLine) {
        this(in, max);
        this.lineNumber = firstLine - 1;
    }

    public BoundedLineReader(Reader in, int max) {
        this.in = in;
        this.max = max;
    }

    public int lineNumber() {
        return lineNumber;
    }

    public boolean truncated() {
        return truncated;
    }

    /** The next line without its terminator (\n, \r\n or \r), or null at the end. */
    public String next() throws IOException {
        sb.setLength(0);
        truncated = false;
        boolean any = false;
        while (true) {
            if (pos >= len) {
                len = in.read(buf, 0, buf.length);
                pos = 0;
                if (len <= 0) {
                    len = 0;
                    if (!any) {
                        return null;
                    }
                    lineNumber++;
                    return sb.toString();
                }
            }
            any = true;
            int start = pos;
            while (pos < len && buf[pos] != '\n' && buf[pos] != '\r') {
                pos++;
            }
            append(start, pos);
            if (pos < len) {
                char c = buf[pos++];
                if (c == '\r') {
                    if (pos >= len) {
                        len = in.read(buf, 0, buf.length);
                        pos = 0;
                        if (len < 0) {
                            len = 0;
                        }
                    }
                    if (pos < len && buf[pos] == '\n') {
                        pos++;
                    }
                }
                lineNumber++;
                return sb.toString();
            }
        }
    }

    private void append(int start, int end) {
        if (truncated) {
            return;
        }
        int n = end - start;
        if (sb.length() + n > max) {
            truncated = true;
            sb.setLength(0);
            return;
        }
        sb.append(buf, start, n);
    }
}
