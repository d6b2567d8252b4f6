package dev.paperlink.server.bibliography;

import dev.paperlink.server.document.Pos;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A BibTeX text cut into entries, with each entry's key, where it is, and a hash of its text:
 * what tells an edited buffer from the version in the index ({@link BibOverlay}), and where keys
 * are for go-to-definition and duplicate checks, without parsing a record.
 *
 * <p>An entry starts at a line whose first non-blank character is {@code @} followed by a letter,
 * and runs to the next such line (or the end): a rule about single lines, so that an edit changes
 * the entries it touches only, and {@link #edit} re-cuts just those. A line starting with
 * {@code @} inside a field would start an entry here; the reader may see it otherwise, which
 * changes only how finely an edit is re-read.
 *
 * <p>Immutable: an edit makes a new table (arrays copied, entries after the edit shifted).
 */
public final class BibChunks {
    /** What an entry is, from its {@code @type}. */
    public enum Kind { ENTRY, STRING, PREAMBLE, COMMENT }

    private static final Kind[] KINDS = Kind.values();

    private final int size;
    private final int[] start;
    private final int[] line;
    private final long[] hash;
    private final String[] key;
    private final byte[] kind;
    /** Offset of the key from the entry's start; -1 without a key. */
    private final int[] keyOffset;
    /** Lines from the entry's first line to the key's. */
    private final int[] keyLineDelta;
    private final int[] keyColumn;
    private final int length;
    private volatile Map<String, Integer> byKey;

    private BibChunks(Builder b, int length) {
        this.size = b.size;
        this.start = Arrays.copyOf(b.start, b.size);
        this.line = Arrays.copyOf(b.line, b.size);
        this.hash = Arrays.copyOf(b.hash, b.size);
        this.key = Arrays.copyOf(b.key, b.size);
        this.kind = Arrays.copyOf(b.kind, b.size);
        this.keyOffset = Arrays.copyOf(b.keyOffset, b.size);
        this.keyLineDelta = Arrays.copyOf(b.keyLineDelta, b.size);
        this.keyColumn = Arrays.copyOf(b.keyColumn, b.size);
        this.length = length;
    }

    public static final BibChunks EMPTY = scan("");

    /** Cuts the whole text. */
    public static BibChunks scan(CharSequence text) {
        Builder b = new Builder(Math.max(16, text.length() / 800));
        cut(text, 0, text.length(), 0, b);
        return new BibChunks(b, text.length());
    }

    /**
     * The table of the text after one replacement: {@code [from, oldEnd)} of the old text became
     * {@code [from, newEnd)} of {@code newText}. Only the entries the replacement touches are cut
     * again; the ones after it move.
     */
    public BibChunks edit(CharSequence newText, int from, int oldEnd, int newEnd) {
        if (from < 0 || oldEnd < from || oldEnd > length || newEnd < from || newText.length() != length - (oldEnd - from) + (newEnd - from)) {
            return scan(newText); // not a replacement of this text: cut it all
        }
        int delta = newEnd - oldEnd;
        // first touched: the entry holding the character before the edit (its start stays an entry
        // start when the text that makes it one is before the edit); last touched: the one holding oldEnd
        int first = entryAt(Math.max(0, from - 1));
        while (first >= 0 && !startsBefore(newText, start[first], from)) {
            first--; // the edit reaches into what makes that line an entry start ("@" and the letter after it)
        }
        int last = entryAt(oldEnd);
        int regionStart = first < 0 ? 0 : start[first];
        int lineAtStart = first < 0 ? 0 : line[first];
        int afterLast = last + 1; // the first entry after the region, unchanged but moved
        int regionEndOld = afterLast < size ? start[afterLast] : length;
        int regionEndNew = regionEndOld + delta;
        Builder b = new Builder(size + 8);
        int keep = Math.max(0, first);
        b.copy(this, 0, keep, 0, 0);
        int lineAfter = cut(newText, regionStart, regionEndNew, lineAtStart, b);
        if (afterLast < size) {
            b.copy(this, afterLast, size, delta, lineAfter - line[afterLast]);
        }
        return new BibChunks(b, newText.length());
    }

    /** Whether the characters that make the line at {@code lineStart} an entry start all lie before {@code from}. */
    private static boolean startsBefore(CharSequence text, int lineStart, int from) {
        int p = lineStart;
        while (p < from && (text.charAt(p) == ' ' || text.charAt(p) == '\t')) {
            p++;
        }
        return p + 1 < from;
    }

    /** The entry whose text holds {@code offset}, or -1 before the first entry. */
    public int entryAt(int offset) {
        int i = Arrays.binarySearch(start, 0, size, offset);
        return i >= 0 ? i : -i - 2;
    }

    /** The entry whose text holds the 0-based {@code lineNumber}, or -1 before the first entry. */
    public int entryAtLine(int lineNumber) {
        int i = Arrays.binarySearch(line, 0, size, lineNumber);
        if (i >= 0) {
            while (i + 1 < size && line[i + 1] == lineNumber) {
                i++; // entries on one line: the last one starting there
            }
            return i;
        }
        return -i - 2;
    }

    public int size() {
        return size;
    }

    public int start(int i) {
        return start[i];
    }

    public int end(int i) {
        return i + 1 < size ? start[i + 1] : length;
    }

    /** 0-based line of the entry's first line. */
    public int line(int i) {
        return line[i];
    }

    public long hash(int i) {
        return hash[i];
    }

    /** The key as written, or "" ({@code @string}, {@code @preamble}, {@code @comment}, or none found). */
    public String key(int i) {
        return key[i];
    }

    public Kind kind(int i) {
        return KINDS[kind[i]];
    }

    public boolean hasKey(int i) {
        return keyOffset[i] >= 0;
    }

    /** Offset of the key in the text. */
    public int keyStart(int i) {
        return start[i] + keyOffset[i];
    }

    /** Where the key starts: 0-based line, UTF-16 column. */
    public Pos keyPosition(int i) {
        return new Pos(line[i] + keyLineDelta[i], keyColumn[i]);
    }

    public Pos keyEndPosition(int i) {
        return new Pos(line[i] + keyLineDelta[i], keyColumn[i] + key[i].length());
    }

    public int textLength() {
        return length;
    }

    /** The first entry with this key (ignoring case), or -1. */
    public int find(String k) {
        Map<String, Integer> m = byKey;
        if (m == null) {
            m = new HashMap<>(size * 2);
            for (int i = 0; i < size; i++) {
                if (!key[i].isEmpty()) {
                    m.putIfAbsent(key[i].toLowerCase(Locale.ROOT), i);
                }
            }
            byKey = m;
        }
        Integer i = m.get(k.toLowerCase(Locale.ROOT));
        return i == null ? -1 : i;
    }

    /** Whether both have the same entries with the same texts, in the same order. */
    public boolean sameEntries(BibChunks other) {
        return size == other.size && Arrays.equals(hash, other.hash);
    }

    // ---- cutting

    /**
     * Cuts {@code [from, to)} (both entry or text boundaries) into entries, appended to {@code b};
     * {@code lineAtFrom} is the 0-based line at {@code from}. Returns the line at {@code to}.
     */
    private static int cut(CharSequence text, int from, int to, int lineAtFrom, Builder b) {
        int lineNo = lineAtFrom;
        int entry = -1;
        int i = from;
        while (i < to) {
            // i is a line start
            int j = i;
            while (j < to && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
                j++;
            }
            if (j + 1 < to && text.charAt(j) == '@' && Character.isLetter(text.charAt(j + 1))) {
                if (entry >= 0) {
                    b.finishHash(text, i);
                }
                entry = b.begin(text, i, j, to, lineNo);
            }
            int nl = indexOf(text, '\n', j, to);
            if (nl < 0) {
                break;
            }
            lineNo++;
            i = nl + 1;
        }
        if (entry >= 0) {
            b.finishHash(text, to);
        }
        return lineNo;
    }

    private static int indexOf(CharSequence s, char c, int from, int to) {
        if (s instanceof String str) {
            int i = str.indexOf(c, from);
            return i >= 0 && i < to ? i : -1;
        }
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    /** FNV-1a over the characters, 64 bits. */
    static long hash(CharSequence s, int from, int to) {
        long h = 0xcbf29ce484222325L;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            h ^= c & 0xff;
            h *= 0x100000001b3L;
            h ^= c >>> 8;
            h *= 0x100000001b3L;
        }
        return h;
    }

    private static final class Builder {
        int size;
        int[] start;
        int[] line;
        long[] hash;
        String[] key;
        byte[] kind;
        int[] keyOffset;
        int[] keyLineDelta;
        int[] keyColumn;

        Builder(int capacity) {
            start = new int[capacity];
            line = new int[capacity];
            hash = new long[capacity];
            key = new String[capacity];
            kind = new byte[capacity];
            keyOffset = new int[capacity];
            keyLineDelta = new int[capacity];
            keyColumn = new int[capacity];
        }

        private void room(int n) {
            if (size + n <= start.length) {
                return;
            }
            int c = Math.max(size + n, start.length * 2);
            start = Arrays.copyOf(start, c);
            line = Arrays.copyOf(line, c);
            hash = Arrays.copyOf(hash, c);
            key = Arrays.copyOf(key, c);
            kind = Arrays.copyOf(kind, c);
            keyOffset = Arrays.copyOf(keyOffset, c);
            keyLineDelta = Arrays.copyOf(keyLineDelta, c);
            keyColumn = Arrays.copyOf(keyColumn, c);
        }

        /** Entries {@code [from, to)} of {@code t}, moved by {@code delta} characters and {@code lines} lines. */
        void copy(BibChunks t, int from, int to, int delta, int lines) {
            int n = to - from;
            if (n <= 0) {
                return;
            }
            room(n);
            for (int k = 0; k < n; k++) {
                start[size + k] = t.start[from + k] + delta;
                line[size + k] = t.line[from + k] + lines;
            }
            System.arraycopy(t.hash, from, hash, size, n);
            System.arraycopy(t.key, from, key, size, n);
            System.arraycopy(t.kind, from, kind, size, n);
            System.arraycopy(t.keyOffset, from, keyOffset, size, n);
            System.arraycopy(t.keyLineDelta, from, keyLineDelta, size, n);
            System.arraycopy(t.keyColumn, from, keyColumn, size, n);
            size += n;
        }

        /** A new entry at line start {@code ls} whose {@code @} is at {@code at}; returns its index. */
        int begin(CharSequence text, int ls, int at, int to, int lineNo) {
            room(1);
            int i = size++;
            start[i] = ls;
            line[i] = lineNo;
            int j = at + 1;
            while (j < to && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '_' || text.charAt(j) == '-')) {
                j++;
            }
            String type = text.subSequence(at + 1, j).toString().toLowerCase(Locale.ROOT);
            Kind k = switch (type) {
                case "string" -> Kind.STRING;
                case "preamble" -> Kind.PREAMBLE;
                case "comment" -> Kind.COMMENT;
                default -> Kind.ENTRY;
            };
            kind[i] = (byte) k.ordinal();
            key[i] = "";
            keyOffset[i] = -1;
            keyLineDelta[i] = 0;
            keyColumn[i] = 0;
            if (k != Kind.ENTRY) {
                return i;
            }
            int lines = 0;
            int lineStart = ls;
            while (j < to && Character.isWhitespace(text.charAt(j))) {
                if (text.charAt(j) == '\n') {
                    lines++;
                    lineStart = j + 1;
                }
                j++;
            }
            if (j >= to || (text.charAt(j) != '{' && text.charAt(j) != '(')) {
                return i;
            }
            j++;
            while (j < to && Character.isWhitespace(text.charAt(j))) {
                if (text.charAt(j) == '\n') {
                    lines++;
                    lineStart = j + 1;
                }
                j++;
            }
            int e = j;
            while (e < to) {
                char c = text.charAt(e);
                if (c == ',' || Character.isWhitespace(c) || c == '}' || c == ')' || c == '{' || c == '@') {
                    break;
                }
                e++;
            }
            if (e > j) {
                key[i] = text.subSequence(j, e).toString();
                keyOffset[i] = j - ls;
                keyLineDelta[i] = lines;
                keyColumn[i] = j - lineStart;
            }
            return i;
        }

        /** The last entry begun ends at {@code end}: its hash. */
        void finishHash(CharSequence text, int end) {
            int i = size - 1;
            hash[i] = BibChunks.hash(text, start[i], end);
        }
    }
}
