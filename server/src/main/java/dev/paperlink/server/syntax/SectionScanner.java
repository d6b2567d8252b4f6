package dev.paperlink.server.syntax;

import dev.paperlink.server.document.DocumentKind;
import dev.paperlink.server.document.TextRange;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The headings of a note, for its outline: LaTeX's {@code \part} to {@code \subparagraph}
 * (starred, with a short title or not), Markdown's {@code #} headings (not in code blocks or front
 * matter), Typst's {@code =} headings and Org's {@code *} headlines.
 */
public final class SectionScanner {
    private static final Map<String, Integer> LATEX = Map.of("part", 0, "chapter", 1, "section", 2, "subsection", 3,
            "subsubsection", 4, "paragraph", 5, "subparagraph", 6);
    private static final Pattern MARKDOWN = Pattern.compile("(?m)^ {0,3}(#{1,6})[ \\t]+(.*?)[ \\t#]*$");
    private static final Pattern FENCE = Pattern.compile("(?m)^ {0,3}(```|~~~)");
    private static final Pattern TYPST = Pattern.compile("(?m)^[ \\t]*(=+)[ \\t]+(.*?)[ \\t]*$");
    private static final Pattern ORG = Pattern.compile("(?m)^(\\*+)[ \\t]+(.*?)[ \\t]*$");

    /** A heading: its level (smaller is higher), its title, where the whole heading line or command is, and its title. */
    public record Section(int level, String title, TextRange heading, TextRange titleRange) {
    }

    private SectionScanner() {
    }

    public static List<Section> scan(DocumentKind kind, String text) {
        return switch (kind) {
            case LATEX -> latex(text);
            case MARKDOWN -> lines(text, MARKDOWN, MarkdownCitationScanner.frontMatterEnd(text), true);
            case TYPST -> lines(text, TYPST, 0, false);
            case ORG -> lines(text, ORG, 0, false);
            case BIBTEX, OTHER -> List.of();
        };
    }

    private static List<Section> latex(String text) {
        List<Section> out = new ArrayList<>();
        int n = text.length();
        LatexCommands.walk(text, LATEX.keySet(), (name, j) -> {
            int k = j < n && text.charAt(j) == '*' ? j + 1 : j;
            while (k < n && Character.isWhitespace(text.charAt(k))) {
                k++;
            }
            if (k < n && text.charAt(k) == '[') {
                int close = text.indexOf(']', k);
                k = close < 0 ? n : close + 1;
            }
            if (k >= n || text.charAt(k) != '{') {
                return j;
            }
            int depth = 0;
            for (int i = k; i < n; i++) {
                char c = text.charAt(i);
                if (c == '\\') {
                    i++;
                } else if (c == '{') {
                    depth++;
                } else if (c == '}' && --depth == 0) {
                    String title = text.substring(k + 1, i).replaceAll("\\s+", " ").strip();
                    out.add(new Section(LATEX.get(name), title, new TextRange(j - name.length() - 1, i + 1), new TextRange(k + 1, i)));
                    return i + 1;
                }
            }
            return j;
        });
        return out;
    }

    private static List<Section> lines(String text, Pattern heading, int from, boolean fences) {
        List<Section> out = new ArrayList<>();
        List<TextRange> code = new ArrayList<>();
        if (fences) {
            Matcher f = FENCE.matcher(text);
            int open = -1;
            String marker = null;
            while (f.find()) {
                if (open < 0) {
                    open = f.start();
                    marker = f.group(1);
                } else if (f.group(1).equals(marker)) {
                    code.add(new TextRange(open, f.end()));
                    open = -1;
                }
            }
            if (open >= 0) {
                code.add(new TextRange(open, text.length()));
            }
        }
        Matcher m = heading.matcher(text).region(from, text.length());
        while (m.find()) {
            int at = m.start();
            if (code.stream().anyMatch(r -> r.start() <= at && at < r.end())) {
                continue;
            }
            out.add(new Section(m.group(1).length(), m.group(2), new TextRange(m.start(), m.end()), new TextRange(m.start(2), m.end(2))));
        }
        return out;
    }
}
