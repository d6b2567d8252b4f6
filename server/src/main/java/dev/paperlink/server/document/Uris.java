package dev.paperlink.server.document;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/** {@code file:} URIs and paths. Clients percent-encode differently; we compare paths, not strings. */
public final class Uris {
    private Uris() {
    }

    public static Optional<Path> toPath(String uri) {
        if (uri == null || !uri.startsWith("file:")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(URI.create(uri)).toAbsolutePath().normalize());
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return Optional.empty();
        }
    }

    public static String fromPath(Path path) {
        return path.toAbsolutePath().normalize().toUri().toString();
    }

    /** A URI for a file name as it appears in a record's provenance (absolute path, or already a URI). */
    public static String fromFileName(String file) {
        if (file.startsWith("file:") || file.startsWith("http:") || file.startsWith("https:")) {
            return file;
        }
        return fromPath(Path.of(file));
    }
}
