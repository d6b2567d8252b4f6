package dev.paperlink.corpus.source;

import dev.paperlink.corpus.model.SourceFormat;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * Finds source files under the paths a user gives, recognises their format (by extension, then
 * by content) and opens them, undoing gzip transparently.
 */
public final class SourceFiles {
    private static final int SNIFF_CHARS = 16 * 1024;

    private SourceFiles() {
    }

    /** A file PaperLink can read, with its format. */
    public record SourceFile(Path path, SourceFormat format) {
    }

    /**
     * Every readable file under the given files and folders (recursively, sorted, hidden folders
     * skipped). Files named explicitly must be readable; files found in folders are kept only when
     * their format is recognised.
     *
     * @param unrecognised receives explicitly named files whose format is not recognised
     */
    /**
     * A source file's name as the index records it (in its records' sources and its fingerprints):
     * the absolute, normalised path. Whoever asks the index about a file spells it this way.
     */
    public static String name(Path file) {
        return file.toAbsolutePath().normalize().toString();
    }

    public static List<SourceFile> discover(List<Path> roots, List<Path> unrecognised) throws IOException {
        return discover(roots, unrecognised, new ArrayList<>());
    }

    /**
     * As {@link #discover(List, List)}; what cannot be walked (a symbolic link that loops back
     * to a folder above it, a folder that cannot be read) is left out and reported in
     * {@code problems}, and the rest is found.
     */
    public static List<SourceFile> discover(List<Path> roots, List<Path> unrecognised, List<Skip> problems) throws IOException {
        List<SourceFile> out = new ArrayList<>();
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                List<Path> files = new ArrayList<>();
                Files.walkFileTree(root, java.util.EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                        new java.nio.file.SimpleFileVisitor<>() {
                            @Override
                            public java.nio.file.FileVisitResult visitFile(Path f, java.nio.file.attribute.BasicFileAttributes attrs) {
                                if (attrs.isRegularFile() && !isHidden(root, f)) {
                                    files.add(f);
                                }
                                return java.nio.file.FileVisitResult.CONTINUE;
                            }

                            @Override
                            public java.nio.file.FileVisitResult visitFileFailed(Path f, IOException e) {
                                String why = e instanceof java.nio.file.FileSystemLoopException
                                        ? "a symbolic link that loops back to a folder above it: not followed"
                                        : "cannot be read (" + e.getMessage() + "): left out";
                                problems.add(new Skip(f.toString(), 0, "not walked", why));
                                return java.nio.file.FileVisitResult.CONTINUE;
                            }
                        });
                files.sort(null);
                for (Path f : files) {
                    detect(f).ifPresent(format -> out.add(new SourceFile(f, format)));
                }
            } else {
                Optional<SourceFormat> format = detect(root);
                if (format.isPresent()) {
                    out.add(new SourceFile(root, format.get()));
                } else {
                    unrecognised.add(root);
                }
            }
        }
        return out;
    }

    private static boolean isHidden(Path root, Path file) {
        Path rel = root.relativize(file);
        for (Path part : rel) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /** The format of a file, from its extension and first bytes; empty when it is not a corpus file. */
    public static Optional<SourceFormat> detect(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        }
        String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
        if (name.equals("zotero.sqlite") && !file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")) {
            return Optional.of(SourceFormat.ZOTERO_SQLITE); // the reader says so when it is no database
        }
        switch (ext) {
            case "bib", "bibtex", "biblatex" -> {
                return Optional.of(SourceFormat.BIBTEX);
            }
            case "json", "jsonl", "ndjson", "yaml", "yml", "txt", "" -> {
                String head;
                try {
                    head = head(file);
                } catch (IOException e) {
                    return Optional.empty();
                }
                return FormatSniffer.sniff(ext, head);
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    /**
     * The files besides {@code file} that are part of its content: a Zotero database's write-ahead
     * log and journal, and Better BibTeX's key databases beside it. A change to any of them is a
     * change of the source (whether they exist or not: one that appears or goes is a change too).
     */
    public static List<Path> companions(SourceFile file) {
        if (file.format() != SourceFormat.ZOTERO_SQLITE) {
            return List.of();
        }
        Path f = file.path();
        String n = f.getFileName().toString();
        return List.of(f.resolveSibling(n + "-wal"), f.resolveSibling(n + "-journal"),
                f.resolveSibling("better-bibtex.sqlite"), f.resolveSibling("better-bibtex-search.sqlite"));
    }

    /** Opens a file as text (UTF-8, invalid bytes replaced), undoing gzip when the file is gzipped. */
    public static Reader open(Path file) throws IOException {
        return decode(Files.newInputStream(file));
    }

    /** Text of a stream (UTF-8, invalid bytes replaced), undoing gzip when the stream is gzipped. */
    public static Reader decode(InputStream raw) throws IOException {
        InputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        if (b1 == 0x1f && b2 == 0x8b) {
            in = new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
        }
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        return new InputStreamReader(in, decoder);
    }

    /** The first characters of a file (decompressed), for sniffing its format. */
    static String head(Path file) throws IOException {
        try (Reader r = open(file)) {
            char[] buf = new char[SNIFF_CHARS];
            int n = 0;
            while (n < buf.length) {
                int k = r.read(buf, n, buf.length - n);
                if (k < 0) {
                    break;
                }
                n += k;
            }
            String s = new String(buf, 0, n);
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
