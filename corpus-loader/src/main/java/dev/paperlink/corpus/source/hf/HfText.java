package dev.paperlink.corpus.source.hf;

import dev.paperlink.corpus.model.Author;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small text helpers shared by the Hugging Face readers: names, scrape artifacts, dates. */
final class HfText {
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** A space the scraper left before punctuation: "learning , revealing" → "learning, revealing". */
    private static final Pattern SPACE_BEFORE_PUNCT = Pattern.compile("(?<=\\S) +([,;:!?)\\]])(?=\\s|$)");
    /** The same before a period, but not after a digit ("3 . 5" may be a split decimal). */
    private static final Pattern SPACE_BEFORE_PERIOD = Pattern.compile("(?<=[\\p{L})\\]%]) +\\.(?=\\s|$)");
    private static final Pattern ISO_DATE = Pattern.compile("^(\\d{4})-(\\d{2})-(\\d{2})");
    static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
            "oct", "nov", "dec");
    private static final Pattern ORG_WORDS = Pattern.compile(
            "(?i)\\b(team|lab|labs|laboratory|university|institute|inc|corp|group|organization|collaboration|consortium)\\b");

    private HfText() {
    }

    /** Whitespace collapsed and stripped; null becomes empty. */
    static String collapse(String s) {
        return s == null ? "" : SPACES.matcher(s).replaceAll(" ").strip();
    }

    /** Collapsed text with the scraper's stray spaces before punctuation removed. */
    static String cleanScraped(String s) {
        return SPACE_BEFORE_PERIOD.matcher(SPACE_BEFORE_PUNCT.matcher(collapse(s)).replaceAll("$1")).replaceAll(".");
    }

    /**
     * An author from a display name as HF writes it ("Jingxuan Wei," with the scraper's trailing
     * comma): the last word is the family name, the rest the given names. Names that look like
     * organisations ("Qwen Team") become literal names.
     */
    static Author author(String name) {
        String n = collapse(name);
        while (!n.isEmpty() && (n.endsWith(",") || n.endsWith(";"))) {
            n = n.substring(0, n.length() - 1).strip();
        }
        if (n.isEmpty()) {
            return null;
        }
        if (ORG_WORDS.matcher(n).find()) {
            return Author.literal(n);
        }
        int sp = n.lastIndexOf(' ');
        return sp < 0 ? Author.person(n, "") : Author.person(n.substring(sp + 1), n.substring(0, sp));
    }

    /** yyyy-MM-dd from an ISO timestamp ("2026-04-01T09:02:03.98+00:00"), or empty. */
    static String isoDate(String value) {
        if (value == null) {
            return "";
        }
        Matcher m = ISO_DATE.matcher(value.strip());
        if (!m.find()) {
            return "";
        }
        int month = Integer.parseInt(m.group(2));
        int day = Integer.parseInt(m.group(3));
        return month >= 1 && month <= 12 && day >= 1 && day <= 31 ? m.group() : "";
    }

    /** 1-based month of a three-letter (or longer) English month name, or 0. */
    static int month(String name) {
        if (name == null || name.length() < 3) {
            return 0;
        }
        return MONTHS.indexOf(name.substring(0, 3).toLowerCase(Locale.ROOT)) + 1;
    }
}
