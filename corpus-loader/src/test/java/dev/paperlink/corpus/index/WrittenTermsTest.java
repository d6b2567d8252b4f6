package dev.paperlink.corpus.index;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The filter of written terms never rules out a term it was given, and rarely lets another through. */
class WrittenTermsTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void noFalseNegativesAndFewFalsePositives(long seed) {
        Random r = new Random(seed);
        WrittenTerms w = new WrittenTerms();
        int n = WrittenTerms.PER_FILTER + 500_000; // two filters
        String[] fields = {PaperFields.MATCH, PaperFields.KEY_LC, PaperFields.ID};
        long base = r.nextLong();
        for (int i = 0; i < n; i++) {
            w.add(fields[i % 3], "t" + (base + i));
        }
        for (int i = 0; i < n; i += 7) {
            assertTrue(w.mayContain(fields[i % 3], "t" + (base + i)), "term " + i + " was written");
        }
        int positives = 0;
        int probes = 200_000;
        for (int i = 0; i < probes; i++) {
            // the same strings under another field, and strings never written
            positives += w.mayContain(fields[(i + 1) % 3], "t" + (base + i)) ? 1 : 0;
            positives += w.mayContain(fields[i % 3], "u" + r.nextLong()) ? 1 : 0;
        }
        assertTrue(positives < 0.02 * 2 * probes, positives + " false positives of " + 2 * probes);
    }
}
