package dev.paperlink.corpus.write;

import dev.paperlink.corpus.model.Paper;

import java.util.Map;

/** A paper as a CSL-JSON item (an object of the file's top-level array) or a CSL-YAML list item. */
public final class CslWriter {
    private CslWriter() {
    }

    /** The item as JSON, its fields at {@code base + indent} (the closing brace at {@code base}, the opening one not indented). */
    public static String json(Paper p, String base, Layout layout) {
        return layout.lines(TreeText.json(CslItem.of(p), base, layout.indent()));
    }

    /** The item as a YAML list item ({@code - id: ...}) at {@code base}, ending with a line break. */
    public static String yaml(Paper p, String base, Layout layout) {
        Map<String, Object> item = CslItem.of(p);
        StringBuilder sb = new StringBuilder();
        TreeText.yaml(item, base + "  ", layout.indent(), sb);
        return layout.lines(base + "- " + sb.substring(base.length() + 2));
    }
}
