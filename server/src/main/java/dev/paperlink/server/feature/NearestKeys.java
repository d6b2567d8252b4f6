package dev.paperlink.server.feature;

import dev.paperlink.corpus.model.Hit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * "Did you mean": known keys near an unknown one, found the way completion finds papers. A key is
 * read as its parts (runs of letters and of digits: {@code devlin2019bert} is devlin | 2019 | bert,
 * the author, year and title word of a generated key), so a key written in another style
 * ({@code devlin-etal-2019-bert}, {@code Devlin:2019}) is near when it has those parts; else keys
 * within a small edit distance ({@code vaswani2071}).
 */
public final class NearestKeys {
    private NearestKeys() {
    }

    /**
     * Candidates come from key-prefix completion with shorter and shorter prefixes of the key,
     * so only a few index lookups are made.
     */
    public static List<String> near(String key, int limit, BiFunction<String, Integer, List<Hit>> completeKey) {
        return near(key, limit, completeKey, (typed, n) -> List.of());
    }

    /**
     * As {@link #near(String, int, BiFunction)}, and the papers title completion finds for the
     * key's parts as words ({@code "devlin 2019 bert"}: author, year and title words), as
     * {@code search --complete} does.
     */
    public static List<String> near(String key, int limit, BiFunction<String, Integer, List<Hit>> completeKey,
            BiFunction<String, Integer, List<Hit>> completeTitle) {
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
        List<String> parts = parts(key);
        if (parts.size() >= 2) {
            for (Hit h : completeTitle.apply(String.join(" ", parts) + " ", 20)) {
                candidates.addAll(h.paper().allKeys());
            }
        }
        return rank(key, candidates, limit);
    }

    public static List<String> rank(String key, Iterable<String> candidates, int limit) {
        String k = key.toLowerCase(Locale.ROOT);
        List<String> typed = parts(k);
        int max = Math.max(1, Math.min(3, k.length() / 4));
        record Scored(String key, int tier, int cost, int distance) {
        }
        List<Scored> scored = new ArrayList<>();
        for (String c : candidates) {
            String lc = c.toLowerCase(Locale.ROOT);
            if (lc.equals(k)) {
                continue;
            }
            int d = distance(k, lc);
            int partCost = typed.size() >= 2 ? partCost(typed, parts(lc)) : -1;
            boolean prefixRelated = k.length() >= 3 && (lc.startsWith(k) || k.startsWith(lc)) && lc.length() >= 3;
            if (partCost >= 0) {
                scored.add(new Scored(c, 0, partCost, d));
            } else if (d <= max || prefixRelated) {
                scored.add(new Scored(c, 1, 0, d));
            }
        }
        scored.sort(Comparator.comparingInt(Scored::tier).thenComparingInt(Scored::cost).thenComparingInt(Scored::distance)
                .thenComparing(Scored::key));
        return scored.stream().map(Scored::key).distinct().limit(limit).toList();
    }

    /** Runs of letters and runs of digits, lower-cased: {@code Devlin-etal-2019-BERT} is devlin, etal, 2019, bert. */
    static List<String> parts(String key) {
        List<String> out = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        int kind = 0; // 1 letters, 2 digits
        for (int i = 0; i < key.length(); i++) {
            char ch = Character.toLowerCase(key.charAt(i));
            int now = Character.isLetter(ch) ? 1 : Character.isDigit(ch) ? 2 : 0;
            if (now != kind && !run.isEmpty()) {
                out.add(run.toString());
                run.setLength(0);
            }
            if (now != 0) {
                run.append(ch);
            }
            kind = now;
        }
        if (!run.isEmpty()) {
            out.add(run.toString());
        }
        return out;
    }

    /**
     * How well a candidate's parts cover the typed ones, each in order: 0 when each is there as it is
     * (or as the start of a part, three letters or more), two more per part there with one edit (four
     * characters or more: 2018 for 2019 is likely another paper), one more per other part of the
     * candidate (etal, a title word); -1 when a typed part is missing.
     */
    private static int partCost(List<String> typed, List<String> candidate) {
        int cost = 0;
        int from = 0;
        for (String t : typed) {
            int found = -1;
            int edit = 0;
            for (int i = from; i < candidate.size() && found < 0; i++) {
                String c = candidate.get(i);
                if (c.equals(t) || (t.length() >= 3 && c.startsWith(t))) {
                    found = i;
                } else if (t.length() >= 4 && c.length() >= 4 && distance(t, c) == 1) {
                    found = i;
                    edit = 2;
                }
            }
            if (found < 0) {
                return -1;
            }
            cost += edit + (found - from);
            from = found + 1;
        }
        return cost + (candidate.size() - from);
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
