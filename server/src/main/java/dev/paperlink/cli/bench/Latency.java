package dev.paperlink.cli.bench;

import java.util.Arrays;

/**
 * Latency percentiles of one kind of query, in milliseconds, and how often the paper the query
 * was made from came back in the first ten answers.
 */
public record Latency(String kind, int queries, double p50, double p95, double p99, double max, double top10Rate) {

    public static Latency of(String kind, long[] nanos, int found) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Latency(kind, sorted.length, ms(pct(sorted, 50)), ms(pct(sorted, 95)), ms(pct(sorted, 99)),
                ms(sorted.length == 0 ? 0 : sorted[sorted.length - 1]), sorted.length == 0 ? 0 : (double) found / sorted.length);
    }

    private static long pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
