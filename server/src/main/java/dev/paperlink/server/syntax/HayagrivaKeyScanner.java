package dev.paperlink.server.syntax;

import dev.paperlink.server.document.TextRange;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The entry keys of a Hayagriva file (Typst's YAML bibliography): the top-level keys of its map,
 * {@code key:} at the start of a line with the entry's fields indented below.
 */
public final class HayagrivaKeyScanner {
    private static final Pattern TOP_KEY = Pattern.compile("(?m)^(?:\"([^\"\\n]+)\"|'([^'\\n]+)'|([^\\s#:'\"\\-][^:\\n]*?))[ \\t]*:[ \\t]*(?:#[^\\n]*)?$");

    private HayagrivaKeyScanner() {
    }

    public static List<BibEntryKey> scan(CharSequence text) {
        List<BibEntryKey> out = new ArrayList<>();
        Matcher m = TOP_KEY.matcher(text);
        while (m.find()) {
            int g = m.group(1) != null ? 1 : m.group(2) != null ? 2 : 3;
            out.add(new BibEntryKey(m.group(g), new TextRange(m.start(g), m.end(g)), ""));
        }
        return out;
    }
}
