package dev.paperlink.corpus.testing;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Locates the read-only shared corpora ({@code ../shared/corpora} beside the project checkout, or
 * {@code $PAPERLINK_SHARED/corpora}). Tests that need them call {@link #require(String)}: when the
 * folder is absent the test is skipped with a loud message on stderr, never silently; with
 * {@code PAPERLINK_REQUIRE_SHARED=1} (set by CI) an absent folder fails the test instead.
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

    /** The path of a shared corpus (e.g. "seeds"), or the test is skipped loudly (failed under CI). */
    public static Path require(String corpus) {
        Optional<Path> root = root();
        Path p = root.map(r -> r.resolve(corpus)).orElse(null);
        if (p == null || !Files.exists(p)) {
            String msg = "!!! SKIPPED: shared corpus '" + corpus + "' not found (looked for ../shared/corpora beside the checkout"
                    + " and $PAPERLINK_SHARED); this test needs the shared corpora to run.";
            System.err.println(msg);
            if ("1".equals(System.getenv("PAPERLINK_REQUIRE_SHARED"))) {
                throw new AssertionError(msg);
            }
            Assumptions.abort(msg);
        }
        return p;
    }
}
