package dev.paperlink.cli.bench.arxiv;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Vocabulary growth: word types against tokens, at checkpoints, and the fitted exponent of Heaps'
 * law V = K n^β. Tokens are maximal runs of letters, lower-cased; types are kept as 64-bit hashes
 * (a collision among millions of types is unlikely and would only undercount by one).
 */
final class Heaps {
    record Point(long tokens, long types) {
    }

    private final LongIntMap seen = new LongIntMap(1 << 16);
    private long tokens;
    private long nextCheckpoint = 1_000;
    private final List<Point> points = new ArrayList<>();

    void add(CharSequence text) {
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (!Character.isLetter(text.charAt(i))) {
                i++;
                continue;
            }
            long h = 0xcbf29ce484222325L;
            while (i < n && Character.isLetter(text.charAt(i))) {
                h = (h ^ Character.toLowerCase(text.charAt(i))) * 0x100000001b3L;
                i++;
            }
            if (h == -1) {
                h = 0;
            }
            seen.addIfAbsent(h);
            if (++tokens >= nextCheckpoint) {
                points.add(new Point(tokens, seen.size()));
                nextCheckpoint = nextCheckpoint * 2;
            }
        }
    }

    long tokens() {
        return tokens;
    }

    long types() {
        return seen.size();
    }

    /** The checkpoints so far and the current count. */
    List<Point> points() {
        List<Point> all = new ArrayList<>(points);
        if (all.isEmpty() || all.get(all.size() - 1).tokens() != tokens) {
            all.add(new Point(tokens, seen.size()));
        }
        return all;
    }

    /** β fitted by least squares on log V against log n, over checkpoints of at least {@code minTokens} tokens. */
    static double beta(List<Point> points, long minTokens) {
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        int n = 0;
        for (Point p : points) {
            if (p.tokens() < minTokens || p.types() == 0) {
                continue;
            }
            double x = Math.log(p.tokens());
            double y = Math.log(p.types());
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
            n++;
        }
        if (n < 2) {
            return Double.NaN;
        }
        return (n * sxy - sx * sy) / (n * sxx - sx * sx);
    }

    static String table(List<Point> points) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%15s %12s%n", "tokens", "types"));
        points.forEach(p -> sb.append(String.format(Locale.ROOT, "%,15d %,12d%n", p.tokens(), p.types())));
        return sb.toString();
    }
}
