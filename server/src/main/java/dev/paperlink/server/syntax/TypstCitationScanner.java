package dev.paperlink.server.syntax;

import dev.paperlink.server.document.TextRange;

import java.util.ArrayList;
import java.util.List;

/**
 * Citations in Typst: {@code @key} (and {@code @key[p. 7]}), {@code #cite(<key>)} and
 * {@code #cite(label("key"))}. Label names are letters, digits, {@code _ - : .} (a final
 * {@code .} or {@code :} ends the sentence, not the key). Nothing inside {@code //} and
 * {@code /* *}{@code /} comments, raw text ({@code `...`}, {@code ```...```}) or e-mail addresses.
 */
public final class TypstCitationScanner {

    private TypstCitationScanner() {
    }

    /** The scan of a text (callers go through {@link CitationScanner#forKind}, which remembers it). */
    static CitationScan read(String text) {
        List<CitationRef> refs = new ArrayList<>();
        List<CitationScan.Slot> slots = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2; // an escaped character: \@ \# \/
            } else if (c == '/' && text.startsWith("//", i)) {
                int e = text.indexOf('\n', i);
                i = e < 0 ? n : e;
            } else if (c == '/' && text.startsWith("/*", i)) {
                int e = text.indexOf("*/", i + 2);
                i = e < 0 ? n : e + 2;
            } else if (c == '`') {
                i = rawEnd(text, i);
            } else if (c == '@' && (i == 0 || !isLabelChar(text.charAt(i - 1)))) {
                i = at(text, i + 1, refs, slots);
            } else if (c == '#' && text.startsWith("#cite(", i)) {
                i = cite(text, i + "#cite(".length(), refs, slots);
            } else {
                i++;
            }
        }
        return new CitationScan(refs, slots);
    }

    /** {@code @key}: the key from {@code s}. */
    private static int at(String text, int s, List<CitationRef> refs, List<CitationScan.Slot> slots) {
        int e = labelEnd(text, s);
        if (e == s) {
            slots.add(new CitationScan.Slot(TextRange.empty(s), true));
            return s;
        }
        refs.add(new CitationRef(text.substring(s, e), new TextRange(s, e), false));
        return e;
    }

    /** Inside {@code #cite(}: {@code <key>} or {@code label("key")}. */
    private static int cite(String text, int s, List<CitationRef> refs, List<CitationScan.Slot> slots) {
        int n = text.length();
        int i = s;
        while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        int keyStart;
        char close;
        if (text.startsWith("<", i)) {
            keyStart = i + 1;
            close = '>';
        } else if (text.startsWith("label(\"", i)) {
            keyStart = i + "label(\"".length();
            close = '"';
        } else {
            return s;
        }
        int e = close == '>' ? labelEnd(text, keyStart) : stringEnd(text, keyStart);
        boolean open = e >= n || text.charAt(e) != close;
        if (e > keyStart) {
            refs.add(new CitationRef(text.substring(keyStart, e), new TextRange(keyStart, e), open));
        }
        slots.add(new CitationScan.Slot(new TextRange(keyStart, e), open));
        return open ? e : e + 1;
    }

    /** The end of a label name: label characters, without a final '.' or ':'. */
    private static int labelEnd(String text, int s) {
        int e = s;
        while (e < text.length() && isLabelChar(text.charAt(e))) {
            e++;
        }
        while (e > s && (text.charAt(e - 1) == '.' || text.charAt(e - 1) == ':')) {
            e--;
        }
        return e;
    }

    private static int stringEnd(String text, int s) {
        int e = s;
        while (e < text.length() && text.charAt(e) != '"' && text.charAt(e) != '\n') {
            e++;
        }
        return e;
    }

    public static boolean isLabelChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == ':' || c == '.';
    }

    /** The end of raw text opened by a run of backticks (a run of three or more is a block). */
    private static int rawEnd(String text, int start) {
        int e = start;
        while (e < text.length() && text.charAt(e) == '`') {
            e++;
        }
        String fence = text.substring(start, e);
        if (fence.length() == 2) {
            return e; // an empty raw ``
        }
        int close = text.indexOf(fence, e);
        return close < 0 ? (fence.length() >= 3 ? text.length() : e) : close + fence.length();
    }
}
