package dev.paperlink.cli.bench.arxiv;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Pitman-Yor pool opens tables at the rate its expectation gives, and its concentration can be solved for. */
class PoolTest {

    @ParameterizedTest
    @CsvSource({"0.5, 10, 1", "0.5, 1000, 2", "0.7, 100, 3", "0.3, 5000, 4"})
    void tablesGrowAsExpected(double d, double theta, long seed) {
        // K/m^d tends to a random limit (not a constant) for a Pitman-Yor process: the mean of several runs is checked
        int runs = 8;
        int m = 50_000;
        double sum = 0;
        for (int run = 0; run < runs; run++) {
            Pool p = new Pool(d, theta);
            SplittableRandom r = new SplittableRandom(seed * 100 + run);
            long seated = 0;
            for (int i = 0; i < m; i++) {
                int t = p.draw(r);
                if (t < 0) {
                    p.open();
                } else {
                    seated++;
                    assertTrue(p.count(t) >= 2);
                }
            }
            assertEquals(m, p.draws());
            assertEquals(m - seated, p.tables());
            sum += p.tables();
        }
        double expected = Pool.expectedTables(d, theta, m);
        assertTrue(Math.abs(sum / runs - expected) < 0.05 * expected, sum / runs + " tables on average, expected " + expected);
    }

    @ParameterizedTest
    @CsvSource({"0.5, 100000, 5000", "0.6, 1000000, 300000"})
    void theConcentrationIsSolvedFor(double d, long m, double k) {
        double theta = Pool.concentrationFor(d, m, k);
        assertEquals(k, Pool.expectedTables(d, theta, m), k * 0.01);
    }
}
