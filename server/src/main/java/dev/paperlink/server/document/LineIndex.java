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

    public static LineIndex of(CharSequence text) {
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

    /**
     * The index of the text after one replacement: {@code [from, oldEnd)} of the old text became
     * {@code [from, newEnd)} of {@code newText}. Only the lines the replacement touches (and the
     * one before, for a {@code \r\n} split or joined) are read again; the ones after it move.
     */
    public LineIndex edit(CharSequence newText, int from, int oldEnd, int newEnd) {
        int delta = newEnd - oldEnd;
        if (from < 0 || oldEnd < from || oldEnd > length || newText.length() != length + delta) {
            return of(newText);
        }
        int n = lineStarts.length;
        int lineA = Math.max(0, line(from) - 1);
        int lineB = line(oldEnd);
        int regionStart = lineStarts[lineA];
        int regionEnd = lineB + 1 < n ? lineStarts[lineB + 1] + delta : newText.length();
        int[] starts = new int[lineA + 16 + (n - lineB)];
        int[] ends = new int[starts.length];
        System.arraycopy(lineStarts, 0, starts, 0, lineA);
        System.arraycopy(lineEnds, 0, ends, 0, lineA);
        int k = lineA;
        int lineStart = regionStart;
        int i = regionStart;
        while (i < regionEnd) {
            char c = newText.charAt(i);
            if (c == '\n' || c == '\r') {
                if (k + (n - lineB) + 1 >= starts.length) {
                    starts = Arrays.copyOf(starts, starts.length * 2);
                    ends = Arrays.copyOf(ends, ends.length * 2);
                }
                starts[k] = lineStart;
                ends[k] = i;
                k++;
                i += (c == '\r' && i + 1 < newText.length() && newText.charAt(i + 1) == '\n') ? 2 : 1;
                lineStart = i;
            } else {
                i++;
            }
        }
        if (k + (n - lineB) + 1 >= starts.length) {
            starts = Arrays.copyOf(starts, k + (n - lineB) + 1);
            ends = Arrays.copyOf(ends, k + (n - lineB) + 1);
        }
        if (lineB + 1 < n) {
            for (int j = lineB + 1; j < n; j++, k++) {
                starts[k] = lineStarts[j] + delta;
                ends[k] = lineEnds[j] + delta;
            }
        } else {
            starts[k] = lineStart;
            ends[k] = newText.length();
            k++;
        }
        return new LineIndex(Arrays.copyOf(starts, k), Arrays.copyOf(ends, k), newText.length());
    }

    /** The line that holds an offset (a line break belongs to the line it ends). */
    private int line(int offset) {
        int line = Arrays.binarySearch(lineStarts, offset);
        return line < 0 ? -line - 2 : line;
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
