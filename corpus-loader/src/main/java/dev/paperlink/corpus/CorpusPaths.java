package dev.paperlink.corpus;

import java.nio.file.Path;

/** Where the index lives unless told otherwise. */
public final class CorpusPaths {
    private CorpusPaths() {
    }

    /**
     * {@code $PAPERLINK_INDEX_DIR}, else {@code $XDG_CACHE_HOME/paperlink/index}, else
     * {@code ~/.cache/paperlink/index}.
     */
    public static Path defaultIndexDir() {
        String explicit = System.getenv("PAPERLINK_INDEX_DIR");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path cache = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return cache.resolve("paperlink").resolve("index");
    }
}
