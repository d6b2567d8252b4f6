package dev.paperlink.corpus.model;

/**
 * Text from records, made safe to show: a corpus is input from anyone, and its titles, names and
 * abstracts reach terminals and editors. Control characters (C0 but tab and line breaks, DEL,
 * C1) would drive a terminal (an OSC 52 sequence writes the clipboard, {@code ESC ] 0} the window
 * title, {@code ESC [ 2 K} erases a line); bidirectional overrides and isolates reorder what the
 * reader sees (Trojan Source). One place decides what becomes of them.
 */
public final class ShownText {
    /** Longest record text sent to an editor in one item (a title, a name list). */
    public static final int EDITOR_MAX = 500;

    private ShownText() {
    }

    /**
     * For a terminal: controls shown as their Unicode control pictures ({@code ESC} as ␛, DEL as
     * ␡, C1 as �), line breaks and tabs as blanks (one record, one line), bidi controls dropped.
     */
    public static String forTerminal(String s) {
        if (clean(s)) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r' || c == '\t') {
                sb.append(' ');
            } else if (c < 0x20) {
                sb.append((char) (0x2400 + c));
            } else if (c == 0x7f) {
                sb.append('\u2421');
            } else if (c >= 0x80 && c <= 0x9f) {
                sb.append('\ufffd');
            } else if (!isBidiControl(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * For an editor: controls and bidi controls dropped (line breaks and tabs as blanks), and at
     * most {@code max} characters (cut at a word where one is near, with an ellipsis).
     */
    public static String forEditor(String s, int max) {
        String t = s;
        if (!clean(s)) {
            StringBuilder sb = new StringBuilder(s.length());
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '\n' || c == '\r' || c == '\t') {
                    sb.append(' ');
                } else if (c >= 0x20 && c != 0x7f && (c < 0x80 || c > 0x9f) && !isBidiControl(c)) {
                    sb.append(c);
                }
            }
            t = sb.toString();
        }
        if (t.length() <= max) {
            return t;
        }
        int cut = max - 1;
        if (Character.isLowSurrogate(t.charAt(cut))) {
            cut--; // not half a character
        }
        int space = t.lastIndexOf(' ', cut);
        if (space > max * 3 / 4) {
            cut = space;
        }
        return t.substring(0, cut).strip() + "…";
    }

    /** Whether nothing in it needs changing (the common case: no copy). */
    private static boolean clean(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || isBidiControl(c)) {
                return false;
            }
        }
        return true;
    }

    /** LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI, LRM, RLM and the Arabic letter mark. */
    static boolean isBidiControl(char c) {
        return (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069') || c == '\u200e' || c == '\u200f' || c == '\u061c';
    }
}
