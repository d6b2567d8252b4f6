package dev.paperlink.corpus.index;

import java.util.regex.Pattern;

/**
 * The words of a passage that say what it is about: citation markers ("[46, 47]", "[3]",
 * "(Smith et al., 2019)"), LaTeX commands and their key arguments, inline math and bare numbers
 * are taken out before the passage becomes a query.
 */
final class RelatedText {
    private RelatedText() {
    }

    private static final Pattern NUMERIC_MARKER = Pattern.compile("\\[[\\d\\s,;\\-–]*\\]");
    private static final Pattern AUTHOR_YEAR = Pattern.compile("\\([^()]{0,120}?\\b(?:19|20)\\d\\d[a-z]?\\)");
    private static final Pattern CITE_COMMAND = Pattern.compile("\\\\[A-Za-z]*cite[A-Za-z]*\\*?(?:\\[[^\\]]{0,200}\\]){0,2}\\{[^}]{0,2000}\\}");
    private static final Pattern PANDOC_CITE = Pattern.compile("\\[?-?@[\\w:./+-]+\\]?");
    private static final Pattern MATH = Pattern.compile("\\$[^$]{0,500}\\$");
    private static final Pattern COMMAND = Pattern.compile("\\\\[A-Za-z]+\\*?");
    private static final Pattern NUMBER = Pattern.compile("\\b\\d+(?:[.,]\\d+)*\\b");

    static String clean(String passage) {
        String s = CITE_COMMAND.matcher(passage).replaceAll(" ");
        s = NUMERIC_MARKER.matcher(s).replaceAll(" ");
        s = AUTHOR_YEAR.matcher(s).replaceAll(" ");
        s = PANDOC_CITE.matcher(s).replaceAll(" ");
        s = MATH.matcher(s).replaceAll(" ");
        s = COMMAND.matcher(s).replaceAll(" ");
        return NUMBER.matcher(s).replaceAll(" ");
    }
}
