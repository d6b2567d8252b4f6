package dev.paperlink.corpus.write;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a file is laid out, so that an appended entry looks like its neighbours: the line ending
 * ({@code \r\n} when the file uses it), the indentation of a field, and (BibTeX, as the file's last
 * entry has it) the column the {@code =} signs are aligned to, 0 when they are not aligned.
 */
public record Layout(String eol, String indent, int alignEquals) {
    public static final Layout DEFAULT = new Layout("\n", "  ", 0);

    private static final Pattern BIB_FIELD = Pattern.compile("(?m)^([ \\t]+)([A-Za-z][\\w-]*)([ \\t]*)=");
    private static final Pattern JSON_FIELD = Pattern.compile("(?m)^([ \\t]+)\"[^\"\\n]+\"[ \\t]*:");
    private static final Pattern YAML_FIELD = Pattern.compile("(?m)^([ \\t]*)- [\\w-]+:.*\\R([ \\t]+)[\\w-]+:");

    /** The layout of an existing file's text ({@link #DEFAULT} for what it does not show). */
    public static Layout detect(String text, EntryFormat format) {
        String eol = text.contains("\r\n") ? "\r\n" : "\n";
        String indent = DEFAULT.indent();
        int align = 0;
        switch (format) {
            case BIBTEX, BIBLATEX -> {
                // the last entry's fields: the neighbour of the appended one (files align entry by entry)
                int last = Math.max(0, text.lastIndexOf("\n@"));
                Matcher m = BIB_FIELD.matcher(text);
                if (!m.find(last)) {
                    last = 0;
                }
                m = BIB_FIELD.matcher(text).region(last, text.length());
                int seen = 0;
                int column = -1;
                boolean aligned = true;
                while (m.find() && seen < 12) {
                    if (seen == 0) {
                        indent = m.group(1);
                    }
                    int at = m.group(1).length() + m.group(2).length() + m.group(3).length();
                    aligned &= column < 0 || column == at;
                    column = at;
                    seen++;
                }
                align = aligned && seen > 1 ? column - indent.length() : 0;
            }
            case CSL_JSON -> {
                Matcher m = JSON_FIELD.matcher(text);
                if (m.find()) {
                    indent = m.group(1);
                }
            }
            case CSL_YAML, HAYAGRIVA -> {
                Matcher m = YAML_FIELD.matcher(text);
                if (m.find() && m.group(2).length() > m.group(1).length()) {
                    indent = m.group(2).substring(m.group(1).length());
                }
            }
        }
        return new Layout(eol, indent, align);
    }

    /** {@code s} with its line breaks as this layout's. */
    String lines(String s) {
        return eol.equals("\n") ? s : s.replace("\n", eol);
    }
}
