package dev.paperlink.corpus.source.bibtex;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** The {@code @string} macros of one file (names case-insensitive), preloaded with the month macros. */
final class MacroTable {
    static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December"};

    private final Map<String, String> macros = new HashMap<>();

    MacroTable() {
        for (String m : MONTHS) {
            macros.put(m.substring(0, 3).toLowerCase(Locale.ROOT), m);
        }
    }

    void define(String name, String value) {
        macros.put(name.toLowerCase(Locale.ROOT), value);
    }

    /** The value of a macro, or null when it is not defined. */
    String get(String name) {
        String v = macros.get(name);
        return v != null ? v : macros.get(name.toLowerCase(Locale.ROOT));
    }

    int size() {
        return macros.size();
    }
}
