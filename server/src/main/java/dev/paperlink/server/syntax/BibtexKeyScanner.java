package dev.paperlink.server.syntax;

import dev.paperlink.server.document.TextRange;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The entry keys of a BibTeX/biblatex file, with their positions: {@code @type{key,} or
 * {@code @type(key,}. {@code @string}, {@code @preamble} and {@code @comment} have no key. Entries
 * are skipped as balanced groups, so an {@code @} inside a field (an e-mail) is not an entry.
 * This is independent of the record reader: it needs no successful parse to find keys.
 */
public final class BibtexKeyScanner {
    private BibtexKeyScanner() {
    }

    public static List<BibEntryKey> scan(String text) {
        List<BibEntryKey> out = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            int at = text.indexOf('@', i);
            if (at < 0) {
                break;
            }
            int j = at + 1;
            while (j < n && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '_' || text.charAt(j) == '-')) {
                j++;
            }
            String type = text.substring(at + 1, j).toLowerCase(Locale.ROOT);
            int k = j;
            while (k < n && Character.isWhitespace(text.charAt(k))) {
                k++;
            }
            if (type.isEmpty() || k >= n || (text.charAt(k) != '{' && text.charAt(k) != '(')) {
                i = at + 1;
                continue;
            }
            char open = text.charAt(k);
            if (!type.equals("string") && !type.equals("preamble") && !type.equals("comment")) {
                int s = k + 1;
                while (s < n && Character.isWhitespace(text.charAt(s))) {
                    s++;
                }
                int e = s;
                while (e < n && text.charAt(e) != ',' && !Character.isWhitespace(text.charAt(e))
                        && text.charAt(e) != '}' && text.charAt(e) != ')' && text.charAt(e) != '{' && text.charAt(e) != '@') {
                    e++;
                }
                if (e > s) {
                    out.add(new BibEntryKey(text.substring(s, e), new TextRange(s, e), type));
                }
            }
            i = skipGroup(text, k, open == '{' ? '}' : ')');
        }
        return out;
    }

    /** Just past the group that opens at {@code open}; for a broken entry, the next line starting with '@'. */
    private static int skipGroup(String text, int open, char close) {
        int depth = 0;
        int n = text.length();
        for (int i = open; i < n; i++) {
            char c = text.charAt(i);
            if (c == '{' || (c == '(' && close == ')' && depth == 0)) {
                depth++;
            } else if (c == '}' || (c == ')' && close == ')' && depth == 1)) {
                if (--depth == 0) {
                    return i + 1;
                }
            } else if (c == '@' && i > 0 && text.charAt(i - 1) == '\n' && depth > 0) {
                return i; // an unclosed entry: resynchronise at the next entry start
            }
        }
        return n;
    }

    /** The key whose range touches {@code offset}. */
    public static java.util.Optional<BibEntryKey> at(String text, int offset) {
        return scan(text).stream().filter(k -> k.range().touches(offset)).findFirst();
    }
}
