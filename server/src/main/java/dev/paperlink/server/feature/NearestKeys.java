package dev.paperlink.server.feature;

import dev.paperlink.corpus.model.Hit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiFunction;

/** "Did you mean": known keys within a small edit distance of an unknown one. */
public final class NearestKeys {
    private NearestKeys() {
    }

    /**
     * Candidates come from key-prefix completion with shorter and shorter prefixes of the key,
     * so only a few index lookups are made.
     */
    public static List<String> near(String key, int limit, BiFunction<String, Integer, List<Hit>> completeKey) {
        Set<String> candidates = new LinkedHashSet<>();
        int min = Math.min(key.length(), 2);
        for (int len = key.length(); len >= min && candidates.size() < 40; len--) {
            for (Hit h : completeKey.apply(key.substring(0, len), 40)) {
                candidates.addAll(h.paper().allKeys());
            }
            if (len < key.length() - 4 && !candidates.isEmpty()) {
                break;
            }
        }
        return rank(key, candidates, limit);
    }

    public static List<String> rank(String key, Iterable<String> candidates, int limit) {
        String k = key.toLowerCase(Locale.ROOT);
        int max = Math.max(1, Math.min(3, k.length() / 4));
        record Scored(String key, int distance) {
        }
        List<Scored> scored = new ArrayList<>();
        for (String c : candidates) {
            String lc = c.toLowerCase(Locale.ROOT);
            if (lc.equals(k)) {
                continue;
            }
            int d = distance(k, lc);
            boolean prefixRelated = k.length() >= 3 && (lc.startsWith(k) || k.startsWith(lc)) && lc.length() >= 3;
            if (d <= max || prefixRelated) {
                scored.add(new Scored(c, d));
            }
        }
        scored.sort(Comparator.comparingInt(Scored::distance).thenComparing(Scored::key));
        return scored.stream().map(Scored::key).distinct().limit(limit).toList();
    }

    /** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
