package dev.paperlink.corpus.write;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

import java.util.List;
import java.util.Map;

/**
 * Renders a small tree (maps, lists, strings) as JSON or block YAML at a given indentation.
 * Strings are written as JSON strings (a YAML double-quoted scalar reads them the same), except
 * the numbers of dates and plain keys, written bare.
 */
final class TreeText {
    private TreeText() {
    }

    static String quoted(String s) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
    }

    private static String scalar(Object v) {
        String s = (String) v;
        return s.matches("\\d{1,4}") ? s : quoted(s);
    }

    /** JSON, the object's fields one per line at {@code base + indent}. Dates' parts stay on one line. */
    static String json(Object v, String base, String indent) {
        if (v instanceof Map<?, ?> m) {
            if (m.containsKey("date-parts")) {
                return "{" + quoted("date-parts") + ": " + inline(m.get("date-parts")) + "}";
            }
            StringBuilder sb = new StringBuilder("{\n");
            int i = 0;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                sb.append(base).append(indent).append(quoted((String) e.getKey())).append(": ")
                        .append(json(e.getValue(), base + indent, indent)).append(++i < m.size() ? ",\n" : "\n");
            }
            return sb.append(base).append('}').toString();
        }
        if (v instanceof List<?> l) {
            StringBuilder sb = new StringBuilder("[\n");
            for (int i = 0; i < l.size(); i++) {
                sb.append(base).append(indent).append(json(l.get(i), base + indent, indent)).append(i + 1 < l.size() ? ",\n" : "\n");
            }
            return sb.append(base).append(']').toString();
        }
        return scalar(v);
    }

    private static String inline(Object v) {
        if (v instanceof List<?> l) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < l.size(); i++) {
                sb.append(i > 0 ? ", " : "").append(inline(l.get(i)));
            }
            return sb.append(']').toString();
        }
        return scalar(v);
    }

    /** The fields of a map as block YAML lines, each at {@code base}. */
    static void yaml(Map<?, ?> m, String base, String indent, StringBuilder sb) {
        for (Map.Entry<?, ?> e : m.entrySet()) {
            sb.append(base).append(e.getKey()).append(':');
            value(e.getValue(), base, indent, sb);
        }
    }

    private static void value(Object v, String base, String indent, StringBuilder sb) {
        if (v instanceof Map<?, ?> m) {
            if (m.containsKey("date-parts")) {
                sb.append(" {date-parts: ").append(inline(m.get("date-parts"))).append("}\n");
                return;
            }
            sb.append('\n');
            yaml(m, base + indent, indent, sb);
        } else if (v instanceof List<?> l) {
            sb.append('\n');
            for (Object x : l) {
                if (x instanceof Map<?, ?> m) {
                    StringBuilder item = new StringBuilder();
                    yaml(m, base + indent + "  ", indent, item);
                    sb.append(base).append(indent).append("- ").append(item.substring(base.length() + indent.length() + 2));
                } else {
                    sb.append(base).append(indent).append("- ").append(scalar(x)).append('\n');
                }
            }
        } else {
            sb.append(' ').append(scalar(v)).append('\n');
        }
    }
}
