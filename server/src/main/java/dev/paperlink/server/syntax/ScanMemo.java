package dev.paperlink.server.syntax;

import java.util.function.Function;

/**
 * Remembers the last few results of a scan by the identity of the text scanned. A document's
 * text is one String instance until the next edit, so every request about the same version of a
 * document (completion, hover, links, diagnostics...) shares one scan. Thread-safe; tiny.
 */
final class ScanMemo<T> {
    private static final int SIZE = 8;

    private record Slot<T>(String text, T value) {
    }

    private final Function<String, T> scan;
    @SuppressWarnings("unchecked")
    private final Slot<T>[] slots = new Slot[SIZE];
    private int next;

    ScanMemo(Function<String, T> scan) {
        this.scan = scan;
    }

    T get(String text) {
        synchronized (this) {
            for (Slot<T> s : slots) {
                if (s != null && s.text() == text) {
                    return s.value();
                }
            }
        }
        T value = scan.apply(text);
        synchronized (this) {
            slots[next] = new Slot<>(text, value);
            next = (next + 1) % SIZE;
        }
        return value;
    }
}
