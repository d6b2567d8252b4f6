package dev.paperlink.cli.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the shared corpora are for the commands that learn from them (the generated Zotero library,
 * the arXiv stand-in): {@code $PAPERLINK_SHARED/corpora}, else {@code shared/corpora} beside the
 * working folder or one of its parents.
 */
public final class SharedCorporaFolder {
    private SharedCorporaFolder() {
    }

    public static Optional<Path> find() {
        String env = System.getenv("PAPERLINK_SHARED");
        if (env != null && !env.isBlank()) {
            Path p = Path.of(env, "corpora");
            return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
        }
        Path dir = Path.of("").toAbsolutePath();
        for (int i = 0; i < 5 && dir != null; i++, dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared").resolve("corpora");
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
