package dev.paperlink.corpus.source.csl;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Display text from CSL and Zotero field values: HTML-like markup removed, entities decoded, whitespace collapsed. */
public final class CslText {
    private static final Pattern TAG = Pattern.compile("</?[a-zA-Z][a-zA-Z0-9]*(?:\\s[^<>]*)?/?>");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final Map<String, String> ENTITIES = Map.of(
            "amp", "&", "lt", "<", "gt", ">", "quot", "\"", "apos", "'", "nbsp", "\u00a0",
            "ndash", "\u2013", "mdash", "\u2014", "hellip", "\u2026");

    private CslText() {
    }

    /** The text of a scalar node (string, number, boolean), or empty for null, missing, arrays and objects. */
    public static String scalar(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode() || node.isContainerNode()) {
            return "";
        }
        return node.asText("");
    }

    /** {@link #scalar} of a field, stripped. */
    public static String field(JsonNode item, String name) {
        return scalar(item.get(name)).strip();
    }

    /** Display form: tags such as {@code <i>}, {@code <span class="nocase">} removed, entities decoded, whitespace collapsed. */
    public static String display(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        String t = s.indexOf('<') >= 0 ? TAG.matcher(s).replaceAll("") : s;
        if (t.indexOf('&') >= 0) {
            t = decodeEntities(t);
        }
        return SPACE.matcher(t).replaceAll(" ").strip();
    }

    private static String decodeEntities(String s) {
        Matcher m = ENTITY.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String e = m.group(1);
            String rep = null;
            if (e.startsWith("#")) {
                try {
                    int cp = e.length() > 1 && (e.charAt(1) == 'x' || e.charAt(1) == 'X')
                            ? Integer.parseInt(e.substring(2), 16) : Integer.parseInt(e.substring(1));
                    if (Character.isValidCodePoint(cp) && cp != 0) {
                        rep = new String(Character.toChars(cp));
                    }
                } catch (NumberFormatException ignored) {
                    // keep as written
                }
            } else {
                rep = ENTITIES.get(e);
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(rep == null ? m.group() : rep));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
