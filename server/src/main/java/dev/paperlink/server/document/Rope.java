package dev.paperlink.server.document;

import java.util.Arrays;

/**
 * The text of a big document (a .bib of tens of megabytes open in the editor), in blocks of a
 * few thousand characters, so that an edit copies one or two blocks and the block table, not the
 * whole text. Immutable: {@link #replace} makes a new rope sharing the untouched blocks. Reading
 * it character by character is fast when it goes forward (the last block read is remembered).
 */
public final class Rope implements CharSequence {
    static final int BLOCK = 1 << 14;

    private final String[] blocks;
    /** Offset of each block's first character. */
    private final int[] starts;
    private final int length;
    /** The block the last {@link #charAt} read (a benign race: any value is a valid guess). */
    private int last;

    private Rope(String[] blocks, int[] starts, int length) {
        this.blocks = blocks;
        this.starts = starts;
        this.length = length;
    }

    public static Rope of(String text) {
        int n = Math.max(1, (text.length() + BLOCK - 1) / BLOCK);
        String[] blocks = new String[n];
        int[] starts = new int[n];
        for (int i = 0; i < n; i++) {
            starts[i] = i * BLOCK;
            blocks[i] = text.substring(Math.min(text.length(), i * BLOCK), Math.min(text.length(), (i + 1) * BLOCK));
        }
        return new Rope(blocks, starts, text.length());
    }

    /** Everything a reader gives, read block by block (never one String of it all). */
    public static Rope read(java.io.Reader in) throws java.io.IOException {
        java.util.List<String> blocks = new java.util.ArrayList<>();
        char[] buf = new char[BLOCK];
        int length = 0;
        while (true) {
            int n = 0;
            int r;
            while (n < BLOCK && (r = in.read(buf, n, BLOCK - n)) > 0) {
                n += r;
            }
            if (n == 0) {
                break;
            }
            blocks.add(new String(buf, 0, n));
            length += n;
            if (n < BLOCK) {
                break;
            }
        }
        if (blocks.isEmpty()) {
            return of("");
        }
        int[] starts = new int[blocks.size()];
        for (int i = 1; i < starts.length; i++) {
            starts[i] = starts[i - 1] + blocks.get(i - 1).length();
        }
        return new Rope(blocks.toArray(String[]::new), starts, length);
    }

    /** The text with {@code [from, to)} replaced by {@code insert}. */
    public Rope replace(int from, int to, String insert) {
        if (from < 0 || to < from || to > length) {
            throw new IndexOutOfBoundsException("replace " + from + "-" + to + " of " + length);
        }
        int a = block(from);
        int b = to == from ? a : block(to - 1);
        String merged = blocks[a].substring(0, from - starts[a]) + insert + blocks[b].substring(to - starts[b]);
        int pieces = merged.isEmpty() ? 0 : (merged.length() + BLOCK - 1) / BLOCK;
        int n = blocks.length - (b - a + 1) + pieces;
        if (n == 0) {
            return of("");
        }
        String[] nb = new String[n];
        int[] ns = new int[n];
        System.arraycopy(blocks, 0, nb, 0, a);
        System.arraycopy(starts, 0, ns, 0, a);
        int at = starts[a];
        for (int p = 0; p < pieces; p++) {
            nb[a + p] = merged.substring(p * BLOCK, Math.min(merged.length(), (p + 1) * BLOCK));
            ns[a + p] = at;
            at += nb[a + p].length();
        }
        int delta = insert.length() - (to - from);
        for (int i = b + 1; i < blocks.length; i++) {
            nb[i - b - 1 + a + pieces] = blocks[i];
            ns[i - b - 1 + a + pieces] = starts[i] + delta;
        }
        return new Rope(nb, ns, length + delta);
    }

    /** The block holding offset {@code i} (the last block for the end of the text). */
    private int block(int i) {
        int guess = last;
        if (guess < blocks.length && starts[guess] <= i && (guess + 1 == blocks.length || i < starts[guess + 1])) {
            return guess;
        }
        if (guess + 1 < blocks.length && starts[guess + 1] <= i && (guess + 2 == blocks.length || i < starts[guess + 2])) {
            last = guess + 1;
            return guess + 1;
        }
        int k = Arrays.binarySearch(starts, i);
        k = k >= 0 ? k : -k - 2;
        while (k + 1 < blocks.length && starts[k + 1] == i) {
            k++; // past empty blocks
        }
        last = k;
        return k;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public char charAt(int index) {
        if (index < 0 || index >= length) {
            throw new IndexOutOfBoundsException(index);
        }
        int k = block(index);
        return blocks[k].charAt(index - starts[k]);
    }

    /** A copy of {@code [start, end)} as a String. */
    @Override
    public String subSequence(int start, int end) {
        if (start < 0 || end < start || end > length) {
            throw new IndexOutOfBoundsException(start + "-" + end);
        }
        StringBuilder sb = new StringBuilder(end - start);
        int k = start == end ? 0 : block(start);
        int i = start;
        while (i < end) {
            String s = blocks[k];
            int from = i - starts[k];
            int to = Math.min(s.length(), end - starts[k]);
            sb.append(s, from, to);
            i += to - from;
            k++;
        }
        return sb.toString();
    }

    /** The whole text as one String (as big as the text: avoid it for big documents). */
    @Override
    public String toString() {
        return subSequence(0, length);
    }
}
