package dev.paperlink.corpus.index;

import java.util.LinkedHashMap;
import java.util.Map;

/** The last {@code size} entries used, the least recently used one dropped first (not thread-safe: callers lock). */
final class Recent {
    private Recent() {
    }

    static <K, V> Map<K, V> map(int size) {
        return new LinkedHashMap<>(Math.max(16, size * 2), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > size;
            }
        };
    }
}
