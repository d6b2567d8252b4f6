package dev.paperlink.corpus.index;

import com.google.common.hash.Hashing;
import com.google.common.io.MoreFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a source file looked like when it was indexed: size, modification time and content hash,
 * plus its record and skip counts and when it was last read ({@code indexedAt}, epoch millis; 0 in
 * an index written before it was recorded). Stored in the index's commit data, so it is committed
 * atomically with the records it describes.
 */
record SourceFingerprint(long size, long mtime, String hash, String format, long records, long skips, long indexedAt) {

    SourceFingerprint(long size, long mtime, String hash, String format, long records, long skips) {
        this(size, mtime, hash, format, records, skips, 0);
    }

    static SourceFingerprint parse(String s) {
        String[] p = s.split("\\|", -1);
        if (p.length != 6 && p.length != 7) {
            return new SourceFingerprint(-1, -1, "", "", 0, 0);
        }
        try {
            return new SourceFingerprint(Long.parseLong(p[0]), Long.parseLong(p[1]), p[2], p[3],
                    Long.parseLong(p[4]), Long.parseLong(p[5]), p.length == 7 ? Long.parseLong(p[6]) : 0);
        } catch (NumberFormatException e) {
            return new SourceFingerprint(-1, -1, "", "", 0, 0);
        }
    }

    String serialize() {
        return size + "|" + mtime + "|" + hash + "|" + format + "|" + records + "|" + skips + "|" + indexedAt;
    }

    SourceFingerprint readAt(long millis) {
        return new SourceFingerprint(size, mtime, hash, format, records, skips, millis);
    }

    boolean sameStat(long otherSize, long otherMtime) {
        return size == otherSize && mtime == otherMtime;
    }

    SourceFingerprint withCounts(long newRecords, long newSkips) {
        return new SourceFingerprint(size, mtime, hash, format, newRecords, newSkips, indexedAt);
    }

    SourceFingerprint withHash(String newHash) {
        return new SourceFingerprint(size, mtime, newHash, format, records, skips, indexedAt);
    }

    SourceFingerprint withStat(long newSize, long newMtime) {
        return new SourceFingerprint(newSize, newMtime, hash, format, records, skips, indexedAt);
    }

    /** The size of a source: its file's, plus its companions' (a Zotero database's log, Better BibTeX's keys). */
    static long size(dev.paperlink.corpus.source.SourceFiles.SourceFile f) throws IOException {
        long size = Files.size(f.path());
        for (Path c : dev.paperlink.corpus.source.SourceFiles.companions(f)) {
            size += Files.exists(c) ? Files.size(c) + 1 : 0; // + 1: an empty companion that appears is a change
        }
        return size;
    }

    /** The modification time of a source: the latest of its file's and its companions'. */
    static long mtime(dev.paperlink.corpus.source.SourceFiles.SourceFile f) throws IOException {
        long mtime = mtime(f.path());
        for (Path c : dev.paperlink.corpus.source.SourceFiles.companions(f)) {
            if (Files.exists(c)) {
                mtime = Math.max(mtime, mtime(c));
            }
        }
        return mtime;
    }

    static long mtime(Path file) throws IOException {
        return Files.getLastModifiedTime(file).toMillis();
    }

    @SuppressWarnings("UnstableApiUsage")
    static String hash(Path file) throws IOException {
        return MoreFiles.asByteSource(file).hash(Hashing.murmur3_128()).toString();
    }
}
