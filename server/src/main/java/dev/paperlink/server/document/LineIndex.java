package dev.paperlink.server.document;

import java.util.Arrays;

/**
 * Converts between offsets and (line, UTF-16 column) positions for one text. Java string indices
 * count UTF-16 code units, which is LSP's default position encoding, so a column is simply
 * {@code offset - lineStart}. Line breaks are {@code \n}, {@code \r\n} and {@code \r}, as in LSP.
 */
public final class LineIndex {
    private final int[] lineStarts;
    private final int[] lineEnds; // offset of the line break (or text end) of each line
    private final int length;

    private LineIndex(int[] lineStarts, int[] lineEnds, int length) {
        this.lineStarts = lineStarts;
        this.lineEnds = lineEnds;
        this.length = length;
    }

    public static LineIndex of(String text) {
        int[] starts = new int[16];
        int[] ends = new int[16];
        int n = 0;
        int lineStart = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                if (n == starts.length) {
                    starts = Arrays.copyOf(starts, n * 2);
                    ends = Arrays.copyOf(ends, n * 2);
                }
                starts[n] = lineStart;
                ends[n] = i;
                n++;
                i += (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') ? 2 : 1;
                lineStart = i;
            } else {
                i++;
            }
        }
        if (n == starts.length) {
            starts = Arrays.copyOf(starts, n + 1);
            ends = Arrays.copyOf(ends, n + 1);
        }
        starts[n] = lineStart;
        ends[n] = text.length();
        n++;
        return new LineIndex(Arrays.copyOf(starts, n), Arrays.copyOf(ends, n), text.length());
    }

    public int lineCount() {
        return lineStarts.length;
    }

    /** The position of an offset (clamped to the text). */
    public Pos position(int offset) {
        int o = Math.max(0, Math.min(offset, length));
        int line = Arrays.binarySearch(lineStarts, o);
        if (line < 0) {
            line = -line - 2;
        }
        return new Pos(line, Math.min(o, lineEnds[line]) - lineStarts[line]);
    }

    /**
     * The offset of a position. Lines past the end map to the end of the text, columns past the
     * end of a line to the end of that line (LSP: "defaults back to the line length").
     */
    public int offset(int line, int column) {
        if (line < 0) {
            return 0;
        }
        if (line >= lineStarts.length) {
            return length;
        }
        return lineStarts[line] + Math.max(0, Math.min(column, lineEnds[line] - lineStarts[line]));
    }

    public int offset(Pos pos) {
        return offset(pos.line(), pos.column());
    }

    public int lineStart(int line) {
        return lineStarts[Math.max(0, Math.min(line, lineStarts.length - 1))];
    }

    public int lineEnd(int line) {
        return lineEnds[Math.max(0, Math.min(line, lineEnds.length - 1))];
    }
}
