package dev.paperlink.cli.bench.arxiv;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * An order-3 character model of word shapes, trained on the real vocabulary's lower-case
 * alphabetic words (each type once): it spells new words that look like the corpus's words but
 * are not in it, for the vocabulary beyond the real one.
 */
final class CharModel {
    private static final int ALPHABET = 27; // a-z and the end of the word
    private static final int CONTEXTS = ALPHABET * ALPHABET * ALPHABET;
    private final int[] counts = new int[CONTEXTS * ALPHABET];
    private int[] cumulative;

    void add(String word) {
        if (word.length() < 3) {
            return;
        }
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c < 'a' || c > 'z') {
                return;
            }
        }
        int ctx = 0;
        for (int i = 0; i <= word.length(); i++) {
            int sym = i == word.length() ? 0 : word.charAt(i) - 'a' + 1;
            counts[ctx * ALPHABET + sym]++;
            ctx = (ctx * ALPHABET + sym) % CONTEXTS;
        }
    }

    void build() {
        cumulative = new int[counts.length];
        for (int ctx = 0; ctx < CONTEXTS; ctx++) {
            int sum = 0;
            for (int s = 0; s < ALPHABET; s++) {
                sum += counts[ctx * ALPHABET + s];
                cumulative[ctx * ALPHABET + s] = sum;
            }
        }
    }

    /** A new word of 4 to 16 letters. */
    String spell(SplittableRandom random) {
        StringBuilder sb = new StringBuilder();
        for (int attempt = 0; attempt < 20; attempt++) {
            sb.setLength(0);
            int ctx = 0;
            while (sb.length() < 16) {
                int base = ctx * ALPHABET;
                int total = cumulative[base + ALPHABET - 1];
                if (total == 0) {
                    break;
                }
                int u = random.nextInt(total);
                int s = 0;
                while (cumulative[base + s] <= u) {
                    s++;
                }
                if (s == 0) {
                    break;
                }
                sb.append((char) ('a' + s - 1));
                ctx = (ctx * ALPHABET + s) % CONTEXTS;
            }
            if (sb.length() >= 4) {
                return sb.toString();
            }
        }
        return sb.append("ion").toString();
    }

    @Override
    public String toString() {
        return "CharModel" + Arrays.stream(counts).sum();
    }
}
