package dev.paperlink.server.workspace;

import dev.paperlink.corpus.IndexedSource;
import dev.paperlink.corpus.model.SourceFormat;
import dev.paperlink.corpus.source.Readers;
import dev.paperlink.corpus.source.RecordReader;
import dev.paperlink.corpus.source.Skip;
import dev.paperlink.corpus.source.SourceFiles;
import dev.paperlink.server.bibliography.BibChunks;
import dev.paperlink.server.bibliography.BibOverlay;
import dev.paperlink.server.bibliography.BibliographyFile;
import dev.paperlink.server.bibliography.BibliographyFile.Served;
import dev.paperlink.server.bibliography.BibliographyParser;
import dev.paperlink.server.document.TextDocument;
import dev.paperlink.server.feature.InMemoryLookup;
import dev.paperlink.server.feature.PaperLookup;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Bibliography files as documents see them, made once per version of their inputs: the file on
 * disk (its size and time), the open buffer (its version), and what the index holds of it. A file
 * that is not open is served by the index alone and never read here, except to find its keys for
 * duplicate checks. An open BibTeX buffer is compared, entry by entry, with the version the index
 * read ({@link BibOverlay}): only its changed entries are read here. The entry table of that
 * indexed version (the baseline) is kept while the index has it, and the one before, so that a
 * saved buffer still overlays the old index until the new one is published.
 */
public final class BibliographyCache {
    private final Function<SourceFormat, RecordReader> readers;
    private final Map<Path, Entry> cache = new ConcurrentHashMap<>();
    /** Entry tables of files as read from disk, by path: the last two versions. */
    private final Map<Path, List<Baseline>> baselines = new ConcurrentHashMap<>();

    private record Entry(Object stamp, BibliographyFile file) {
    }

    private record Stat(long size, long mtime) {
    }

    /** The entries of one version of a file, and the first entry with each hash. */
    private record Baseline(Stat stat, BibChunks chunks, Map<Long, Integer> index) {
        Baseline(Stat stat, BibChunks chunks) {
            this(stat, chunks, BibOverlay.index(chunks));
        }
    }

    /** What was read of buffers' changed entries, per file (see {@link BibOverlay#of}). */
    private final Map<Path, Map<List<Long>, BibOverlay.Read>> reads = new ConcurrentHashMap<>();

    /**
     * A file of at most this size that the index does not have in its current version is read
     * here until it does: the next request after an edit on disk sees the edit (a bigger one is
     * served by the index, which is reading it, for the few seconds that takes).
     */
    public static final long READ_WHILE_INDEXING_BYTES = 1L << 20;

    private final long readWhileIndexing;
    /** Every read of a file happens there, off the request threads, with a time limit. */
    private final FileReads fileReads;

    public BibliographyCache() {
        this(Readers::forFormat);
    }

    public BibliographyCache(Function<SourceFormat, RecordReader> readers) {
        this(readers, READ_WHILE_INDEXING_BYTES, FileReads.WAIT_MILLIS);
    }

    /**
     * @param readWhileIndexing see {@link #READ_WHILE_INDEXING_BYTES} (0: always the index; tests)
     * @param readWaitMillis    how long requests wait for a file being read before they answer without it
     */
    public BibliographyCache(Function<SourceFormat, RecordReader> readers, long readWhileIndexing, long readWaitMillis) {
        this.readers = readers;
        this.readWhileIndexing = readWhileIndexing;
        this.fileReads = new FileReads(readWaitMillis);
    }

    /** What to do when a read that requests answered without ends (look again: republish diagnostics). */
    public void onLateRead(Runnable r) {
        fileReads.onLateRead(r);
    }

    /**
     * A file that is not open.
     *
     * @param indexed  what the index holds of it
     * @param expected whether an index run is still to read this version (else the index's
     *                 answers are all there will be: nothing is pending)
     */
    public BibliographyFile disk(Path path, Optional<IndexedSource> indexed, boolean expected) {
        Optional<SourceFormat> format = BibliographyParser.format(path);
        if (format.isEmpty()) {
            return cached(path, "no format", () -> BibliographyParser.unknownFormat(path));
        }
        Object statOrProblem = stat(path);
        if (!(statOrProblem instanceof Stat stat)) {
            return cached(path, statOrProblem, () -> BibliographyFile.unreadable(path, (String) statOrProblem));
        }
        boolean current = indexed.isPresent() && indexed.get().sameStat(stat.size(), stat.mtime());
        if (!current && ((!expected && stat.size() <= MAX_READ_BYTES) || stat.size() <= readWhileIndexing)) {
            // the index has not got this version: read it here, when the index will not get it (read-only,
            // or it could not read it), or while it does and the file is small
            return readOffThread(path, "disk", List.of(stat, "read"), () -> {
                String text = diskText(path);
                return text == null ? BibliographyFile.unreadable(path, "cannot be read") : BibliographyParser.parse(path, text, readers);
            }, () -> beingRead(path, format.get(), BibChunks.EMPTY, null));
        }
        if (!current && !expected && indexed.isEmpty()) {
            return cached(path, List.of(stat, "too big"), () -> BibliographyFile.unreadable(path, "is larger than "
                    + (MAX_READ_BYTES >> 20) + " MB and the index (read-only now) does not have this version: index it with "
                    + "'paperlink index " + path + "'"));
        }
        Served served = current ? Served.INDEX : Served.INDEXING;
        List<Skip> skips = current ? indexed.get().skips() : List.of();
        return cached(path, List.of(stat, served, indexed), () -> new BibliographyFile(path, format.get(), served, PaperLookup.EMPTY,
                Set.of(), skips, () -> format.get() == SourceFormat.BIBTEX ? entriesOffThread(path, stat) : BibChunks.EMPTY,
                null, null));
    }

