package dev.paperlink.corpus.source.zotero.sqlite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A private copy of an SQLite database and its {@code -wal}/{@code -journal} files, made so that a
 * database another program holds open (Zotero, which may keep it locked) is read without taking a
 * lock on it, writing to it or leaving a file beside it. The copy is taken again when the files
 * changed while they were copied (a write in between); it is deleted on close.
 */
final class PrivateCopy implements AutoCloseable {
    private static final String[] SIDE_FILES = {"-wal", "-journal"};
    private static final int ATTEMPTS = 5;

    private final Path dir;
    private final Path db;

    private PrivateCopy(Path dir, Path db) {
        this.dir = dir;
        this.db = db;
    }

    /** The database file of the copy. */
    Path db() {
        return db;
    }

    static PrivateCopy of(Path original) throws IOException {
        Path dir = Files.createTempDirectory("paperlink-zotero-");
        try {
            Path copy = dir.resolve(original.getFileName().toString());
            for (int attempt = 1; ; attempt++) {
                List<String> before = stat(original);
                copyAll(original, copy);
                if (before.equals(stat(original)) || attempt == ATTEMPTS) {
                    return new PrivateCopy(dir, copy);
                }
                sleep(50L * attempt);
            }
        } catch (IOException | RuntimeException e) {
            deleteTree(dir);
            throw e;
        }
    }

    private static void copyAll(Path original, Path copy) throws IOException {
        Files.copy(original, copy, StandardCopyOption.REPLACE_EXISTING);
        for (String side : SIDE_FILES) {
            Path from = original.resolveSibling(original.getFileName() + side);
            Path to = copy.resolveSibling(copy.getFileName() + side);
            try {
                Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
            } catch (NoSuchFileException e) {
                Files.deleteIfExists(to); // gone since the last attempt
            }
        }
    }

    /** Size and time of the database and its side files: what a write in between changes. */
    private static List<String> stat(Path original) throws IOException {
        List<String> out = new ArrayList<>();
        for (String side : new String[] {"", SIDE_FILES[0], SIDE_FILES[1]}) {
            Path p = original.resolveSibling(original.getFileName() + side);
            try {
                out.add(Files.size(p) + "@" + Files.getLastModifiedTime(p).toMillis());
            } catch (NoSuchFileException e) {
                out.add("-");
            }
        }
        return out;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        deleteTree(dir);
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // a temporary file left behind is no error
                }
            });
        } catch (IOException ignored) {
            // already gone
        }
    }
}
