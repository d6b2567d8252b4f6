package dev.paperlink.cli.bench.arxiv;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * arXiv subject classes with approximate shares of primary submissions around 2000 and around
 * 2022 (physics-heavy early, computer science and statistics growing later; interpolated between),
 * each from the year its archive opened. These shares are rough figures in the shape of arXiv's
 * published submission statistics, not measured here. Cross-lists are drawn mostly from the
 * primary's own archive group.
 */
final class Taxonomy {
    record Category(String name, double early, double late, int since) {
        String archive() {
            int dot = name.indexOf('.');
            return dot < 0 ? name : name.substring(0, dot);
        }

        String group() {
            String a = archive();
            return switch (a) {
                case "hep-th", "hep-ph", "hep-ex", "hep-lat", "gr-qc", "nucl-th", "nucl-ex" -> "hep";
                case "math-ph" -> "math";
                case "eess", "stat" -> "cs";
                default -> a;
            };
        }
    }

    static final List<Category> ALL = List.of(
            c("hep-th", 9, 3, 1991), c("hep-ph", 10, 3, 1992), c("hep-ex", 2, 0.8, 1994), c("hep-lat", 2, 0.4, 1992),
            c("gr-qc", 4, 2, 1992), c("nucl-th", 2, 0.8, 1992), c("nucl-ex", 1, 0.3, 1994), c("quant-ph", 6, 5, 1994),
            c("astro-ph.GA", 5, 2, 1992), c("astro-ph.CO", 4, 1.5, 1992), c("astro-ph.SR", 3, 1.2, 1992),
            c("astro-ph.HE", 2, 1.2, 1992), c("astro-ph.EP", 0.5, 0.8, 1992), c("astro-ph.IM", 0.5, 0.8, 1992),
            c("cond-mat.mes-hall", 4, 1.8, 1992), c("cond-mat.str-el", 4, 1.4, 1992), c("cond-mat.stat-mech", 4, 1.2, 1992),
            c("cond-mat.mtrl-sci", 3, 2.5, 1992), c("cond-mat.supr-con", 2, 0.5, 1992), c("cond-mat.soft", 2, 0.8, 1992),
            c("cond-mat.dis-nn", 1, 0.4, 1992), c("cond-mat.quant-gas", 0.3, 0.5, 1992),
            c("math.AG", 1.5, 0.8, 1992), c("math.NT", 1, 0.8, 1992), c("math.CO", 1, 1.5, 1992), c("math.PR", 1, 1.2, 1992),
            c("math.AP", 1.5, 1.5, 1992), c("math.DG", 1, 0.6, 1992), c("math-ph", 2, 0.8, 1996), c("math.FA", 1, 0.5, 1992),
            c("math.GT", 1, 0.3, 1992), c("math.QA", 1, 0.2, 1992), c("math.OC", 0.5, 1.5, 1992), c("math.ST", 0.5, 0.5, 1992),
            c("math.DS", 1, 0.6, 1992), c("math.RT", 1, 0.3, 1992), c("math.NA", 0.5, 1.2, 1992), c("math.GR", 0.5, 0.3, 1992),
            c("physics.optics", 1, 1.5, 1996), c("physics.flu-dyn", 1, 0.8, 1996), c("physics.gen-ph", 0.5, 0.3, 1996),
            c("physics.atom-ph", 0.5, 0.4, 1996), c("physics.chem-ph", 0.5, 0.6, 1996), c("physics.comp-ph", 0.5, 0.4, 1996),
            c("physics.soc-ph", 0.5, 0.4, 1996), c("physics.bio-ph", 0.5, 0.3, 1996), c("physics.app-ph", 0.2, 0.8, 1996),
            c("nlin.CD", 1, 0.3, 1993), c("nlin.SI", 0.5, 0.1, 1993), c("nlin.PS", 0.5, 0.2, 1993), c("nlin.AO", 0.3, 0.2, 1993),
            c("cs.LO", 0.5, 0.5, 1998), c("cs.CC", 0.5, 0.3, 1998), c("cs.DS", 0.5, 1, 1998), c("cs.AI", 0.5, 2, 1998),
            c("cs.CL", 0.5, 6, 1998), c("cs.IT", 0.5, 1.5, 1998), c("cs.NI", 0.5, 1, 1998), c("cs.DM", 0.5, 0.4, 1998),
            c("cs.LG", 0.2, 9, 1998), c("cs.CV", 0.2, 9, 1998), c("cs.RO", 0.1, 2, 1998), c("cs.CR", 0.2, 1.5, 1998),
            c("cs.SE", 0.2, 1, 1998), c("cs.DC", 0.2, 1, 1998), c("cs.HC", 0.1, 1, 1998), c("cs.IR", 0.1, 1, 1998),
            c("cs.GT", 0.1, 0.5, 1998), c("cs.CY", 0.1, 0.5, 1998), c("cs.SI", 0.1, 0.5, 1998), c("cs.NE", 0.2, 0.5, 1998),
            c("cs.PL", 0.3, 0.4, 1998), c("cs.DB", 0.2, 0.4, 1998),
            c("eess.SP", 0, 1.5, 2017), c("eess.IV", 0, 1, 2017), c("eess.AS", 0, 0.5, 2017), c("eess.SY", 0, 1, 2017),
            c("stat.ML", 0, 1.5, 2007), c("stat.ME", 0, 1, 2007), c("stat.AP", 0, 0.5, 2007),
            c("q-bio.QM", 0.2, 0.3, 2003), c("q-bio.NC", 0.2, 0.3, 2003), c("q-bio.PE", 0.2, 0.2, 2003),
            c("q-fin.ST", 0, 0.15, 2008), c("q-fin.MF", 0, 0.15, 2008), c("econ.EM", 0, 0.3, 2017), c("econ.GN", 0, 0.2, 2017));