    /**
     * A file open in the editor: its buffer wins over the disk.
     *
     * @param chunks the buffer's entry table (BibTeX), kept up to date with its edits by the workspace
     */
    public BibliographyFile buffer(Path path, TextDocument buffer, BibChunks chunks, Optional<IndexedSource> indexed, boolean expected) {
        Optional<SourceFormat> format = BibliographyParser.format(path);
        if (format.isEmpty()) {
            return cached(path, "no format", () -> BibliographyParser.unknownFormat(path));
        }
        Object statOrProblem = stat(path);
        Stat stat = statOrProblem instanceof Stat s ? s : null;
        List<Object> stamp = List.of(buffer.uri(), buffer.version(), String.valueOf(stat), indexed, expected);
        return readOffThread(path, "buffer", stamp, () -> format.get() == SourceFormat.BIBTEX // may read the disk's version
                ? bibtexBuffer(path, buffer, chunks, stat, indexed, expected)
                : otherBuffer(path, format.get(), buffer, stat, indexed, expected),
                () -> format.get() == SourceFormat.BIBTEX ? beingRead(path, format.get(), chunks, buffer.lines()) : parsed(path, buffer, chunks));
    }

    /** A file whose read has not ended in time: the index's answers, as while it reads the file. */
    private static BibliographyFile beingRead(Path path, SourceFormat format, BibChunks chunks, dev.paperlink.server.document.LineIndex lines) {
        return new BibliographyFile(path, format, Served.INDEXING, PaperLookup.EMPTY, Set.of(), List.of(), () -> chunks, lines, null);
    }

    private BibliographyFile bibtexBuffer(Path path, TextDocument buffer, BibChunks chunks, Stat disk, Optional<IndexedSource> indexed,
                                          boolean expected) {
        Optional<Baseline> baseline = indexed.flatMap(s -> baseline(path, new Stat(s.size(), s.mtime()), disk));
        if (baseline.isEmpty()) {
            // The index has no version of the file whose entries are known here: while it reads
            // one, what it has so far; else (it will not: read-only, or it could not) the buffer, read here.
            return expected && buffer.content().length() > readWhileIndexing
                    ? new BibliographyFile(path, SourceFormat.BIBTEX, Served.INDEXING, PaperLookup.EMPTY, Set.of(), List.of(), () -> chunks,
                            buffer.lines(), null)
                    : parsed(path, buffer, chunks);
        }
        Map<List<Long>, BibOverlay.Read> read = reads.computeIfAbsent(path, p -> new ConcurrentHashMap<>());
        Optional<BibOverlay> overlay = BibOverlay.of(baseline.get().chunks(), baseline.get().index(), chunks, buffer.content(),
                SourceFiles.name(path), readers.apply(SourceFormat.BIBTEX), read);
        if (overlay.isEmpty()) {
            return parsed(path, buffer, chunks);
        }
        BibOverlay o = overlay.get();
        List<Skip> skips = new ArrayList<>();
        BibChunks base = baseline.get().chunks();
        for (Skip s : indexed.get().skips()) {
            int e = base.entryAtLine(s.line() - 1);
            int now = e < 0 ? -1 : o.moved().applyAsInt(e);
            if (now >= 0) {
                skips.add(new Skip(s.file(), chunks.line(now) + (s.line() - 1 - base.line(e)) + 1, s.reason(), s.message()));
            }
        }
        skips.addAll(o.skips());
        skips.sort(java.util.Comparator.comparingInt(Skip::line));
        return new BibliographyFile(path, SourceFormat.BIBTEX, Served.INDEX,
                o.papers().isEmpty() ? PaperLookup.EMPTY : new InMemoryLookup(o.papers()), o.hiddenKeys(), skips, () -> chunks,
                buffer.lines(), null);
    }

    /** A CSL-JSON or CSL-YAML buffer: the index's while it says what the disk says, else read whole. */
    private BibliographyFile otherBuffer(Path path, SourceFormat format, TextDocument buffer, Stat disk, Optional<IndexedSource> indexed,
                                         boolean expected) {
        if (disk != null && buffer.text().equals(diskText(path))) {
            BibliographyFile f = disk(path, indexed, expected);
            return new BibliographyFile(path, format, f.served(), f.overlay(), f.hiddenKeys(), f.skips(), f.chunks(), buffer.lines(), f.problem());
        }
        return parsed(path, buffer, BibChunks.EMPTY);
    }

