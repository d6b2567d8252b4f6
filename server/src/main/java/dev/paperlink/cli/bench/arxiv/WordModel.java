package dev.paperlink.cli.bench.arxiv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * A word-bigram Markov chain trained on real text: which token follows which, with their counts.
 * Token 0 starts a text, token 1 ends one. Kept as compact arrays (successors of each token sorted,
 * with cumulative counts), so sampling the next token is one binary search.
 */
final class WordModel {
    static final int START = 0;
    static final int END = 1;

    final String[] words;
    final int[] counts;
    private final int[] offsets;
    private final int[] successors;
    private final int[] cumulative;

    private WordModel(String[] words, int[] counts, int[] offsets, int[] successors, int[] cumulative) {
        this.words = words;
        this.counts = counts;
        this.offsets = offsets;
        this.successors = successors;
        this.cumulative = cumulative;
    }

    private java.util.Set<String> rare;

    /** Whether a word of the model was seen at most {@link ArxivStandIn#RARE} times (a slot of the open vocabulary). */
    boolean isRare(String w) {
        if (rare == null) {
            java.util.Set<String> r = new java.util.HashSet<>();
            for (int i = 2; i < words.length; i++) {
                if (counts[i] <= ArxivStandIn.RARE && !words[i].isEmpty() && Character.isLetter(words[i].charAt(0))) {
                    r.add(words[i]);
                }
            }
            rare = r;
        }
        return rare.contains(w);
    }

    int size() {
        return words.length;
    }

    long pairs() {
        return successors.length;
    }

    /** The next token after {@code prev}; a token never followed by anything starts a new text. */
    int next(int prev, SplittableRandom random) {
        int from = offsets[prev];
        int to = offsets[prev + 1];
        if (from == to) {
            from = offsets[START];
            to = offsets[START + 1];
        }
        int total = cumulative[to - 1];
        int u = random.nextInt(total);
        int lo = from;
        int hi = to - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > u) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return successors[lo];
    }

    /** Splits text into the model's tokens: words (letters, digits, inner hyphens and apostrophes) and punctuation marks. */
    static void tokens(String text, Consumer<String> out) {
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                int j = i + 1;
                while (j < n) {
                    char d = text.charAt(j);
                    if (Character.isLetterOrDigit(d) || ((d == '-' || d == '\'') && j + 1 < n && Character.isLetterOrDigit(text.charAt(j + 1)))) {
                        j++;
                    } else {
                        break;
                    }
                }
                // e.g., i.e., et al.: one token with its dots
                int k = j;
                while (k - i <= 6 && k + 1 < n && text.charAt(k) == '.' && Character.isLetter(text.charAt(k + 1)) && j - i <= 2) {
                    k += 2;
                    while (k < n && Character.isLetter(text.charAt(k)) && k - i <= 6) {
                        k++;
                    }
                }
                if (k > j && k < n && text.charAt(k) == '.') {
                    out.accept(text.substring(i, k + 1));
                    i = k + 1;
                    continue;
                }
                out.accept(text.substring(i, j));
                i = j;
            } else {
                if (".,;:()?!%".indexOf(c) >= 0) {
                    out.accept(String.valueOf(c));
                }
                i++;
            }
        }
    }

    /** Counts texts' tokens and bigrams; {@link #build} makes the model. */
    static final class Builder {
        private final Map<String, Integer> ids = new HashMap<>();
        private final List<String> words = new ArrayList<>(List.of("<s>", "</s>"));
        private int[] counts = new int[1 << 16];
        private final LongIntMap pairs = new LongIntMap(1 << 20);
        private long tokens;

        long tokens() {
            return tokens;
        }

        void add(String text) {
            int[] prev = {START};
            WordModel.tokens(text, w -> {
                int id = ids.computeIfAbsent(w, k -> {
                    words.add(k);
                    return words.size() - 1;
                });
                if (id >= counts.length) {
                    counts = Arrays.copyOf(counts, counts.length * 2);
                }
                counts[id]++;
                pairs.add(((long) prev[0] << 32) | id, 1);
                prev[0] = id;
                tokens++;
            });
            if (prev[0] != START) {
                pairs.add(((long) prev[0] << 32) | END, 1);
            }
        }

        WordModel build() {
            int v = words.size();
            int[] offsets = new int[v + 1];
            pairs.forEach((k, c) -> offsets[(int) (k >>> 32) + 1]++);
            for (int i = 0; i < v; i++) {
                offsets[i + 1] += offsets[i];
            }
            long[] packed = new long[pairs.size()];
            int[] fill = Arrays.copyOf(offsets, v);
            pairs.forEach((k, c) -> packed[fill[(int) (k >>> 32)]++] = (k << 32) | c);
            int[] successors = new int[packed.length];
            int[] cumulative = new int[packed.length];
            for (int p = 0; p < v; p++) {
                Arrays.sort(packed, offsets[p], offsets[p + 1]);
                int sum = 0;
                for (int i = offsets[p]; i < offsets[p + 1]; i++) {
                    successors[i] = (int) (packed[i] >>> 32);
                    sum += (int) packed[i];
                    cumulative[i] = sum;
                }
            }
            return new WordModel(words.toArray(String[]::new), Arrays.copyOf(counts, v), offsets, successors, cumulative);
        }
    }
}
