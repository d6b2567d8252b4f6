package dev.paperlink.corpus.source;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Normalisation of the identifiers that records are matched on: DOI, arXiv id, title, year. */
public final class Identifiers {
    private static final Pattern DOI = Pattern.compile("(10\\.\\d{4,9}/\\S+)");
    private static final Pattern NEW_ARXIV = Pattern.compile("(?<![\\d.])(\\d{4}\\.\\d{4,5})(v\\d+)?(?![\\d])");
    private static final Pattern YEAR = Pattern.compile("(?<!\\d)(1[5-9]\\d\\d|20\\d\\d|21\\d\\d)(?!\\d)");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private Identifiers() {
    }

    /** A bare lower-case DOI ("10.1000/xyz") from a DOI, a doi: form or a doi.org URL; empty if none: the form DOIs are matched in. */
    public static String doi(String value) {
        return doiAsWritten(value).toLowerCase(Locale.ROOT);
    }

    /**
     * A bare DOI in the case it was written ("10.18653/v1/N19-1423"), from a DOI, a doi: form or a
     * doi.org URL; empty if none: the form papers show (DOIs are case-insensitive; {@link #doi} matches).
     */
    public static String doiAsWritten(String value) {
        if (value == null || value.isBlank()) {
            return "";
        }
        Matcher m = DOI.matcher(value.strip());
        if (!m.find()) {
            return "";
        }
        String doi = m.group(1);
        while (!doi.isEmpty() && ".,;)]}>\"'".indexOf(doi.charAt(doi.length() - 1)) >= 0) {
            doi = doi.substring(0, doi.length() - 1);
        }
        return doi;
    }

    /**
     * A bare arXiv id without version ("1706.03762", "hep-th/9901001") from an id, an "arXiv:" form
     * or an arxiv.org URL; empty if none.
     */
    public static String arxivId(String value) {
        if (value == null || value.isBlank()) {
            return "";
        }
        String v = value.strip();
        Matcher m = NEW_ARXIV.matcher(v);
        if (m.find()) {
            return m.group(1);
        }
        return oldStyleArxivId(v);
    }

    /**
     * The first old-style arXiv id in a text ({@code hep-th/9901001}, {@code math.GT/0309136}):
     * an archive name of lower-case letters and hyphens (starting with a letter), an optional
     * {@code .XX} subject class, a slash and seven digits. A scan in linear time: the regular
     * expression it replaces backtracked quadratically on a long run of letters (minutes for an
     * 80 KB URL).
     */
    /** Archive names are short ({@code cond-mat}, {@code physics}); a long run of letters is no id. */
    static final int MAX_ARCHIVE_NAME = 24;

    static String oldStyleArxivId(String v) {
        int n = v.length();
        for (int slash = v.indexOf('/'); slash >= 0; slash = v.indexOf('/', slash + 1)) {
            if (slash + 8 > n || !digits(v, slash + 1, 7)) {
                continue;
            }
            int end = slash;
            if (slash >= 3 && v.charAt(slash - 3) == '.' && isUpper(v.charAt(slash - 2)) && isUpper(v.charAt(slash - 1))) {
                end = slash - 3;
            }
            int start = end;
            while (start > 0 && (isLower(v.charAt(start - 1)) || v.charAt(start - 1) == '-')) {
                start--;
            }
            while (start < end && !isLower(v.charAt(start))) {
                start++; // the name starts with a letter
            }
            if (start < end && end - start <= MAX_ARCHIVE_NAME) {
                return v.substring(start, slash + 8);
            }
        }
        return "";
    }

    private static boolean digits(String s, int from, int count) {
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean isLower(char c) {
        return c >= 'a' && c <= 'z';
    }

    private static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    /**
     * The arXiv id carried by a DOI ({@code 10.48550/arXiv.X}) or an arxiv.org URL, or empty.
     *
     * @param doi a bare DOI, in any case ({@link #doi} or {@link #doiAsWritten})
     */
    public static String arxivIdOf(String doi, String url) {
        if (doi.toLowerCase(Locale.ROOT).startsWith("10.48550/arxiv.")) {
            String a = arxivId(doi.substring("10.48550/arxiv.".length()));
            if (!a.isEmpty()) {
                return a;
            }
        }
        if (url.toLowerCase(Locale.ROOT).contains("arxiv.org/")) {
            return arxivId(url);
        }
        return "";
    }

    /** The first plausible four-digit year in a date string, or empty. */
    public static String year(String date) {
        if (date == null) {
            return "";
        }
        Matcher m = YEAR.matcher(date);
        return m.find() ? m.group(1) : "";
    }

    /**
     * A title reduced for matching: accents stripped, lower case, every run of non letters or
     * digits one space. "BERT: Pre-Training of Deep..." and "{BERT}: pre-training of deep..." match.
     */
    public static String normalizedTitle(String title) {
        if (title == null) {
            return "";
        }
        String folded = isAscii(title) ? title : foldToAscii(title);
        StringBuilder sb = new StringBuilder(folded.length());
        boolean space = false;
        for (int i = 0; i < folded.length(); ) {
            int cp = folded.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                if (space && !sb.isEmpty()) {
                    sb.append(' ');
                }
                space = false;
                sb.appendCodePoint(Character.toLowerCase(cp));
            } else {
                space = true;
            }
        }
        return sb.toString();
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Accents removed and ligatures expanded, as far as Unicode decomposition goes; other scripts kept. */
    public static String foldToAscii(String s) {
        String d = Normalizer.normalize(s, Normalizer.Form.NFKD);
        d = MARKS.matcher(d).replaceAll("");
        StringBuilder sb = new StringBuilder(d.length());
        for (int i = 0; i < d.length(); i++) {
            char c = d.charAt(i);
            switch (c) {
                case 'ß' -> sb.append("ss");
                case 'æ' -> sb.append("ae");
                case 'Æ' -> sb.append("AE");
                case 'ø' -> sb.append('o');
                case 'Ø' -> sb.append('O');
                case 'œ' -> sb.append("oe");
                case 'Œ' -> sb.append("OE");
                case 'ł' -> sb.append('l');
                case 'Ł' -> sb.append('L');
                case 'đ' -> sb.append('d');
                case 'Đ' -> sb.append('D');
                case 'ı' -> sb.append('i');
                case 'þ' -> sb.append("th");
                case 'ð' -> sb.append('d');
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
