package dev.paperlink.server.syntax;

import dev.paperlink.server.document.DocumentKind;
import dev.paperlink.server.document.TextRange;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The bibliography files a document names: {@code \bibliography{a,b}},
 * {@code \addbibresource[...]{x.bib}} (and biblatex's {@code \addglobalbib}/{@code \addsectionbib})
 * in LaTeX; the {@code bibliography:} field of YAML front matter (a string or a list) in Markdown
 * (and of a Quarto project's {@code _quarto.yml}, {@link #yamlFile}); {@code #bibliography("a.bib")}
 * and {@code #bibliography(("a.bib", "b.yml"))} in Typst; {@code #+bibliography: a.bib} (org-cite)
 * and {@code bibliography:a.bib,b.bib} (org-ref) in Org.
 */
public final class BibliographyScanner {
    private static final Set<String> LATEX = Set.of("bibliography", "nobibliography", "addbibresource", "addglobalbib", "addsectionbib");

    private static final ScanMemo<List<BibliographyRef>> LATEX_MEMO = new ScanMemo<>(BibliographyScanner::latex);
    private static final ScanMemo<List<BibliographyRef>> YAML_MEMO = new ScanMemo<>(BibliographyScanner::yaml);
    private static final ScanMemo<List<BibliographyRef>> TYPST_MEMO = new ScanMemo<>(BibliographyScanner::typst);
    private static final ScanMemo<List<BibliographyRef>> ORG_MEMO = new ScanMemo<>(BibliographyScanner::org);
    private static final java.util.regex.Pattern TYPST = java.util.regex.Pattern.compile("#bibliography\\(\\s*(\\()?");
    private static final java.util.regex.Pattern ORG = java.util.regex.Pattern.compile(
            "(?im)^[ \\t]*#\\+bibliography:[ \\t]*(\\S[^\\n]*?)[ \\t]*$|(?<![\\w#+:/])(?<=\\[\\[|\\s|^)bibliography:([^\\s\\]]+)");

    private BibliographyScanner() {
    }

    public static List<BibliographyRef> scan(DocumentKind kind, String text) {
        return switch (kind) {
            case LATEX -> LATEX_MEMO.get(text);
            case MARKDOWN -> YAML_MEMO.get(text);
            case TYPST -> TYPST_MEMO.get(text);
            case ORG -> ORG_MEMO.get(text);
            case BIBTEX, OTHER -> List.of();
        };
    }

    private static List<BibliographyRef> latex(String text) {
        List<BibliographyRef> out = new ArrayList<>();
        int n = text.length();
        LatexCommands.walk(text, LATEX, (name, j) -> {
            int k = skipBlank(text, j);
            if (k < n && text.charAt(k) == '[') {
                int close = text.indexOf(']', k);
                k = close < 0 ? n : skipBlank(text, close + 1);
            }
            if (k >= n || text.charAt(k) != '{') {
                return j;
            }
            int close = text.indexOf('}', k);
            if (close < 0) {
                return j;
            }
            boolean addExtension = name.endsWith("bibliography");
            int s = k + 1;
            for (int p = k + 1; p <= close; p++) {
                if (p == close || text.charAt(p) == ',') {
                    add(out, text, s, p, addExtension);
                    s = p + 1;
                }
            }
            return close + 1;
        });
        return List.copyOf(out);
    }

    private static void add(List<BibliographyRef> out, String text, int s, int e, boolean addExtension) {
        while (s < e && Character.isWhitespace(text.charAt(s))) {
            s++;
        }
        while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
            e--;
        }
        if (e > s && (text.charAt(s) == '"' || text.charAt(s) == '\'') && text.charAt(e - 1) == text.charAt(s) && e - s >= 2) {
            s++;
            e--;
        }
        if (e <= s) {
            return;
        }
        String name = text.substring(s, e);
        String last = name.substring(name.lastIndexOf('/') + 1);
        if (addExtension && !last.toLowerCase(java.util.Locale.ROOT).endsWith(".bib")) {
            name = name + ".bib";
        }
        out.add(new BibliographyRef(name, new TextRange(s, e)));
    }

    private static int skipBlank(String text, int i) {
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The files Typst's {@code #bibliography} names: one string, or an array of strings. */
    private static List<BibliographyRef> typst(String text) {
        List<BibliographyRef> out = new ArrayList<>();
        var m = TYPST.matcher(text);
        while (m.find()) {
            int close = text.indexOf(m.group(1) != null ? ')' : ',', m.end());
            int paren = text.indexOf(')', m.end());
            int stop = close < 0 || (paren >= 0 && paren < close) ? paren : close;
            if (stop < 0) {
                continue;
            }
            int i = m.end();
            while (i < stop) {
                int q = text.indexOf('"', i);
                int e = q < 0 ? -1 : text.indexOf('"', q + 1);
                if (q < 0 || e < 0 || e > stop) {
                    break;
                }
                add(out, text, q + 1, e, false);
                i = e + 1;
            }
        }
        return List.copyOf(out);
    }

    /** Org: {@code #+bibliography:} keyword lines, and org-ref's {@code bibliography:a.bib,b.bib} links. */
    private static List<BibliographyRef> org(String text) {
        List<BibliographyRef> out = new ArrayList<>();
        var m = ORG.matcher(text);
        while (m.find()) {
            int g = m.group(1) != null ? 1 : 2;
            int s = m.start(g);
            for (int p = s; p <= m.end(g); p++) {
                if (p == m.end(g) || (g == 2 && text.charAt(p) == ',')) {
                    add(out, text, s, p, false);
                    s = p + 1;
                }
            }
        }
        return List.copyOf(out);
    }

    /** The {@code bibliography:} of a whole YAML file (a Quarto project's {@code _quarto.yml}). */
    public static List<BibliographyRef> yamlFile(String text) {
        return yaml(text, 0, text.length());
    }

    private static List<BibliographyRef> yaml(String text) {
        FrontMatter fm = FrontMatter.of(text);
        if (fm == null) {
            return List.of();
        }
        return yaml(text, fm.bodyStart(), fm.bodyEnd());
    }

    private static List<BibliographyRef> yaml(String text, int bodyStart, int bodyEnd) {
        List<BibliographyRef> out = new ArrayList<>();
        int line = bodyStart;
        boolean inList = false;
        while (line < bodyEnd) {
            int next = text.indexOf('\n', line);
            int end = next < 0 || next > bodyEnd ? bodyEnd : next;
            String l = text.substring(line, end);
            if (inList) {
                String t = l.stripLeading();
                if (t.startsWith("- ") && l.length() > t.length()) {
                    int s = line + (l.length() - t.length()) + 2;
                    add(out, text, s, stripComment(text, s, end), false);
                } else if (!t.isEmpty()) {
                    inList = false;
                }
            }
            if (!inList && l.startsWith("bibliography:")) {
                int s = line + "bibliography:".length();
                int e = stripComment(text, s, end);
                String value = text.substring(s, e).strip();
                if (value.isEmpty()) {
                    inList = true;
                } else if (value.startsWith("[")) {
                    int open = text.indexOf('[', s);
                    int close = text.indexOf(']', open);
                    int stop = close < 0 || close > e ? e : close;
                    int p0 = open + 1;
                    for (int p = open + 1; p <= stop; p++) {
                        if (p == stop || text.charAt(p) == ',') {
                            add(out, text, p0, p, false);
                            p0 = p + 1;
                        }
                    }
                } else {
                    add(out, text, s, e, false);
                }
            }
            line = end + 1;
        }
        return List.copyOf(out);
    }

    /** The end of a YAML value before a {@code #} comment (outside quotes). */
    private static int stripComment(String text, int s, int e) {
        char quote = 0;
        for (int i = s; i < e; i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '#' && (i == s || Character.isWhitespace(text.charAt(i - 1)))) {
                return i;
            }
        }
        return e;
    }
}
