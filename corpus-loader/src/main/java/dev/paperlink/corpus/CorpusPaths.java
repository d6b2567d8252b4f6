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
        Path cache = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home(), ".cache");
        return cache.resolve("paperlink").resolve("index");
    }

    /**
     * The user's home folder: {@code $HOME}, as the shell and every other tool take it (Java's
     * {@code user.home} comes from the password database and differs from it under {@code sudo -E},
     * in containers and in tests that move {@code HOME}), else {@code user.home}.
     */
    public static String home() {
        return home(System.getenv("HOME"), System.getProperty("user.home"));
    }

    static String home(String env, String property) {
        return env != null && !env.isBlank() ? env : property;
    }
}
