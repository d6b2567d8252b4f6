package dev.paperlink.corpus.index;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The commit data of the index: the schema version and one {@link SourceFingerprint} per source
 * file. A schema mismatch means the index is rebuilt from scratch.
 */
record IndexState(int schema, Map<String, SourceFingerprint> sources) {
    /** Bump when fields, analysis or the stored record format change. */
    static final int SCHEMA_VERSION = 8;
    private static final String SCHEMA = "paperlink.schema";
    private static final String SOURCE_PREFIX = "src:";

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
        data.forEach((k, v) -> {
            if (k.startsWith(SOURCE_PREFIX)) {
                sources.put(k.substring(SOURCE_PREFIX.length()), SourceFingerprint.parse(v));
            }
        });
        return new IndexState(schema, sources);
    }

    Map<String, String> toCommitData() {
        Map<String, String> data = new HashMap<>();
        data.put(SCHEMA, Integer.toString(schema));
        sources.forEach((k, v) -> data.put(SOURCE_PREFIX + k, v.serialize()));
        return data;
    }
}
