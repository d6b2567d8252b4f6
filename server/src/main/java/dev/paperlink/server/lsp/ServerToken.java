package dev.paperlink.server.lsp;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secret a TCP client must show: made at start, written to a file only the user can read
 * (mode 600, in a folder of mode 700 when the folder is made here), deleted when the server ends.
 */
record ServerToken(String value, Path file) {

    /** {@code $XDG_RUNTIME_DIR/paperlink/serve-PORT.token}, else the same under {@code $XDG_CACHE_HOME} or {@code ~/.cache}. */
    static Path defaultFile(int port) {
        String runtime = System.getenv("XDG_RUNTIME_DIR");
        String cache = System.getenv("XDG_CACHE_HOME");
        Path base = runtime != null && !runtime.isBlank() ? Path.of(runtime)
                : cache != null && !cache.isBlank() ? Path.of(cache) : Path.of(dev.paperlink.corpus.CorpusPaths.home(), ".cache");
        return base.resolve("paperlink").resolve("serve-" + port + ".token");
    }

    static ServerToken create(Path file) throws IOException {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Path dir = file.toAbsolutePath().getParent();
        boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (!Files.isDirectory(dir)) {
            if (posix) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(dir);
            }
        }
        Files.deleteIfExists(file); // a stale one of an earlier server: made anew, so that its mode is ours
        try {
            if (posix) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException e) {
            throw new IOException("the token file " + file + " appeared while it was being made: is another server starting?", e);
        }
        Files.writeString(file, value + "\n");
        return new ServerToken(value, file);
    }

    void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a token file left behind names a port nobody listens on any more
        }
    }
}
