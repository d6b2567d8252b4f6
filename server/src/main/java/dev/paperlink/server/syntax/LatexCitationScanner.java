package dev.paperlink.server.syntax;

import dev.paperlink.server.document.TextRange;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Citations in LaTeX: {@code \cite}, natbib's {@code \citep}/{@code \citet}/{@code \citealp}/...,
 * biblatex's {@code \parencite}/{@code \textcite}/{@code \autocite}/{@code \footcite}/
 * {@code \fullcite}/... and the multi-cite forms {@code \cites{a}{b}}; starred and capitalised
 * forms; optional arguments {@code [p.~3]} (and biblatex's {@code (pre)(post)} for multi-cites);
 * several keys {@code a, b}, keys across line breaks. Nothing inside {@code %} comments,
 * {@code \verb} or verbatim-like environments.
 */
public final class LatexCitationScanner {

    /** Command names (first letter lower-cased) that take citation keys. */
    private static final Pattern CITE = Pattern.compile(
            "(?:no|paren|text|auto|foot|full|footfull|smart|super|foottext)?cite"
                    + "(?:s|p|t|alp|alt|ps|ts|alps|alts|author|authors|year|yearpar|title|titles|url|date|num|text|texts|talias|palias)?");
    private static final Pattern VERBATIM_ENV = Pattern.compile("\\\\begin\\{(verbatim\\*?|Verbatim|lstlisting|minted|comment)\\}");

    private LatexCitationScanner() {
    }

    /** The scan of a text (callers go through {@link CitationScanner#forKind}, which remembers it). */
    static CitationScan read(String text) {
        return new Run(text).scan();
    }

    static boolean isCiteCommand(String name) {
        if (name.isEmpty()) {
            return false;
        }
        String n = Character.toLowerCase(name.charAt(0)) + name.substring(1);
        return CITE.matcher(n).matches() && !n.equals("citetext"); // natbib's \citetext{...} is free text
    }

    private static final class Run {
        private final String text;
        private final int n;
        private final List<CitationRef> refs = new ArrayList<>();
        private final List<CitationScan.Slot> slots = new ArrayList<>();

        Run(String text) {
            this.text = text;
            this.n = text.length();
        }

        CitationScan scan() {
            int i = 0;
            while (i < n) {
                char c = text.charAt(i);
                if (c == '%') {
                    i = endOfLine(i);
                } else if (c == '\\') {
                    int j = i + 1;
                    while (j < n && isLetter(text.charAt(j))) {
                        j++;
                    }
                    if (j == i + 1) {
                        i = Math.min(n, i + 2); // an escaped character: \% \\ \{ ...
                        continue;
                    }
                    String name = text.substring(i + 1, j);
                    if (isCiteCommand(name)) {
                        i = citation(j, name.toLowerCase(java.util.Locale.ROOT).endsWith("cites"));
                    } else if (name.equals("verb")) {
                        i = verb(j);
                    } else if (name.equals("begin")) {
                        i = maybeVerbatim(i, j);
                    } else {
                        i = j;
                    }
                } else {
                    i++;
                }
            }
            return new CitationScan(refs, slots);
        }

        private int citation(int afterName, boolean multi) {
            int k = afterName;
            if (k < n && text.charAt(k) == '*') {
                k++;
            }
            int groups = 0;
            while (true) {
                int s = skipSpace(k);
                if (s >= n) {
                    return n;
                }
                char c = text.charAt(s);
                if (c == '[' && (groups == 0 || multi)) {
                    k = balanced(s, '[', ']');
                } else if (c == '(' && multi) {
                    k = balanced(s, '(', ')');
                } else if (c == '{' && (groups == 0 || multi)) {
                    groups++;
                    KeyList list = keys(s + 1);
                    k = list.end;
                    if (!multi || list.open) {
                        return k;
                    }
                } else {
                    return groups == 0 ? afterName : k;
                }
            }
        }

        private record KeyList(int end, boolean open) {
        }

        /** Reads {@code key, key}} from just after the opening brace. */
        private KeyList keys(int start) {
            List<CitationRef> found = new ArrayList<>();
            int i = start;
            boolean open = true;
            int slotEnd;
            while (true) {
                i = skipSpace(i);
                if (i >= n) {
                    slotEnd = n;
                    break;
                }
                char c = text.charAt(i);
                if (c == '}') {
                    open = false;
                    slotEnd = i;
                    i++;
                    break;
                }
                if (c == ',') {
                    i++;
                    continue;
                }
                if (c == '{' || c == '\\' || Character.isWhitespace(c)) { // junk or a blank line: the list was never closed
                    slotEnd = i;
                    break;
                }
                int s = i;
                while (i < n && isKeyChar(text.charAt(i))) {
                    i++;
                }
                found.add(new CitationRef(text.substring(s, i), new TextRange(s, i), false));
                int j = skipSpace(i);
                if (j < n && (text.charAt(j) == ',' || text.charAt(j) == '}')) {
                    i = j;
                    continue;
                }
                slotEnd = j >= n ? n : i;
                break;
            }
            for (CitationRef r : found) {
                refs.add(open ? new CitationRef(r.key(), r.range(), true) : r);
            }
            slots.add(new CitationScan.Slot(new TextRange(start, Math.max(start, slotEnd)), open));
            return new KeyList(i, open);
        }

        /** Skips whitespace (at most one line break: a blank line ends a paragraph) and comments. */
        private int skipSpace(int i) {
            int newlines = 0;
            while (i < n) {
                char c = text.charAt(i);
                if (c == '%') {
                    i = endOfLine(i);
                    if (i < n) {
                        i++; // the comment eats its line break
                    }
                } else if (c == '\n') {
                    if (++newlines > 1) {
                        return i;
                    }
                    i++;
                } else if (c == ' ' || c == '\t' || c == '\r') {
                    i++;
                } else {
                    return i;
                }
            }
            return i;
        }

        private int balanced(int open, char o, char close) {
            int depth = 0;
            for (int i = open; i < n; i++) {
                char c = text.charAt(i);
                if (c == '\\') {
                    i++;
                } else if (c == '%') {
                    i = endOfLine(i);
                } else if (c == o) {
                    depth++;
                } else if (c == close && --depth == 0) {
                    return i + 1;
                }
            }
            return n;
        }

        private int endOfLine(int i) {
            int e = text.indexOf('\n', i);
            return e < 0 ? n : e;
        }

        private int verb(int j) {
            if (j < n && text.charAt(j) == '*') {
                j++;
            }
            if (j >= n) {
                return n;
            }
            char delim = text.charAt(j);
            int e = text.indexOf(delim, j + 1);
            int eol = endOfLine(j + 1);
            return e < 0 || e > eol ? j + 1 : e + 1;
        }

        private int maybeVerbatim(int backslash, int afterBegin) {
            var m = VERBATIM_ENV.matcher(text).region(backslash, n);
            if (m.lookingAt()) {
                String end = "\\end{" + m.group(1) + "}";
                int e = text.indexOf(end, m.end());
                return e < 0 ? n : e + end.length();
            }
            return afterBegin;
        }

        private static boolean isLetter(char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        }

        private static boolean isKeyChar(char c) {
            return !Character.isWhitespace(c) && c != ',' && c != '}' && c != '{' && c != '%' && c != '\\';
        }
    }
}