    private BibliographyFile parsed(Path path, TextDocument buffer, BibChunks chunks) {
        BibliographyFile f = BibliographyParser.parse(path, buffer.text(), readers);
        return new BibliographyFile(path, f.format(), Served.TEXT, f.overlay(), Set.of(), f.skips(),
                chunks == BibChunks.EMPTY ? f.chunks() : () -> chunks, buffer.lines(), f.problem());
    }

    /** The entry table of the version the index read: kept from before, or cut from the disk if it is that version. */
    private Optional<Baseline> baseline(Path path, Stat indexedStat, Stat disk) {
        for (Baseline b : baselines.getOrDefault(path, List.of())) {
            if (b.stat().equals(indexedStat)) {
                return Optional.of(b);
            }
        }
        if (indexedStat.equals(disk)) {
            diskChunks(path, disk);
            return baselines.get(path).stream().filter(b -> b.stat().equals(disk)).findFirst();
        }
        return Optional.empty();
    }

    /** A file the index does not have (and will not) is read here up to this size. */
    static final long MAX_READ_BYTES = 64L << 20;

    /** Files bigger than this are not cut into entries here (no duplicate-key check, no overlay): the index alone serves them. */
    static final long MAX_CUT_BYTES = 256L << 20;

    /** {@link #diskChunks}, read off the request thread: no entries while the read has not ended in time. */
    private BibChunks entriesOffThread(Path path, Stat stat) {
        return fileReads.get(List.of(path, "entries"), stat, () -> diskChunks(path, stat)).orElse(BibChunks.EMPTY);
    }

    /** The entries of the file on disk at this stat (read and cut once, then kept as a baseline). */
    private BibChunks diskChunks(Path path, Stat stat) {
        if (stat.size() > MAX_CUT_BYTES) {
            return BibChunks.EMPTY;
        }
        for (Baseline b : baselines.getOrDefault(path, List.of())) {
            if (b.stat().equals(stat)) {
                return b.chunks();
            }
        }
        BibChunks read;
        try (Reader r = SourceFiles.open(path)) {
            read = BibChunks.scan(dev.paperlink.server.document.Rope.read(r)); // no String of the whole file
        } catch (IOException e) {
            read = BibChunks.EMPTY;
        }
        BibChunks chunks = read;
        baselines.compute(path, (p, old) -> {
            List<Baseline> l = new ArrayList<>();
            l.add(new Baseline(stat, chunks));
            if (old != null && !old.isEmpty() && !old.get(0).stat().equals(stat)) {
                l.add(old.get(0));
            }
            return List.copyOf(l);
        });
        return chunks;
    }

    private static String diskText(Path path) {
        try (Reader r = SourceFiles.open(path)) {
            StringBuilder sb = new StringBuilder((int) Math.min(Files.size(path), Integer.MAX_VALUE - 16));
            char[] buf = new char[1 << 16];
            int n;
            while ((n = r.read(buf)) > 0) {
                sb.append(buf, 0, n);
            }
            return sb.toString();
        } catch (IOException e) {
            return null;
        }
    }

    /** The file's size and time, or why it cannot be read. */
    private static Object stat(Path path) {
        try {
            BasicFileAttributes attrs = Files.readAttributes(path, BasicFileAttributes.class);
            if (attrs.isDirectory()) {
                return "is a folder";
            }
            if (!attrs.isRegularFile()) {
                return "is not a regular file"; // a FIFO or a device would block or never end
            }
            return new Stat(attrs.size(), attrs.lastModifiedTime().toMillis());
        } catch (NoSuchFileException e) {
            return "not found";
        } catch (IOException e) {
            return "cannot be read (" + e.getMessage() + ")";
        }
    }

    /** The same instance while the stamp is the same, so that documents' bibliographies stay memoised. */
    private BibliographyFile cached(Path path, Object stamp, Supplier<BibliographyFile> make) {
        return cachedOr(path, stamp, () -> Optional.of(make.get()), null);
    }

    /** {@link #cached}, made by a read off the request thread; {@code whileReading} (not kept) while it has not ended in time. */
    private BibliographyFile readOffThread(Path path, String what, Object stamp, Supplier<BibliographyFile> read,
                                           Supplier<BibliographyFile> whileReading) {
        return cachedOr(path, stamp, () -> fileReads.get(List.of(path, what), stamp, read), whileReading);
    }

    private BibliographyFile cachedOr(Path path, Object stamp, Supplier<Optional<BibliographyFile>> make, Supplier<BibliographyFile> whileReading) {
        Entry e = cache.get(path);
        if (e != null && e.stamp().equals(stamp)) {
            return e.file();
        }
        Optional<BibliographyFile> f = make.get();
        if (f.isEmpty()) {
            return whileReading.get();
        }
        cache.put(path, new Entry(stamp, f.get()));
        return f.get();
    }

    /** The file changed on disk: forget its entries read before, except the version the index may still have. */
    public void invalidate(Path path) {
        cache.remove(path);
    }
}
