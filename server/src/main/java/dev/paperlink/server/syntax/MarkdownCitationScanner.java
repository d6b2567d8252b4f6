package dev.paperlink.server.syntax;

import dev.paperlink.server.document.TextRange;

import java.util.ArrayList;
import java.util.List;

/**
 * Pandoc citations in Markdown (also Quarto and R Markdown): {@code [@key]},
 * {@code [see @key, p. 33; @other]}, {@code @key} in running text, {@code -@key} and
 * {@code @{odd:key/with.chars}}. Keys follow pandoc: they start with a letter, digit or
 * {@code _} and may contain {@code :.#$%&-+?<>~/} when a letter or digit follows. Nothing inside
 * code spans, fenced code blocks, YAML front matter, HTML comments, e-mail addresses or
 * bookdown's {@code \@ref(...)}.
 */
public final class MarkdownCitationScanner {
    private static final String INTERNAL_PUNCTUATION = ":.#$%&-+?<>~/";

    private MarkdownCitationScanner() {
    }

    /** The scan of a text (callers go through {@link CitationScanner#forKind}, which remembers it). */
    static CitationScan read(String text) {
        List<CitationRef> refs = new ArrayList<>();
        List<CitationScan.Slot> slots = new ArrayList<>();
        int n = text.length();
        int i = frontMatterEnd(text);
        boolean lineStart = true;
        while (i < n) {
            char c = text.charAt(i);
            if (lineStart) {
                int fenceEnd = fencedBlockEnd(text, i);
                if (fenceEnd > i) {
                    i = fenceEnd;
                    continue;
                }
            }
            lineStart = c == '\n';
            if (c == '\\') {
                i += 2; // an escape: \@ref(...), \@, \[
            } else if (c == '`') {
                i = codeSpanEnd(text, i);
            } else if (c == '<' && text.startsWith("<!--", i)) {
                int e = text.indexOf("-->", i + 4);
                i = e < 0 ? n : e + 3;
            } else if (c == '@' && startsCitation(text, i)) {
                i = citation(text, i, refs, slots);
            } else {
                i++;
            }
        }
        return new CitationScan(refs, slots);
    }

    private static int citation(String text, int at, List<CitationRef> refs, List<CitationScan.Slot> slots) {
        int n = text.length();
        int s = at + 1;
        if (s < n && text.charAt(s) == '{') {
            int close = text.indexOf('}', s + 1);
            int eol = text.indexOf('\n', s + 1);
            boolean open = close < 0 || (eol >= 0 && eol < close);
            int e = open ? (eol < 0 ? n : eol) : close;
            String key = text.substring(s + 1, e);
            if (!key.isEmpty()) {
                refs.add(new CitationRef(key, new TextRange(s + 1, e), open));
            }
            slots.add(new CitationScan.Slot(new TextRange(s + 1, e), open));
            return open ? e : close + 1;
        }
        int e = s;
        while (e < n) {
            char c = text.charAt(e);
            if (isWordChar(c)) {
                e++;
            } else if (e > s && INTERNAL_PUNCTUATION.indexOf(c) >= 0 && e + 1 < n && isWordChar(text.charAt(e + 1))) {
                e++;
            } else {
                break;
            }
        }
        if (e == s) {
            slots.add(new CitationScan.Slot(TextRange.empty(s), true)); // a bare '@': a key is being typed
            return s;
        }
        refs.add(new CitationRef(text.substring(s, e), new TextRange(s, e), false));
        return e;
    }

    /** '@' starts a citation unless it follows a word character (e-mail) or is part of a URL or escape. */
    private static boolean startsCitation(String text, int at) {
        if (at == 0) {
            return true;
        }
        char p = text.charAt(at - 1);
        if (p == '-') { // -@key suppresses the author; "a-@b" is not a citation
            return at < 2 || !isWordChar(text.charAt(at - 2)) && text.charAt(at - 2) != '-';
        }
        return !isWordChar(p) && "\\/@.:=+&%#~".indexOf(p) < 0;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /** The end of a code span starting at a run of backticks, or just past the run when it has no closing run. */
    private static int codeSpanEnd(String text, int start) {
        int n = text.length();
        int e = start;
        while (e < n && text.charAt(e) == '`') {
            e++;
        }
        int run = e - start;
        int i = e;
        while (i < n) {
            int j = text.indexOf('`', i);
            if (j < 0) {
                return e;
            }
            int k = j;
            while (k < n && text.charAt(k) == '`') {
                k++;
            }
            if (k - j == run) {
                return k;
            }
            i = k;
        }
        return e;
    }

    /** If a fenced code block (``` or ~~~, up to three spaces indented) starts at this line, its end; else {@code lineStart}. */
    private static int fencedBlockEnd(String text, int lineStart) {
        int n = text.length();
        int i = lineStart;
        int indent = 0;
        while (i < n && text.charAt(i) == ' ' && indent < 4) {
            i++;
            indent++;
        }
        if (indent > 3 || i >= n || (text.charAt(i) != '`' && text.charAt(i) != '~')) {
            return lineStart;
        }
        char fence = text.charAt(i);
        int s = i;
        while (i < n && text.charAt(i) == fence) {
            i++;
        }
        int len = i - s;
        if (len < 3) {
            return lineStart;
        }
        int eol = text.indexOf('\n', i);
        if (fence == '`' && text.substring(i, eol < 0 ? n : eol).indexOf('`') >= 0) {
            return lineStart; // ```code``` on one line is a code span
        }
        int line = eol < 0 ? n : eol + 1;
        while (line < n) {
            int next = text.indexOf('\n', line);
            int end = next < 0 ? n : next;
            String l = text.substring(line, end).strip();
            if (l.length() >= len && l.chars().allMatch(ch -> ch == fence)) {
                return next < 0 ? n : next + 1;
            }
            line = end + 1;
        }
        return n; // an unclosed fence runs to the end of the document
    }

    /** Where YAML front matter ({@code ---} ... {@code ---} or {@code ...}) at the very start ends; 0 if none. */
    static int frontMatterEnd(String text) {
        FrontMatter fm = FrontMatter.of(text);
        return fm == null ? 0 : fm.end();
    }
}
