package dev.paperlink.server.testing;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Locates the read-only shared corpora ({@code ../shared/corpora} beside the project checkout, or
 * {@code $PAPERLINK_SHARED/corpora}), as corpus-loader's helper of the same name does. When a
 * corpus is absent the test is skipped with a loud message on stderr, never silently; with
 * {@code PAPERLINK_REQUIRE_SHARED=1} (set by CI) it fails instead.
 */
public final class SharedCorpora {
    private SharedCorpora() {
    }

    public static Optional<Path> root() {
        String env = System.getenv("PAPERLINK_SHARED");
        if (env != null && !env.isBlank()) {
            Path p = Path.of(env, "corpora");
            return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
        }
        Path dir = Path.of("").toAbsolutePath();
        for (int i = 0; i < 4 && dir != null; i++, dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared").resolve("corpora");
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    public static Path require(String corpus) {
        Path p = root().map(r -> r.resolve(corpus)).orElse(null);
        if (p == null || !Files.exists(p)) {
            skip("shared corpus '" + corpus + "' not found (looked for ../shared/corpora beside the checkout and $PAPERLINK_SHARED)");
        }
        return p;
    }

    /** Skips loudly (fails under {@code PAPERLINK_REQUIRE_SHARED=1}). */
    public static void skip(String why) {
        String msg = "!!! SKIPPED: " + why;
        System.err.println(msg);
        if ("1".equals(System.getenv("PAPERLINK_REQUIRE_SHARED"))) {
            throw new AssertionError(msg);
        }
        Assumptions.abort(msg);
    }
}
