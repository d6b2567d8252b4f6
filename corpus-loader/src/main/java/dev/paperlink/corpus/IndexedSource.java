package dev.paperlink.corpus;

import dev.paperlink.corpus.source.Skip;

import java.util.List;

/**
 * A source file as the last published commit of the index has it: the size and modification time
 * it had when it was read, its record count and the records it could not load (the first
 * {@value #MAX_SKIPS_KEPT}, with their lines in the file as it was read).
 */
public record IndexedSource(String file, String format, long size, long mtime, long records, long skipCount, List<Skip> skips) {
    public static final int MAX_SKIPS_KEPT = 200;

    public IndexedSource {
        skips = List.copyOf(skips);
    }

    /** Whether the file on disk still has the size and time it was read with. */
    public boolean sameStat(long otherSize, long otherMtime) {
        return size == otherSize && mtime == otherMtime;
    }
}
