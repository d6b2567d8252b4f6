package dev.paperlink.cli.bench.arxiv;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Monthly volumes: approximate yearly submission totals of arXiv (1991-08 to 2024-12, in the
 * shape of its published statistics; about 2.75 million in all), spread evenly over each year's
 * months and scaled so that the months add up to the number of records asked for.
 */
final class Timeline {
    static final YearMonth FIRST = YearMonth.of(1991, 8);
    static final YearMonth LAST = YearMonth.of(2024, 12);
    /** Months from 2007-04 on have new-style ids (YYMM.NNNN; from 2015, YYMM.NNNNN). */
    static final YearMonth NEW_STYLE = YearMonth.of(2007, 4);

    private static final int[] YEARLY = {
            // 1991 (Aug-Dec) .. 2024
            300, 3_200, 6_700, 10_000, 13_000, 15_800, 19_600, 24_000, 27_500, 30_300, 32_600, 35_700, 38_500, 43_000,
            45_600, 49_600, 55_500, 58_900, 63_800, 70_100, 76_600, 84_600, 92_600, 97_500, 105_300, 113_400, 123_500,
            140_600, 155_800, 178_300, 181_600, 185_700, 208_500, 240_000};

    record Month(YearMonth month, int records) {
    }

    private Timeline() {
    }

    /** Every month from {@link #FIRST} to {@link #LAST} with its share of {@code total} records (the counts add up to it exactly). */
    static List<Month> months(long total) {
        List<YearMonth> ms = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        double sum = 0;
        for (YearMonth m = FIRST; !m.isAfter(LAST); m = m.plusMonths(1)) {
            int year = m.getYear();
            int monthsInYear = year == 1991 ? 5 : 12;
            double w = YEARLY[year - 1991] / (double) monthsInYear;
            ms.add(m);
            weights.add(w);
            sum += w;
        }
        List<Month> out = new ArrayList<>();
        double cum = 0;
        long assigned = 0;
        for (int i = 0; i < ms.size(); i++) {
            cum += weights.get(i);
            long upTo = Math.round(cum / sum * total);
            out.add(new Month(ms.get(i), (int) (upTo - assigned)));
            assigned = upTo;
        }
        return out;
    }

    /** "0704.0001", "1501.00001": the id of the n-th (1-based) paper of a month with a new-style id. */
    static String newStyle(YearMonth m, int n) {
        String prefix = String.format("%02d%02d", m.getYear() % 100, m.getMonthValue());
        return m.getYear() >= 2015 ? prefix + "." + String.format("%05d", n) : prefix + "." + String.format("%04d", n);
    }

    /** "hep-th/9901001": the id of the n-th paper of an archive in a month before 2007-04. */
    static String oldStyle(String archive, YearMonth m, int n) {
        return archive + "/" + String.format("%02d%02d%03d", m.getYear() % 100, m.getMonthValue(), n);
    }

    /** The highest sequence number a month's ids can hold. */
    static int capacity(YearMonth m) {
        return m.isBefore(NEW_STYLE) ? 999 : m.getYear() >= 2015 ? 99_999 : 9_999;
    }
}
