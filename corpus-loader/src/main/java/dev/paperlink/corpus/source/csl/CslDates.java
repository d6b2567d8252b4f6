package dev.paperlink.corpus.source.csl;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates of CSL items ({@code date-parts}, {@code raw}, {@code literal}, {@code season}) and of
 * free-text date strings (Zotero's {@code date}, CSL {@code raw}). Ranges give their start;
 * seasons and uncertain parts give what is certain.
 */
public final class CslDates {
    private static final Pattern ISO = Pattern.compile("^(-?\\d{1,4})(?:[-/.](\\d{1,2})(?:[-/.](\\d{1,2}))?)?(?![\\d])");
    private static final Pattern DMY_NUMERIC = Pattern.compile("^(\\d{1,2})[./](\\d{1,2})[./](\\d{4})(?!\\d)");
    private static final Pattern YEAR = Pattern.compile("(?<![\\d])(\\d{4})(?![\\d])");
    private static final Pattern WORD = Pattern.compile("\\p{L}+");
    private static final Pattern DAY = Pattern.compile("(?<![\\d])(\\d{1,2})(?:st|nd|rd|th)?(?![\\d])");
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5),
            Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10),
            Map.entry("nov", 11), Map.entry("dec", 12),
            // a few non-English forms common in exports
            Map.entry("jän", 1), Map.entry("janv", 1), Map.entry("janvier", 1), Map.entry("januar", 1),
            Map.entry("févr", 2), Map.entry("février", 2), Map.entry("februar", 2),
            Map.entry("mär", 3), Map.entry("märz", 3), Map.entry("mars", 3), Map.entry("avril", 4),
            Map.entry("mai", 5), Map.entry("juin", 6), Map.entry("juni", 6), Map.entry("juil", 7), Map.entry("juillet", 7),
            Map.entry("juli", 7), Map.entry("août", 8), Map.entry("septembre", 9), Map.entry("okt", 10), Map.entry("oktober", 10),
            Map.entry("octobre", 10), Map.entry("novembre", 11), Map.entry("dez", 12), Map.entry("dezember", 12),
            Map.entry("déc", 12), Map.entry("décembre", 12));
    private static final Pattern BC = Pattern.compile("(?i)^\\s*(?:bc|bce|b\\.c\\.)(?![a-z])");
    private static final Pattern DAY_BEFORE = Pattern.compile("(?<![\\d])(\\d{1,2})(?:st|nd|rd|th)?[\\s.,/-]*$");

    private CslDates() {
    }

    /** A date as precise as known; month and day are 0 when unknown. */
    public record PartialDate(int year, int month, int day) {
        /** Four-digit year ("0800" for year 800), or empty for years outside 1..9999. */
        public String yearText() {
            return year >= 1 && year <= 9999 ? String.format(Locale.ROOT, "%04d", year) : "";
        }

        /** ISO-8601 date as precise as known: 2017, 2017-06, 2017-06-12; empty when the year is unusable. */
        public String iso() {
            String y = yearText();
            if (y.isEmpty()) {
                return "";
            }
            if (month < 1 || month > 12) {
                return y;
            }
            String ym = y + String.format(Locale.ROOT, "-%02d", month);
            if (day < 1 || day > 31) {
                return ym;
            }
            return ym + String.format(Locale.ROOT, "-%02d", day);
        }
    }

    /**
     * A CSL date variable: an object with {@code date-parts}, {@code raw}, {@code literal} and/or
     * {@code season}; also the non-standard forms seen in the wild (a string, a number, a list of
     * {@code {year, month, day}} objects as Better BibTeX's CSL-YAML writes, a bare date-parts array).
     */
    public static Optional<PartialDate> fromCsl(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return Optional.empty();
        }
        if (node.isTextual() || node.isNumber()) {
            return parse(node.asText());
        }
        if (node.isArray()) {
            if (node.isEmpty()) {
                return Optional.empty();
            }
            JsonNode first = node.get(0);
            if (first.isObject()) {
                return fromYmdObject(first); // BBT CSL-YAML: [{year: 2019, month: 3}, {year: 2020}]
            }
            return fromParts(first.isArray() ? first : node);
        }
        if (!node.isObject()) {
            return Optional.empty();
        }
        JsonNode parts = node.get("date-parts");
        if (parts != null && parts.isArray() && !parts.isEmpty()) {
            Optional<PartialDate> d = fromParts(parts.get(0).isArray() ? parts.get(0) : parts);
            if (d.isPresent()) {
                return d;
            }
        }
        if (node.has("year")) {
            Optional<PartialDate> d = fromYmdObject(node);
            if (d.isPresent()) {
                return d;
            }
        }
        for (String f : new String[] {"raw", "literal"}) {
            Optional<PartialDate> d = parse(CslText.scalar(node.get(f)));
            if (d.isPresent()) {
                return d;
            }
        }
        return Optional.empty();
    }

    private static Optional<PartialDate> fromYmdObject(JsonNode o) {
        int y = number(o.get("year"));
        if (y == Integer.MIN_VALUE || y == 0) {
            return Optional.empty();
        }
        return Optional.of(date(y, number(o.get("month")), number(o.get("day"))));
    }

    private static Optional<PartialDate> fromParts(JsonNode parts) {
        if (parts == null || parts.isEmpty()) {
            return Optional.empty();
        }
        int y = number(parts.get(0));
        if (y == Integer.MIN_VALUE || y == 0) {
            return Optional.empty();
        }
        int m = parts.size() > 1 ? number(parts.get(1)) : 0;
        int d = parts.size() > 2 ? number(parts.get(2)) : 0;
        return Optional.of(date(y, m, d));
    }

    private static PartialDate date(int y, int m, int d) {
        if (m < 1 || m > 12) { // unknown, or a season written as pseudo-month 13..16 / 21..24
            return new PartialDate(y, 0, 0);
        }
        if (d < 1 || d > 31) {
            d = 0;
        }
        return new PartialDate(y, m, d);
    }

    /** An integer from a number or a numeric string ("2019", " 03 "); MIN_VALUE when not a number. */
    private static int number(JsonNode n) {
        if (n == null || n.isNull()) {
            return Integer.MIN_VALUE;
        }
        if (n.isIntegralNumber() && n.canConvertToInt()) {
            return n.intValue();
        }
        if (n.isNumber()) {
            return (int) n.doubleValue();
        }
        if (n.isTextual()) {
            String s = n.asText().strip();
            if (s.matches("-?\\d{1,6}")) {
                return Integer.parseInt(s);
            }
        }
        return Integer.MIN_VALUE;
    }

    /**
     * A free-text date: ISO ("2019-03-15", "2019-03", "2019/03/15", EDTF ranges and uncertainty
     * marks), "15.03.2019", "March 2019", "15 March 2019", "March 15, 2019", or anything holding a
     * four-digit year.
     */
    public static Optional<PartialDate> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String s = raw.strip();
        if (s.length() > 200) {
            s = s.substring(0, 200); // a date is short; bounds the work on junk
        }
        while (!s.isEmpty() && "[(~?c.".indexOf(s.charAt(0)) >= 0 && !s.startsWith("-")) {
            s = s.substring(1).strip();
        }
        if (s.isEmpty()) {
            return Optional.empty();
        }
        Matcher iso = ISO.matcher(s);
        if (iso.find() && iso.group(1).replace("-", "").length() == 4) {
            int y = Integer.parseInt(iso.group(1));
            int m = iso.group(2) == null ? 0 : Integer.parseInt(iso.group(2));
            int d = iso.group(3) == null ? 0 : Integer.parseInt(iso.group(3));
            if (y != 0) {
                if (m == 0 && d == 0) {
                    // "2019", maybe followed by a month name ("2019 March 15")
                    Optional<PartialDate> named = withMonthName(s, y);
                    if (named.isPresent()) {
                        return named;
                    }
                }
                return Optional.of(date(y, m, d));
            }
        }
        Matcher dmy = DMY_NUMERIC.matcher(s);
        if (dmy.find()) {
            int a = Integer.parseInt(dmy.group(1));
            int b = Integer.parseInt(dmy.group(2));
            int y = Integer.parseInt(dmy.group(3));
            // "15.03.2019" and "15/03/2019" are day-first; with both parts <= 12 the order is unknown
            if (a > 12 && b <= 12) {
                return Optional.of(date(y, b, a));
            }
            if (b > 12 && a <= 12) {
                return Optional.of(date(y, a, b));
            }
            if (s.charAt(dmy.end(1)) == '.') {
                return Optional.of(date(y, b, a));
            }
            return Optional.of(new PartialDate(y, 0, 0));
        }
        Matcher ym = YEAR.matcher(s);
        int y = 0;
        while (y == 0 && ym.find()) {
            y = Integer.parseInt(ym.group(1)); // skips "0000" placeholders as in Zotero's "0000-00-00 2016"
        }
        if (y == 0 || BC.matcher(s.substring(ym.end())).find()) {
            return Optional.empty();
        }
        return Optional.of(withMonthName(s, y).orElse(new PartialDate(y, 0, 0)));
    }

    /** Year plus month name (and a day beside it) found in {@code s}, if a month name is there. */
    private static Optional<PartialDate> withMonthName(String s, int year) {
        Matcher w = WORD.matcher(s);
        while (w.find()) {
            int month = month(w.group());
            if (month == 0) {
                continue;
            }
            int day = 0;
            // a day right after the month ("March 15, 2019") or right before it ("15 March 2019")
            String after = s.substring(w.end());
            Matcher da = DAY.matcher(after);
            if (da.find() && after.substring(0, da.start()).matches("[\\s.,]*")) {
                int v = Integer.parseInt(da.group(1));
                if (v >= 1 && v <= 31 && !(after.substring(da.start()).startsWith(String.valueOf(year)))) {
                    day = v;
                }
            }
            if (day == 0) {
                String before = s.substring(0, w.start());
                Matcher db = DAY_BEFORE.matcher(before);
                if (db.find()) {
                    int v = Integer.parseInt(db.group(1));
                    if (v >= 1 && v <= 31) {
                        day = v;
                    }
                }
            }
            return Optional.of(date(year, month, day));
        }
        return Optional.empty();
    }

    private static int month(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.length() < 3) {
            return 0;
        }
        Integer m = MONTHS.get(w);
        if (m != null) {
            return m;
        }
        // full English names and abbreviations such as "Sept"
        for (String full : new String[] {"january", "february", "march", "april", "may", "june", "july", "august",
                "september", "october", "november", "december"}) {
            if (full.startsWith(w)) {
                return MONTHS.get(full.substring(0, 3));
            }
        }
        return 0;
    }
}
