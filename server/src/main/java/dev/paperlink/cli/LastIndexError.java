package dev.paperlink.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * The last indexing error of the command line, kept beside the index ({@value #FILE}: when, and the
 * message) so that {@code paperlink doctor} can show it; a run that ends well removes it.
 */
final class LastIndexError {
    static final String FILE = "paperlink-last-index-error.txt";

    interface Run<T> {
        T call() throws IOException;
    }

    private LastIndexError() {
    }

    static <T> T recording(Path indexDir, Run<T> run) throws IOException {
        try {
            T result = run.call();
            Files.deleteIfExists(indexDir.resolve(FILE));
            return result;
        } catch (IOException | RuntimeException e) {
            try {
                Files.createDirectories(indexDir);
                Files.writeString(indexDir.resolve(FILE), Instant.now() + " " + (e.getMessage() == null ? e.toString() : e.getMessage()) + "\n",
                        StandardCharsets.UTF_8);
            } catch (IOException ignored) {
                // the error itself is what the user sees
            }
            throw e;
        }
    }

    /** The error of the last run, or empty when it ended well (or none ran). */
    static Optional<String> read(Path indexDir) {
        try {
            return Optional.of(Files.readString(indexDir.resolve(FILE), StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
