package dev.paperlink.server.syntax;

import dev.paperlink.server.document.TextRange;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Citations in Org mode: org-cite's {@code [cite:@key]}, {@code [cite/t:@a;@b]},
 * {@code [cite/style: see @a p. 3; @b]}, and org-ref's links {@code cite:key},
 * {@code citep:a,b}, {@code citet:&a;&b} (also as {@code [[cite:key]]}). Nothing in comment
 * lines ({@code # ...}), {@code #+begin_src}/{@code example}/{@code verse} blocks or keyword lines.
 */
public final class OrgCitationScanner {
    /** org-ref's citation link types: cite, citep, citet, citeauthor, citeyear, Citep... */
    private static final Pattern ORG_REF = Pattern.compile("(?<![\\w:/@.-])[cC]ite[a-z]*\\*?:(?=[&\\w])");
    private static final Pattern BLOCK = Pattern.compile("(?i)#\\+begin_(src|example|export|verse|comment)\\b");

    private OrgCitationScanner() {
    }

    /** The scan of a text (callers go through {@link CitationScanner#forKind}, which remembers it). */
    static CitationScan read(String text) {
        List<CitationRef> refs = new ArrayList<>();
        List<CitationScan.Slot> slots = new ArrayList<>();
        int n = text.length();
        int line = 0;
        while (line < n) {
            int eol = text.indexOf('\n', line);
            int end = eol < 0 ? n : eol;
            String l = text.substring(line, end).stripLeading();
            Matcher block = BLOCK.matcher(l);
            if (block.lookingAt()) {
                String close = "#+end_" + block.group(1).toLowerCase(Locale.ROOT);
                int e = indexOfIgnoreCase(text, close, end);
                line = e < 0 ? n : e + close.length();
                continue;
            }
            if (!l.startsWith("# ") && !l.equals("#") && !l.startsWith("#+")) {
                scanLine(text, line, end, refs, slots);
            }
            line = end + 1;
        }
        return new CitationScan(refs, slots);
    }

    private static void scanLine(String text, int start, int end, List<CitationRef> refs, List<CitationScan.Slot> slots) {
        int i = start;
        while (i < end) {
            int cite = text.indexOf("[cite", i);
            if (cite < 0 || cite >= end) {
                break;
            }
            int colon = orgCiteColon(text, cite + "[cite".length(), end);
            if (colon < 0) {
                i = cite + 1;
                continue;
            }
            i = orgCite(text, colon + 1, end, refs, slots);
        }
        Matcher m = ORG_REF.matcher(text).region(start, end);
        while (m.find()) {
            if (m.start() > 0 && text.charAt(m.start() - 1) == '[' && (m.start() < 2 || text.charAt(m.start() - 2) != '[')) {
                continue; // [cite:...] is org-cite, read above
            }
            orgRef(text, m.end(), end, refs);
        }
    }

    /** After {@code [cite}: an optional {@code /style/variant}, then the colon; -1 when it is not a citation. */
    private static int orgCiteColon(String text, int i, int end) {
        while (i < end && text.charAt(i) != ':') {
            char c = text.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '/' || c == '-' || c == '_')) {
                return -1;
            }
            i++;
        }
        return i < end ? i : -1;
    }

    /** The body of {@code [cite:...]}: keys after {@code @}, up to the closing bracket. */
    private static int orgCite(String text, int i, int end, List<CitationRef> refs, List<CitationScan.Slot> slots) {
        int close = text.indexOf(']', i);
        boolean open = close < 0 || close > end;
        int stop = open ? end : close;
        for (int k = i; k < stop; k++) {
            if (text.charAt(k) != '@' || (k > i && !isSeparator(text.charAt(k - 1)))) {
                continue;
            }
            int s = k + 1;
            int e = s;
            while (e < stop && isKeyChar(text.charAt(e))) {
                e++;
            }
            if (e > s) {
                refs.add(new CitationRef(text.substring(s, e), new TextRange(s, e), open));
            }
            slots.add(new CitationScan.Slot(new TextRange(s, e), open));
            k = e - 1;
        }
        return open ? end : close + 1;
    }

    /** org-ref keys: {@code a,b} or {@code &a;&b}, to the first blank or bracket. */
    private static void orgRef(String text, int i, int end, List<CitationRef> refs) {
        while (i < end) {
            if (text.charAt(i) == '&') {
                i++;
            }
            int s = i;
            while (i < end && isKeyChar(text.charAt(i)) && text.charAt(i) != ',') {
                i++;
            }
            int e = i;
            while (e > s && ".:".indexOf(text.charAt(e - 1)) >= 0) {
                e--; // the end of a sentence
            }
            if (e > s) {
                refs.add(new CitationRef(text.substring(s, e), new TextRange(s, e), false));
            }
            if (e < i || i >= end || (text.charAt(i) != ',' && text.charAt(i) != ';')) {
                return;
            }
            i++;
        }
    }

    private static int indexOfIgnoreCase(String text, String what, int from) {
        for (int i = from; i + what.length() <= text.length(); i++) {
            if (text.regionMatches(true, i, what, 0, what.length())) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isSeparator(char c) {
        return Character.isWhitespace(c) || c == ';' || c == ':' || c == '-';
    }

    private static boolean isKeyChar(char c) {
        return !Character.isWhitespace(c) && c != ';' && c != ']' && c != '[' && c != '@';
    }
}
