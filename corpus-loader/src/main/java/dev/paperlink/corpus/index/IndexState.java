package dev.paperlink.corpus.index;

import dev.paperlink.corpus.IndexedSource;
import dev.paperlink.corpus.source.Skip;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The commit data of the index: the schema version, one {@link SourceFingerprint} per source
 * file and the first records of each file that could not be loaded (so that a language server
 * started later can still show them where they are). A schema mismatch means the index is
 * rebuilt from scratch.
 */
record IndexState(int schema, Map<String, SourceFingerprint> sources, Map<String, List<Skip>> skips) {
    /** Bump when fields, analysis or the stored record format change. */
    static final int SCHEMA_VERSION = 10;
    private static final String SCHEMA = "paperlink.schema";
    private static final String SOURCE_PREFIX = "src:";
    private static final String SKIPS_PREFIX = "skips:";

    IndexState {
        sources = new TreeMap<>(sources);
        skips = new TreeMap<>(skips);
    }

    IndexState(int schema, Map<String, SourceFingerprint> sources) {
        this(schema, sources, Map.of());
    }

    static IndexState empty() {
        return new IndexState(SCHEMA_VERSION, new TreeMap<>());
    }

    static IndexState fromCommitData(Map<String, String> data) {
        int schema;
        try {
            schema = Integer.parseInt(data.getOrDefault(SCHEMA, "0"));
        } catch (NumberFormatException e) {
            schema = 0;
        }
        Map<String, SourceFingerprint> sources = new TreeMap<>();
        Map<String, List<Skip>> skips = new TreeMap<>();
        for (Map.Entry<String, String> e : data.entrySet()) {
            String k = e.getKey();
            if (k.startsWith(SOURCE_PREFIX)) {
                sources.put(k.substring(SOURCE_PREFIX.length()), SourceFingerprint.parse(e.getValue()));
            } else if (k.startsWith(SKIPS_PREFIX)) {
                String file = k.substring(SKIPS_PREFIX.length());
                skips.put(file, parseSkips(file, e.getValue()));
            }
        }
        return new IndexState(schema, sources, skips);
    }

    Map<String, String> toCommitData() {
        Map<String, String> data = new HashMap<>();
        data.put(SCHEMA, Integer.toString(schema));
        sources.forEach((k, v) -> data.put(SOURCE_PREFIX + k, v.serialize()));
        skips.forEach((k, v) -> {
            if (!v.isEmpty()) {
                data.put(SKIPS_PREFIX + k, serializeSkips(v));
            }
        });
        return data;
    }

    /** The file as the API shows it, or null when it is not in this state. */
    IndexedSource source(String file) {
        SourceFingerprint fp = sources.get(file);
        if (fp == null) {
            return null;
        }
        return new IndexedSource(file, fp.format(), fp.size(), fp.mtime(), fp.records(), fp.skips(), skips.getOrDefault(file, List.of()));
    }

    /** One skip a line: {@code line TAB reason TAB message}, tabs and line breaks inside made blanks. */
    private static String serializeSkips(List<Skip> list) {
        StringBuilder sb = new StringBuilder();
        for (Skip s : list) {
            if (!sb.isEmpty()) {
                sb.append('\n');
            }
            sb.append(s.line()).append('\t').append(flat(s.reason())).append('\t').append(flat(s.message()));
        }
        return sb.toString();
    }

    private static List<Skip> parseSkips(String file, String value) {
        List<Skip> out = new ArrayList<>();
        for (String line : value.split("\n")) {
            String[] p = line.split("\t", 3);
            if (p.length != 3) {
                continue;
            }
            try {
                out.add(new Skip(file, Integer.parseInt(p[0]), p[1], p[2]));
            } catch (NumberFormatException e) {
                // a damaged entry: left out
            }
        }
        return out;
    }

    private static String flat(String s) {
        return s == null ? "" : s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }
}
