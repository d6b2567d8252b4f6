package dev.paperlink.server.feature.related;

import dev.paperlink.corpus.model.Passage;
import dev.paperlink.server.document.DocumentKind;
import dev.paperlink.server.document.TextRange;
import dev.paperlink.server.syntax.CitationRef;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The text a citation (or a selection) is about: its sentence, and as a weaker signal its
 * paragraph. A sentence ends at {@code .}, {@code ?} or {@code !} followed by a blank, except
 * after abbreviations ("e.g.", "et al.", "Fig.", initials); a paragraph ends at a blank line, a
 * LaTeX sectioning or environment line or a Markdown heading, and is taken at most
 * {@value #PARAGRAPH_REACH} characters either side. The keys cited in the sentence are blanked
 * out of the text (and reported), LaTeX comments are dropped; commands, math and markers are
 * left to the index's query step, which skips them.
 *
 * @param sentence       the sentence's range in the text
 * @param citedInSentence keys already cited in the sentence (not offered again)
 */
public record CitationContext(TextRange sentence, TextRange paragraph, String sentenceText, String paragraphText,
                              Set<String> citedInSentence) {

    static final int PARAGRAPH_REACH = 1500;
    private static final Set<String> ABBREVIATIONS = Set.of("e.g", "i.e", "al", "cf", "fig", "figs", "eq", "eqs", "vs", "sec",
            "secs", "resp", "approx", "etc", "ref", "refs", "no", "vol", "pp", "ch", "chap", "dr", "prof", "mr", "ms", "st");

    /** The passage the index is asked about: the sentence, and the paragraph at {@code paragraphWeight}. */
    public Passage passage(float paragraphWeight) {
        return new Passage(sentenceText, paragraphText, paragraphWeight);
    }

    /**
     * @param at   the citation being written (its key range) or the selection
     * @param refs every citation key of the text
     */
    public static CitationContext around(String text, DocumentKind kind, TextRange at, List<CitationRef> refs) {
        int from = Math.min(at.start(), text.length());
        int to = Math.min(Math.max(at.end(), from), text.length());
        while (to > from && (Character.isWhitespace(text.charAt(to - 1)) || ".?!".indexOf(text.charAt(to - 1)) >= 0)) {
            to--; // a selection that ends after a sentence's full stop ends with that sentence
        }
        TextRange paragraph = new TextRange(paragraphStart(text, from), paragraphEnd(text, to));
        TextRange sentence = new TextRange(sentenceStart(text, from, paragraph.start()), sentenceEnd(text, to, paragraph.end()));
        Set<String> cited = new LinkedHashSet<>();
        for (CitationRef r : refs) {
            if (!r.key().isEmpty() && r.range().start() >= sentence.start() && r.range().end() <= sentence.end()
                    && !r.range().touches(from)) {
                cited.add(r.key());
            }
        }
        return new CitationContext(sentence, paragraph, clean(text, sentence, kind, refs), clean(text, paragraph, kind, refs), cited);
    }

    /** The text of a range with citation keys blanked and comments dropped. */
    private static String clean(String text, TextRange range, DocumentKind kind, List<CitationRef> refs) {
        char[] out = text.substring(range.start(), range.end()).toCharArray();
        for (CitationRef r : refs) {
            for (int i = Math.max(r.range().start(), range.start()); i < Math.min(r.range().end(), range.end()); i++) {
                out[i - range.start()] = ' ';
            }
        }
        if (kind == DocumentKind.LATEX) {
            boolean comment = false;
            for (int i = 0; i < out.length; i++) {
                if (out[i] == '\n') {
                    comment = false;
                } else if (out[i] == '%' && (i == 0 || out[i - 1] != '\\')) {
                    comment = true;
                }
                if (comment) {
                    out[i] = ' ';
                }
            }
        }
        return new String(out).replaceAll("\\s+", " ").strip();
    }

    private static int paragraphStart(String text, int from) {
        int lineStart = text.lastIndexOf('\n', Math.max(0, from - 1)) + 1;
        int limit = Math.max(0, from - PARAGRAPH_REACH);
        while (lineStart > limit) {
            int prevStart = text.lastIndexOf('\n', lineStart - 2) + 1;
            String prev = text.substring(prevStart, lineStart - 1);
            if (breaksParagraph(prev)) {
                return lineStart;
            }
            lineStart = prevStart;
        }
        return lineStart >= limit ? lineStart : afterCutWord(text, limit, from);
    }

    /** A paragraph cut at its reach starts after the word (or command) the cut falls in, not inside it. */
    private static int afterCutWord(String text, int cut, int from) {
        int i = cut;
        while (i > 0 && i < from && !Character.isWhitespace(text.charAt(i - 1))) {
            i++;
        }
        return i;
    }

    /** ... and ends before it. */
    private static int beforeCutWord(String text, int cut, int to) {
        int i = cut;
        while (i < text.length() && i > to && !Character.isWhitespace(text.charAt(i))) {
            i--;
        }
        return i;
    }

    private static int paragraphEnd(String text, int to) {
        int lineEnd = text.indexOf('\n', to);
        int limit = Math.min(text.length(), to + PARAGRAPH_REACH);
        while (lineEnd >= 0 && lineEnd < limit) {
            int nextEnd = text.indexOf('\n', lineEnd + 1);
            String next = text.substring(lineEnd + 1, nextEnd < 0 ? text.length() : nextEnd);
            if (breaksParagraph(next)) {
                return lineEnd;
            }
            lineEnd = nextEnd;
        }
        if (lineEnd < 0) {
            return text.length();
        }
        return lineEnd <= limit ? lineEnd : beforeCutWord(text, limit, to);
    }

    /** LaTeX commands that begin a line of their own, not a line of running text. */
    private static final java.util.regex.Pattern BLOCK_COMMAND = java.util.regex.Pattern.compile("^\\\\(?:(?:sub)*section|paragraph|chapter|part"
            + "|begin|end|item|bibliography|addbibresource|printbibliography|bibliographystyle|usepackage|documentclass|maketitle"
            + "|title|author|date|label|caption|input|include|newcommand|renewcommand|def)\\b");

    /** A blank line, a LaTeX sectioning, environment or preamble line, a Markdown heading, fence or rule. */
    private static boolean breaksParagraph(String line) {
        String l = line.strip();
        return l.isEmpty() || l.startsWith("#") || l.startsWith("```") || l.startsWith("---") || BLOCK_COMMAND.matcher(l).find();
    }

    private static int sentenceStart(String text, int from, int floor) {
        for (int i = from - 1; i > floor; i--) {
            if (Character.isWhitespace(text.charAt(i)) && endsSentence(text, i - 1, floor)) {
                return i + 1;
            }
        }
        return floor;
    }

    private static int sentenceEnd(String text, int to, int ceiling) {
        for (int i = to; i < ceiling; i++) {
            if ((i + 1 == ceiling || Character.isWhitespace(text.charAt(i + 1))) && endsSentence(text, i, 0)) {
                return i + 1;
            }
        }
        return ceiling;
    }

    /** Whether the character at {@code i} ends a sentence: a terminator not after an abbreviation or an initial. */
    private static boolean endsSentence(String text, int i, int floor) {
        char c = text.charAt(i);
        if (c == '?' || c == '!') {
            return true;
        }
        if (c != '.') {
            return false;
        }
        int w = i;
        while (w > floor && (Character.isLetter(text.charAt(w - 1)) || text.charAt(w - 1) == '.')) {
            w--;
        }
        String word = text.substring(w, i).toLowerCase(Locale.ROOT);
        if (word.length() == 1 && Character.isUpperCase(text.charAt(w))) {
            return false; // an initial: "J. Smith"
        }
        return !ABBREVIATIONS.contains(word);
    }
}
