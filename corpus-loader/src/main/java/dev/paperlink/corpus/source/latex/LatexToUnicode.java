package dev.paperlink.corpus.source.latex;

import java.text.Normalizer;

/**
 * Converts LaTeX markup in field values (accents, common commands, braces, math) to plain Unicode
 * text for display. A single hand-written pass over the text; recursion only for accent arguments
 * and bounded in depth, so any input converts in linear-ish time and never overflows the stack.
 */
public final class LatexToUnicode {
    private static final int MAX_DEPTH = 16;

    private LatexToUnicode() {
    }

    /** Display form of a LaTeX field value: accents to Unicode, case-protecting braces removed, whitespace collapsed. */
    public static String convert(String latex) {
        if (latex == null || latex.isEmpty()) {
            return "";
        }
        if (isPlain(latex)) {
            return latex;
        }
        Converter c = new Converter(latex.length());
        c.run(latex, 0);
        return c.result();
    }

    /** Nothing to convert: no markup, no ligatures, single spaces, no blanks at the ends. */
    private static boolean isPlain(String s) {
        char prev = ' ';
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\', '{', '}', '$', '~', '`', '\t', '\n', '\r' -> {
                    return false;
                }
                case '-', '\'' -> {
                    if (prev == c) {
                        return false;
                    }
                }
                case ' ' -> {
                    if (prev == ' ') {
                        return false;
                    }
                }
                case '\u00A0' -> {
                    return false;
                }
                default -> {
                }
            }
            prev = c;
        }
        return prev != ' ';
    }

    private static final class Converter {
        private char[] out = new char[64];
        private int length;
        private boolean lastWasSpace = true;
        private boolean combined;
        private boolean math;

        Converter(int capacity) {
            out = new char[Math.max(16, capacity + 8)];
        }

        String result() {
            int n = length;
            while (n > 0 && out[n - 1] == ' ') {
                n--;
            }
            String s = new String(out, 0, n);
            return combined ? Normalizer.normalize(s, Normalizer.Form.NFC) : s;
        }

        void text(String s) {
            for (int i = 0; i < s.length(); i++) {
                ch(s.charAt(i));
            }
        }

        void ch(char c) {
            if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\u00A0') {
                if (lastWasSpace) {
                    return;
                }
                c = ' ';
                lastWasSpace = true;
            } else {
                lastWasSpace = false;
            }
            put(c);
        }

        private void put(char c) {
            if (length == out.length) {
                out = java.util.Arrays.copyOf(out, out.length * 2);
            }
            out[length++] = c;
        }

        void run(String s, int depth) {
            int n = s.length();
            int i = 0;
            while (i < n) {
                char c = s.charAt(i);
                switch (c) {
                    case '{', '}' -> i++;
                    case '\\' -> i = command(s, i + 1, depth);
                    case '$' -> {
                        math = !math;
                        i++;
                    }
                    case '~' -> {
                        ch(' ');
                        i++;
                    }
                    case '^', '_' -> {
                        if (!math) {
                            ch(c);
                        }
                        i++;
                    }
                    case '-' -> {
                        if (!math && i + 2 < n && s.charAt(i + 1) == '-' && s.charAt(i + 2) == '-') {
                            ch('—');
                            i += 3;
                        } else if (!math && i + 1 < n && s.charAt(i + 1) == '-') {
                            ch('–');
                            i += 2;
                        } else {
                            ch('-');
                            i++;
                        }
                    }
                    case '`' -> {
                        if (i + 1 < n && s.charAt(i + 1) == '`') {
                            ch('“');
                            i += 2;
                        } else {
                            ch('‘');
                            i++;
                        }
                    }
                    case '\'' -> {
                        if (!math && i + 1 < n && s.charAt(i + 1) == '\'') {
                            ch('”');
                            i += 2;
                        } else {
                            ch(math ? '′' : '\'');
                            i++;
                        }
                    }
                    default -> {
                        ch(c);
                        i++;
                    }
                }
            }
        }

        /** At the character after a backslash; returns the index after the command and its use. */
        private int command(String s, int i, int depth) {
            int n = s.length();
            if (i >= n) {
                return i;
            }
            char c = s.charAt(i);
            if (!isLetter(c)) {
                String name = String.valueOf(c);
                Character accent = LatexSymbols.ACCENTS.get(name);
                if (accent != null) {
                    return accent(s, skipBlanks(s, i + 1), accent, depth);
                }
                if (c == '(' || c == ')' || c == '[' || c == ']') {
                    return i + 1;
                }
                String sym = LatexSymbols.symbol(c);
                if (sym != null) {
                    text(sym);
                } else {
                    ch(c);
                }
                return i + 1;
            }
            int end = i;
            while (end < n && isLetter(s.charAt(end))) {
                end++;
            }
            String name = s.substring(i, end);
            Character accent = LatexSymbols.ACCENTS.get(name);
            if (accent != null) {
                return accent(s, skipBlanks(s, end), accent, depth);
            }
            String letter = LatexSymbols.LETTERS.get(name);
            if (letter != null) {
                text(letter);
                return skipBlanks(s, end);
            }
            String word = LatexSymbols.WORDS.get(name);
            if (word != null) {
                text(word);
                // TeX swallows the blanks after a control word ("The \TeX book" is "The TeXbook");
                // in math the blank is kept for readability
                return math ? end : skipBlanks(s, end);
            }
            switch (name) {
                case "url", "path", "nolinkurl", "doi" -> {
                    int j = skipBlanks(s, end);
                    if (j < n && s.charAt(j) == '{') {
                        int close = matching(s, j);
                        text(s.substring(j + 1, Math.min(close, n)));
                        return Math.min(close + 1, n);
                    }
                    return j;
                }
                default -> {
                }
            }
            if (LatexSymbols.dropsFirstArgument(name) || LatexSymbols.dropsArgument(name)) {
                int j = skipBlanks(s, end);
                if (j < n && s.charAt(j) == '[') {
                    int close = s.indexOf(']', j);
                    j = close < 0 ? n : close + 1;
                }
                if (j < n && s.charAt(j) == '{') {
                    j = Math.min(matching(s, j) + 1, n);
                }
                return j;
            }
            // unknown command: dropped, the content of its braces is kept by the main loop
            return skipBlanks(s, end);
        }

        /** An accent on the next group or character. */
        private int accent(String s, int i, char combining, int depth) {
            int n = s.length();
            if (i >= n) {
                return i;
            }
            String base;
            int next;
            char c = s.charAt(i);
            if (c == '{') {
                int close = matching(s, i);
                base = s.substring(i + 1, Math.min(close, n));
                next = Math.min(close + 1, n);
            } else if (c == '\\') {
                int end = i + 1;
                while (end < n && isLetter(s.charAt(end))) {
                    end++;
                }
                if (end == i + 1 && end < n) {
                    end++;
                }
                base = s.substring(i, end);
                next = end;
            } else if (c == '}') {
                return i;
            } else {
                base = String.valueOf(c);
                next = i + 1;
                if (Character.isHighSurrogate(c) && next < n) {
                    base = s.substring(i, i + 2);
                    next++;
                }
            }
            String converted;
            if (depth >= MAX_DEPTH) {
                converted = base.replace("{", "").replace("}", "").replace("\\", "");
            } else {
                Converter inner = new Converter(base.length());
                inner.math = math;
                inner.run(base, depth + 1);
                converted = inner.result().strip();
                combined |= inner.combined;
            }
            if (converted.isEmpty()) {
                return next;
            }
            int first = converted.offsetByCodePoints(0, 1);
            String head = converted.substring(0, first);
            if (head.equals("ı")) {
                head = "i";
            } else if (head.equals("ȷ")) {
                head = "j";
            }
            text(head);
            put(combining);
            lastWasSpace = false;
            combined = true;
            text(converted.substring(first));
            return next;
        }

        private static int skipBlanks(String s, int i) {
            while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\n' || s.charAt(i) == '\t' || s.charAt(i) == '\r')) {
                i++;
            }
            return i;
        }

        /** The index of the brace closing the one at {@code open}, or the length when unbalanced. */
        private static int matching(String s, int open) {
            int depth = 0;
            for (int i = open; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '\\') {
                    i++;
                } else if (c == '{') {
                    depth++;
                } else if (c == '}') {
                    depth--;
                    if (depth == 0) {
                        return i;
                    }
                }
            }
            return s.length();
        }

        private static boolean isLetter(char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        }
    }
}