    private static Category c(String name, double early, double late, int since) {
        return new Category(name, early, late, since);
    }

    /** Before 2009 astrophysics had no subject classes: {@code astro-ph} alone. */
    static String asOf(Category c, int year) {
        return year < 2009 && c.archive().equals("astro-ph") ? "astro-ph" : c.name();
    }

    private final double[][] cumulativeByYear;
    private final int firstYear;

    Taxonomy(int firstYear, int lastYear) {
        this.firstYear = firstYear;
        cumulativeByYear = new double[lastYear - firstYear + 1][];
        for (int y = firstYear; y <= lastYear; y++) {
            double t = Math.max(0, Math.min(1, (y - 2000) / 22.0));
            double[] cum = new double[ALL.size()];
            double sum = 0;
            for (int i = 0; i < ALL.size(); i++) {
                Category cat = ALL.get(i);
                double w = y < cat.since() ? 0 : (1 - t) * cat.early() + t * cat.late();
                sum += Math.max(w, 0);
                cum[i] = sum;
            }
            cumulativeByYear[y - firstYear] = cum;
        }
    }

    int primary(int year, SplittableRandom random) {
        double[] cum = cumulativeByYear[Math.max(0, Math.min(cumulativeByYear.length - 1, year - firstYear))];
        double u = random.nextDouble() * cum[cum.length - 1];
        int lo = 0;
        int hi = cum.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cum[mid] > u) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** The categories field: primary first, then 0-4 cross-lists (57/30/9/3/1 % of papers have 1/2/3/4/5 categories, as in the real sample). */
    String categories(int primary, int year, SplittableRandom random) {
        double u = random.nextDouble();
        int n = u < 0.57 ? 1 : u < 0.87 ? 2 : u < 0.96 ? 3 : u < 0.99 ? 4 : 5;
        Category p = ALL.get(primary);
        List<String> out = new ArrayList<>(List.of(asOf(p, year)));
        for (int tries = 0; out.size() < n && tries < 40; tries++) {
            int other;
            if (random.nextDouble() < 0.7) {
                other = primary(year, random);
                if (!ALL.get(other).group().equals(p.group())) {
                    continue;
                }
            } else {
                other = primary(year, random);
            }
            String name = asOf(ALL.get(other), year);
            if (!out.contains(name)) {
                out.add(name);
            }
        }
        return String.join(" ", out);
    }
}
