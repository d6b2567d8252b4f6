package dev.paperlink.corpus.index;

import java.util.ArrayList;
import java.util.List;

/**
 * The terms an indexing run wrote, as Bloom filters: "certainly not written" or "maybe". A run that
 * starts on an empty index wrote every term the index has, so a look-up the filter rules out needs
 * no seek in each segment's term dictionary (at 2.6 million arXiv records those seeks, nearly all of
 * them misses, were a fifth of the run's CPU, on its one indexing thread). One filter of
 * {@value #BITS} bits takes {@value #PER_FILTER} terms (about 0.6 % false positives), then another
 * starts: about 8 bytes per paper in all.
 */
final class WrittenTerms {
    static final int BITS = 1 << 25;
    static final int PER_FILTER = 3_000_000;
    private static final int HASHES = 5;
    private final List<long[]> filters = new ArrayList<>();
    private int inLast = PER_FILTER;

    void add(String field, String term) {
        if (inLast >= PER_FILTER) {
            filters.add(new long[BITS / 64]);
            inLast = 0;
        }
        long[] bits = filters.get(filters.size() - 1);
        long h1 = hash(field, term);
        long h2 = mix(h1 ^ 0x9E3779B97F4A7C15L) | 1;
        for (int i = 0; i < HASHES; i++) {
            int bit = (int) ((h1 + i * h2) & (BITS - 1));
            bits[bit >>> 6] |= 1L << bit;
        }
        inLast++;
    }

    boolean mayContain(String field, String term) {
        long h1 = hash(field, term);
        long h2 = mix(h1 ^ 0x9E3779B97F4A7C15L) | 1;
        for (long[] bits : filters) {
            boolean all = true;
            for (int i = 0; i < HASHES && all; i++) {
                int bit = (int) ((h1 + i * h2) & (BITS - 1));
                all = (bits[bit >>> 6] & (1L << bit)) != 0;
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    private static long hash(String field, String term) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < field.length(); i++) {
            h = (h ^ field.charAt(i)) * 0x100000001b3L;
        }
        h = (h ^ 0xff) * 0x100000001b3L;
        for (int i = 0; i < term.length(); i++) {
            h = (h ^ term.charAt(i)) * 0x100000001b3L;
        }
        return mix(h);
    }

    /** MurmurHash3's finalizer. */
    private static long mix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }
}
