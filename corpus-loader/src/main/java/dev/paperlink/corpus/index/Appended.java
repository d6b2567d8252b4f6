package dev.paperlink.corpus.index;

import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import dev.paperlink.corpus.model.SourceFormat;
import dev.paperlink.corpus.source.SourceFiles.SourceFile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Optional;

/**
 * A JSON-lines file that only grew since it was indexed (an arXiv snapshot with a day of new
 * records appended): its first {@code offset} bytes hash as the whole file did, and ended with a
 * line break. Then only what follows them is read; the records indexed before stay. One pass over
 * the file gives both hashes (of the old part, and of the whole for the new fingerprint) and the
 * number of lines before the appended part.
 *
 * @param offset    the old size: where the appended bytes start
 * @param firstLine the number of the first appended line
 * @param hash      the hash of the whole file now, as {@link SourceFingerprint#hash} makes it
 */
record Appended(long offset, int firstLine, String hash) {

    /** Formats whose records are one line each, so that bytes appended after a line break are whole new records. */
    static boolean appendable(SourceFormat format) {
        return format == SourceFormat.ARXIV_JSONL;
    }

    @SuppressWarnings("UnstableApiUsage")
    static Optional<Appended> detect(SourceFile file, SourceFingerprint before, long size) throws IOException {
        if (!appendable(file.format()) || before.size() <= 0 || size <= before.size() || before.hash().isEmpty()) {
            return Optional.empty();
        }
        Hasher old = Hashing.murmur3_128().newHasher();
        Hasher whole = Hashing.murmur3_128().newHasher();
        long lines = 0;
        int last = -1;
        long read = 0;
        byte[] buf = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(file.path())) {
            int first = -1;
            int n;
            while ((n = in.read(buf)) > 0) {
                if (read == 0 && n >= 2) {
                    first = (buf[0] & 0xff) << 8 | (buf[1] & 0xff);
                }
                int inOld = (int) Math.max(0, Math.min(n, before.size() - read));
                if (inOld > 0) {
                    old.putBytes(buf, 0, inOld);
                    for (int i = 0; i < inOld; i++) {
                        if (buf[i] == '\n') {
                            lines++;
                        }
                    }
                    last = buf[inOld - 1];
                }
                whole.putBytes(buf, 0, n);
                read += n;
            }
            if (first == 0x1f8b) { // gzip: appended bytes would be another member, not lines
                return Optional.empty();
            }
        }
        if (read != size || last != '\n' || lines >= Integer.MAX_VALUE || !old.hash().toString().equals(before.hash())) {
            return Optional.empty();
        }
        return Optional.of(new Appended(before.size(), (int) lines + 1, whole.hash().toString()));
    }
}
