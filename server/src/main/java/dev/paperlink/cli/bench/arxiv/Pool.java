package dev.paperlink.cli.bench.arxiv;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A Pitman–Yor process ("Chinese restaurant" with a discount): each draw either opens a new table
 * (a new word type, a new author) or sits at an existing one with probability proportional to its
 * count less the discount. The number of tables after m draws grows like m^d (Heaps' law with
 * exponent d) and the tables' counts follow a power law (Zipf's law), which is what real
 * vocabularies and author lists do. Memory is one int and one double per table.
 */
final class Pool {
    final double discount;
    final double concentration;
    private int tables;
    private long draws;
    private int[] counts = new int[1024];
    /** Fenwick tree over the tables' weights (count - discount); its size is a power of two. */
    private double[] tree = new double[1024];

    Pool(double discount, double concentration) {
        this.discount = discount;
        this.concentration = concentration;
    }

    int tables() {
        return tables;
    }

    long draws() {
        return draws;
    }

    /** A table to sit at, or -1 for a new one (then call {@link #open}). Counts the draw either way. */
    int draw(SplittableRandom random) {
        double total = concentration + draws;
        double pNew = (concentration + discount * tables) / total;
        draws++;
        if (tables == 0 || random.nextDouble() < pNew) {
            return -1;
        }
        double u = random.nextDouble() * (draws - 1 - discount * tables);
        int t = find(u);
        counts[t]++;
        add(t, 1);
        return t;
    }

    /** Opens a new table with one customer; returns its index. */
    int open() {
        if (tables == counts.length) {
            counts = Arrays.copyOf(counts, counts.length * 2);
            rebuild(counts.length);
        }
        int t = tables++;
        counts[t] = 1;
        add(t, 1 - discount);
        return t;
    }

    int count(int table) {
        return counts[table];
    }

    private void add(int t, double w) {
        for (int i = t + 1; i <= tree.length; i += i & -i) {
            tree[i - 1] += w;
        }
    }

    /** The table whose cumulative weight range holds u. */
    private int find(double u) {
        int pos = 0;
        for (int step = Integer.highestOneBit(tree.length); step > 0; step >>= 1) {
            int next = pos + step;
            if (next <= tree.length && tree[next - 1] <= u) {
                pos = next;
                u -= tree[next - 1];
            }
        }
        return Math.min(pos, tables - 1);
    }

    private void rebuild(int capacity) {
        tree = new double[capacity];
        for (int t = 0; t < capacity; t++) {
            if (t < tables) {
                tree[t] += counts[t] - discount;
            }
            int parent = t + ((t + 1) & -(t + 1));
            if (parent < capacity) {
                tree[parent] += tree[t];
            }
        }
    }

    /** The expected number of tables after m draws (the exact recurrence of the expectation). */
    static double expectedTables(double discount, double concentration, long m) {
        double k = 1;
        for (long i = 1; i < m; i++) {
            k += (concentration + discount * k) / (concentration + i);
        }
        return k;
    }

    /** The concentration for which m draws open about k tables (bisection over a log scale). */
    static double concentrationFor(double discount, long m, double k) {
        double lo = 1e-3;
        double hi = 1e8;
        for (int i = 0; i < 60; i++) {
            double mid = Math.sqrt(lo * hi);
            if (expectedTables(discount, mid, m) < k) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return Math.sqrt(lo * hi);
    }
}
