package dev.paperlink.server.render;

import dev.paperlink.corpus.model.ShownText;

/**
 * Markdown escaping for text that comes from the corpus: what could start markup where it stands
 * (CommonMark and GFM) is backslash-escaped, and nothing else, so that titles and abstracts render as
 * text (no raw HTML, no links, no {@code command:} URIs, no emphasis) and still read clean in clients
 * that show Markdown literally or in part ({@code (Long Papers)}, not {@code \(Long Papers\)}); line
 * breaks are folded.
 */
public final class Markdown {
    /** A URL as a valid URI: characters no URI may hold percent-encoded (UTF-8), or empty when it still is not one. */
    public static java.util.Optional<String> validUri(String url) {
        StringBuilder sb = new StringBuilder(url.length());
        for (byte b : url.strip().getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c <= 0x20 || c >= 0x7f || "\"<>\\^`{|}".indexOf(c) >= 0) {
                sb.append(String.format("%%%02X", c));
            } else {
                sb.append((char) c);
            }
        }
        try {
            java.net.URI u = new java.net.URI(sb.toString());
            return u.getScheme() == null ? java.util.Optional.empty() : java.util.Optional.of(u.toString());
        } catch (java.net.URISyntaxException e) {
            return java.util.Optional.empty();
        }
    }

    /** Always escaped: a code span, emphasis, a link or image, a GFM table cell. */
    private static final String ALWAYS = "`*[|";
    private static final java.util.regex.Pattern ENTITY = java.util.regex.Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});");

    private Markdown() {
    }

    /** Corpus text as Markdown text: controls and bidi controls dropped ({@link ShownText}), Markdown syntax escaped. */
    public static String escape(String text) {
        text = ShownText.forEditor(text, Integer.MAX_VALUE);
        StringBuilder sb = new StringBuilder(text.length() + 16);
        int digits = 0;
        while (digits < text.length() && Character.isDigit(text.charAt(digits))) {
            digits++;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char before = i == 0 ? ' ' : text.charAt(i - 1);
            char after = i + 1 < text.length() ? text.charAt(i + 1) : ' ';
            if (c == '\r' || c == '\n' || c == '\t') {
                sb.append(' ');
            } else if (needsEscape(text, i, c, before, after, digits)) {
                sb.append('\\').append(c);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static boolean needsEscape(String text, int i, char c, char before, char after, int digits) {
        if (ALWAYS.indexOf(c) >= 0) {
            return true;
        }
        return switch (c) {
            // a backslash escapes the punctuation after it (or ends a line as a hard break)
            case '\\' -> isAsciiPunctuation(after) || i + 1 == text.length();
            // underscores open emphasis unless inside a word (snake_case stays)
            case '_' -> !(Character.isLetterOrDigit(before) && Character.isLetterOrDigit(after));
            // raw HTML and autolinks: '<' before a tag name, '/', '!' or '?'
            case '<' -> Character.isLetter(after) || after == '/' || after == '!' || after == '?';
            // an entity or character reference (&amp; &#123;) would be decoded
            case '&' -> ENTITY.matcher(text).region(i, text.length()).lookingAt();
            // GFM strikethrough
            case '~' -> after == '~' || before == '~';
            // VS Code theme icons $(name); math in renderers that have it
            case '$' -> after == '(' || after == '$' || (i + 1 < text.length() && !Character.isWhitespace(after) && text.indexOf('$', i + 1) > 0);
            // at the start of the line: a heading, a quote, a list item
            case '#', '>' -> i == 0;
            case '-', '+' -> i == 0;
            case '.', ')' -> i == digits && digits > 0;
            default -> false;
        };
    }

    private static boolean isAsciiPunctuation(char c) {
        return c < 128 && "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".indexOf(c) >= 0;
    }

    /** A link whose target is an http(s), file or {@code zotero://select/} URL we built; anything else gives just the escaped label. */
    public static String link(String label, String url) {
        if (url == null || !(url.startsWith("https://") || url.startsWith("http://") || url.startsWith("file:") || url.startsWith("zotero://select/"))) {
            return escape(label);
        }
        return "[" + escape(label) + "](" + encodeUrl(url) + ")";
    }

    /** Percent-encodes the characters that would end or break a Markdown link target. */
    static String encodeUrl(String url) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            switch (c) {
                case ' ' -> sb.append("%20");
                case '(' -> sb.append("%28");
                case ')' -> sb.append("%29");
                case '<' -> sb.append("%3C");
                case '>' -> sb.append("%3E");
                case '"' -> sb.append("%22");
                case '\\' -> sb.append("%5C");
                case '`' -> sb.append("%60");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        sb.append(String.format("%%%02X", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
