package dev.paperlink.server.feature.bibedit;

import dev.paperlink.server.document.DocumentKind;
import dev.paperlink.server.syntax.FrontMatter;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The line that names a new bibliography file in a document that names none: LaTeX
 * {@code \bibliography{references}} before {@code \end{document}} (else at the end), or
 * {@code \addbibresource{references.bib}} after biblatex's usepackage line; Markdown
 * {@code bibliography: references.bib} in the YAML front matter, which is made when absent; Typst
 * {@code #bibliography("references.bib")} at the end; Org {@code #+bibliography: references.bib}
 * after the keyword lines it starts with.
 */
public final class BibliographyDeclaration {
    private static final Pattern BIBLATEX = Pattern.compile("\\\\usepackage\\s*(\\[[^\\]]*\\])?\\s*\\{biblatex\\}[^\\n]*\\n?");
    private static final Pattern END_DOCUMENT = Pattern.compile("(?m)^[ \\t]*\\\\end\\s*\\{document\\}");

    private BibliographyDeclaration() {
    }

    public static Optional<TextChange> add(DocumentKind kind, String text, String fileName) {
        String eol = text.contains("\r\n") ? "\r\n" : "\n";
        return switch (kind) {
            case LATEX -> Optional.of(latex(text, fileName, eol));
            case MARKDOWN -> Optional.of(markdown(text, fileName, eol));
            case TYPST -> Optional.of(TextChange.insert(text.length(),
                    (text.isEmpty() || text.endsWith("\n") ? "" : eol) + "#bibliography(\"" + fileName + "\")" + eol));
            case ORG -> Optional.of(org(text, fileName, eol));
            case BIBTEX, OTHER -> Optional.empty();
        };
    }

    private static TextChange latex(String text, String fileName, String eol) {
        Matcher b = BIBLATEX.matcher(text);
        if (b.find()) {
            String sep = b.group().endsWith("\n") ? "" : eol;
            return TextChange.insert(b.end(), sep + "\\addbibresource{" + fileName + "}" + eol);
        }
        String line = "\\bibliography{" + fileName.replaceFirst("\\.bib$", "") + "}";
        Matcher end = END_DOCUMENT.matcher(text);
        if (end.find()) {
            return TextChange.insert(end.start(), line + eol);
        }
        return TextChange.insert(text.length(), (text.isEmpty() || text.endsWith("\n") ? "" : eol) + line + eol);
    }

    /** Org: {@code #+bibliography:} after the keyword lines the file starts with ({@code #+title:}...). */
    private static TextChange org(String text, String fileName, String eol) {
        int at = 0;
        while (at < text.length() && text.startsWith("#+", at)) {
            int nl = text.indexOf('\n', at);
            at = nl < 0 ? text.length() : nl + 1;
        }
        String sep = at > 0 && !text.substring(0, at).endsWith("\n") ? eol : "";
        return TextChange.insert(at, sep + "#+bibliography: " + fileName + eol);
    }

    private static TextChange markdown(String text, String fileName, String eol) {
        FrontMatter fm = FrontMatter.of(text);
        String line = "bibliography: " + fileName;
        if (fm == null) {
            int at = text.startsWith("\uFEFF") ? 1 : 0;
            return TextChange.insert(at, "---" + eol + line + eol + "---" + eol);
        }
        return TextChange.insert(fm.bodyEnd(), line + eol);
    }
}
