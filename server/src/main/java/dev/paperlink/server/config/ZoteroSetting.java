package dev.paperlink.server.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code paperlink.zotero} as sent: {@code true}/{@code false}, a path (the data directory or the
 * zotero.sqlite file), or an object {@code {enabled, dataDirectory, libraries, collections}} (what
 * VS Code's {@code paperlink.zotero.*} settings make). Absent fields keep the base's value; an
 * object without {@code enabled} turns Zotero on. Bad values are reported and ignored.
 */
final class ZoteroSetting {
    private static final String NAME = "paperlink.zotero";

    private ZoteroSetting() {
    }

    static ServerConfig.Zotero resolve(Object value, ServerConfig.Zotero base, List<String> problems) {
        if (value instanceof Boolean b) {
            return new ServerConfig.Zotero(b, base.dataDirectory(), base.libraries(), base.collections());
        }
        if (value instanceof String s) {
            String t = s.strip();
            switch (t.toLowerCase(Locale.ROOT)) {
                case "true", "on" -> {
                    return new ServerConfig.Zotero(true, base.dataDirectory(), base.libraries(), base.collections());
                }
                case "false", "off" -> {
                    return new ServerConfig.Zotero(false, base.dataDirectory(), base.libraries(), base.collections());
                }
                case "" -> {
                    problems.add(NAME + ": an empty path (true means Zotero's own data directory); ignored");
                    return base;
                }
                default -> {
                    return new ServerConfig.Zotero(true, t, base.libraries(), base.collections());
                }
            }
        }
        if (value instanceof Map<?, ?> m) {
            boolean enabled = true;
            Object e = m.get("enabled");
            if (e instanceof Boolean b) {
                enabled = b;
            } else if (e != null) {
                problems.add(NAME + ".enabled must be true or false: " + e);
                enabled = base.enabled();
            }
            String dir = base.dataDirectory();
            Object d = m.get("dataDirectory");
            if (d instanceof String s) {
                dir = s.isBlank() ? null : s.strip();
            } else if (d != null) {
                problems.add(NAME + ".dataDirectory must be a path: " + d);
            }
            List<String> libraries = names(m, "libraries", base.libraries(), problems);
            List<String> collections = names(m, "collections", base.collections(), problems);
            for (Object k : m.keySet()) {
                if (!List.of("enabled", "dataDirectory", "libraries", "collections").contains(String.valueOf(k))) {
                    problems.add(NAME + ": unknown field '" + k + "' (enabled, dataDirectory, libraries, collections)");
                }
            }
            return new ServerConfig.Zotero(enabled, dir, libraries, collections);
        }
        problems.add(NAME + " must be true, false, a path or {\"enabled\", \"dataDirectory\", \"libraries\", \"collections\"}: " + value);
        return base;
    }

    /** A list of names (a single string is a list of one); non-strings are reported and dropped. */
    private static List<String> names(Map<?, ?> m, String field, List<String> base, List<String> problems) {
        Object v = m.get(field);
        if (v == null) {
            return base;
        }
        if (v instanceof String s) {
            return s.isBlank() ? List.of() : List.of(s.strip());
        }
        if (!(v instanceof List<?> list)) {
            problems.add(NAME + "." + field + " must be a list of names: " + v);
            return base;
        }
        List<String> out = new ArrayList<>();
        for (Object o : list) {
            if (o instanceof String s) {
                if (!s.isBlank()) {
                    out.add(s.strip());
                }
            } else {
                problems.add(NAME + "." + field + ": ignoring a non-string entry " + o);
            }
        }
        return out;
    }
}
