package dev.paperlink.server.feature.related;

import dev.paperlink.corpus.source.Identifiers;
import dev.paperlink.server.document.DocumentKind;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The title of the paper being written, normalised ({@link Identifiers#normalizedTitle}), so that
 * a document that is itself a record of the corpus is not suggested to itself: LaTeX's
 * {@code \title{...}}, else a Markdown front matter's {@code title:}, else its first {@code #} heading.
 */
public final class DocumentTitle {
    private static final Pattern LATEX = Pattern.compile("\\\\title\\s*(?:\\[[^\\]]{0,500}\\])?\\s*\\{((?:[^{}]|\\{[^{}]{0,500}\\}){1,1000})\\}");
    private static final Pattern YAML = Pattern.compile("(?m)\\A(?:\\uFEFF)?---\\s*\\n(?:.{0,2000}?\\n)??title:\\s*[\"']?([^\\n\"']{1,1000})");
    private static final Pattern HEADING = Pattern.compile("(?m)^#\\h+(\\S[^\\n]{0,1000})$");

    private DocumentTitle() {
    }

    /** The normalised title, or "" when the document has none. */
    public static String of(DocumentKind kind, String text) {
        String head = text.length() > 20_000 ? text.substring(0, 20_000) : text;
        Matcher m = (kind == DocumentKind.LATEX ? LATEX : YAML).matcher(head);
        if (m.find()) {
            return Identifiers.normalizedTitle(m.group(1).replaceAll("\\\\[A-Za-z]+", " "));
        }
        if (kind == DocumentKind.MARKDOWN) {
            Matcher h = HEADING.matcher(head);
            if (h.find()) {
                return Identifiers.normalizedTitle(h.group(1));
            }
        }
        return "";
    }
}
