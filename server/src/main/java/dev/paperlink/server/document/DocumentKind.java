package dev.paperlink.server.document;

import java.util.Locale;

/** What syntax a document has; decides which citation scanner reads it. */
public enum DocumentKind {
    MARKDOWN, LATEX, BIBTEX, TYPST, ORG, OTHER;

    /** From the client's languageId, else from the file extension of the URI. */
    public static DocumentKind of(String languageId, String uri) {
        String id = languageId == null ? "" : languageId.toLowerCase(Locale.ROOT);
        switch (id) {
            case "markdown", "quarto", "rmd", "rmarkdown", "pandoc" -> {
                return MARKDOWN;
            }
            case "latex", "tex", "plaintex", "context" -> {
                return LATEX;
            }
            case "bibtex", "biblatex" -> {
                return BIBTEX;
            }
            case "typst" -> {
                return TYPST;
            }
            case "org" -> {
                return ORG;
            }
            default -> {
                return fromExtension(uri);
            }
        }
    }

    public static DocumentKind fromExtension(String uriOrPath) {
        if (uriOrPath == null) {
            return OTHER;
        }
        String s = uriOrPath;
        int cut = indexOfAny(s, '?', '#');
        if (cut >= 0) {
            s = s.substring(0, cut);
        }
        s = s.substring(s.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        String ext = s.contains(".") ? s.substring(s.lastIndexOf('.') + 1) : "";
        return switch (ext) {
            case "md", "markdown", "qmd", "rmd", "pmd" -> MARKDOWN;
            case "tex", "ltx", "latex" -> LATEX;
            case "bib", "bibtex", "biblatex" -> BIBTEX;
            case "typ" -> TYPST;
            case "org" -> ORG;
            default -> OTHER;
        };
    }

    private static int indexOfAny(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : (j < 0 ? i : Math.min(i, j));
    }
}
