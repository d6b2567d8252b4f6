package dev.paperlink.server.workspace;

import dev.paperlink.corpus.model.SourceFormat;
import dev.paperlink.corpus.source.Readers;
import dev.paperlink.corpus.source.RecordReader;
import dev.paperlink.server.bibliography.BibliographyFile;
import dev.paperlink.server.bibliography.BibliographyParser;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Bibliography files read for documents, cached by path and re-read when their size or
 * modification time changes, or when an open editor buffer of the file changes (the buffer's text
 * wins over the disk).
 */
public final class BibliographyCache {
    private final Function<SourceFormat, RecordReader> readers;
    private final Map<Path, Entry> cache = new ConcurrentHashMap<>();

    private record Entry(Object stamp, BibliographyFile file) {
    }

    public BibliographyCache() {
        this(Readers::forFormat);
    }

    public BibliographyCache(Function<SourceFormat, RecordReader> readers) {
        this.readers = readers;
    }

    /** The file as read from disk. */
    public BibliographyFile get(Path path) {
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            Entry missing = cache.get(path);
            if (missing != null && missing.stamp().equals("missing")) {
                return missing.file(); // the same instance, so that documents' bibliographies stay memoised
            }
            BibliographyFile f = BibliographyFile.unreadable(path, "not found");
            cache.put(path, new Entry("missing", f));
            return f;
        } catch (IOException e) {
            return BibliographyFile.unreadable(path, "cannot be read (" + e.getMessage() + ")");
        }
        if (attrs.isDirectory()) {
            return BibliographyFile.unreadable(path, "is a folder");
        }
        String stamp = attrs.size() + "@" + attrs.lastModifiedTime().toMillis();
        Entry e = cache.get(path);
        if (e != null && e.stamp().equals(stamp)) {
            return e.file();
        }
        String text;
        try (Reader r = dev.paperlink.corpus.source.SourceFiles.open(path)) {
            StringBuilder sb = new StringBuilder((int) Math.min(attrs.size(), Integer.MAX_VALUE - 16));
            char[] buf = new char[1 << 16];
            int n;
            while ((n = r.read(buf)) > 0) {
                sb.append(buf, 0, n);
            }
            text = sb.toString();
        } catch (IOException ex) {
            return BibliographyFile.unreadable(path, "cannot be read (" + ex.getMessage() + ")");
        }
        BibliographyFile f = BibliographyParser.parse(path, text, readers);
        cache.put(path, new Entry(stamp, f));
        return f;
    }

    /** The file as an open editor buffer has it. */
    public BibliographyFile get(Path path, String uri, int version, String text) {
        String stamp = "buffer:" + uri + "@" + version;
        Entry e = cache.get(path);
        if (e != null && e.stamp().equals(stamp)) {
            return e.file();
        }
        BibliographyFile f = BibliographyParser.parse(path, text, readers);
        cache.put(path, new Entry(stamp, f));
        return f;
    }

    public void invalidate(Path path) {
        cache.remove(path);
    }
}
