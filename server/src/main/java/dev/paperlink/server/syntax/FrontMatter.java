package dev.paperlink.server.syntax;

/**
 * YAML front matter at the start of a Markdown document: the block between a first line
 * {@code ---} and a closing {@code ---} or {@code ...} line.
 *
 * @param bodyStart offset of the first line inside the block
 * @param bodyEnd   offset of the closing line
 * @param end       offset just after the closing line
 */
public record FrontMatter(int bodyStart, int bodyEnd, int end) {

    public static FrontMatter of(String text) {
        int first = text.startsWith("\uFEFF") ? 1 : 0;
        int eol = text.indexOf('\n', first);
        if (eol < 0 || !text.substring(first, eol).strip().equals("---")) {
            return null;
        }
        int line = eol + 1;
        while (line < text.length()) {
            int next = text.indexOf('\n', line);
            int end = next < 0 ? text.length() : next;
            String l = text.substring(line, end).strip();
            if (l.equals("---") || l.equals("...")) {
                return new FrontMatter(eol + 1, line, next < 0 ? end : next + 1);
            }
            line = end + 1;
        }
        return null;
    }
}
