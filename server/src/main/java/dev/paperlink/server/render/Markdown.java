package dev.paperlink.server.render;

import dev.paperlink.corpus.model.ShownText;

/**
 * Markdown escaping for text that comes from the corpus: every ASCII punctuation character that
 * could start markup is backslash-escaped, so titles and abstracts render as text (no raw HTML,
 * no links, no {@code command:} URIs), and line breaks are folded.
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

    private static final String SPECIAL = "\\`*_{}[]()<>#!|~&$";

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
            char c0 = text.charAt(i);
            boolean listMarker = (i == 0 && (c0 == '-' || c0 == '+')) || (i == digits && digits > 0 && (c0 == '.' || c0 == ')'));
            if (listMarker) { // a list item marker at the start of a line
                sb.append('\\').append(c0);
                continue;
            }
            char c = text.charAt(i);
            if (c == '\r' || c == '\n' || c == '\t') {
                sb.append(' ');
            } else if (SPECIAL.indexOf(c) >= 0) {
                sb.append('\\').append(c);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** A link whose target is an http(s) or file URL we built; anything else gives just the escaped label. */
    public static String link(String label, String url) {
        if (url == null || !(url.startsWith("https://") || url.startsWith("http://") || url.startsWith("file:"))) {
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
