package dev.paperlink.server.workspace;

import dev.paperlink.corpus.model.SourceFormat;
import dev.paperlink.corpus.source.SourceFiles;
import dev.paperlink.server.bibliography.BibChunks;
import dev.paperlink.server.citations.CitationIndex;
import dev.paperlink.server.document.DocumentKind;
import dev.paperlink.server.document.LineIndex;
import dev.paperlink.server.document.Rope;
import dev.paperlink.server.document.TextDocument;
import dev.paperlink.server.document.Uris;
import dev.paperlink.server.feature.references.Occurrence;
import dev.paperlink.server.feature.references.WorkspaceCitations;
import dev.paperlink.server.syntax.HayagrivaKeyScanner;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps the {@link CitationIndex} of the workspace up to date: the notes (.tex, .md, .qmd, .Rmd,
 * .typ, .org) and bibliographies (.bib, Hayagriva .yml) of the workspace folders, the
 * bibliographies documents name, and every open document.
 * <ul>
 *   <li>Files on disk are read on one thread of their own ({@code paperlink-citations}), never
 *       on a request thread: all of them when the folders are set, then one by one when the
 *       client reports a change, and again when an open document is closed. A file is read again
 *       only when its size or time changed; notes over {@link #MAX_NOTE_BYTES} and bibliographies
 *       over {@link BibliographyCache#MAX_CUT_BYTES} are left out, as are the folders the
 *       bibliography search skips.</li>
 *   <li>An open document stands for its file. A change only marks it; it is scanned again when
 *       a question is asked ({@link #flush}), so typing costs nothing here.</li>
 * </ul>
 */
public final class CitationFiles implements WorkspaceCitations, AutoCloseable {
    /** Notes bigger than this are not read (as the server reads no named file over 64 MB). */
    static final long MAX_NOTE_BYTES = BibliographyCache.MAX_READ_BYTES;

    private final CitationIndex index = new CitationIndex();
    private final ServerLog log;
    private final Map<Path, TextDocument> open = new ConcurrentHashMap<>();
    private final Map<Path, BibChunks> openChunks = new ConcurrentHashMap<>();
    private final Set<Path> dirty = ConcurrentHashMap.newKeySet();
    private final Map<Path, List<Long>> stamps = new ConcurrentHashMap<>();
    private final Set<Path> named = ConcurrentHashMap.newKeySet();
    private final AtomicLong walksAsked = new AtomicLong();
    private volatile List<Path> folders = List.of();
    private volatile Runnable onChange = () -> { };
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "paperlink-citations");
        t.setDaemon(true);
        return t;
    });

    public CitationFiles(ServerLog log) {
        this.log = log;
    }

    /** Told when files read from disk changed what the index holds (diagnostics are published again). */
    public void onChange(Runnable r) {
        this.onChange = r;
    }

    /** Whether a file is a note whose citations are indexed. */
    public static boolean isNote(Path p) {
        return switch (DocumentKind.fromExtension(p.toString())) {
            case LATEX, MARKDOWN, TYPST, ORG -> true;
            case BIBTEX, OTHER -> false;
        };
    }

    private static boolean wanted(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return isNote(p) || DocumentKind.fromExtension(n) == DocumentKind.BIBTEX || n.endsWith(".yml") || n.endsWith(".yaml");
    }

    // ---- told by the workspace (on the protocol thread)

    public void setFolders(List<Path> f) {
        folders = List.copyOf(f);
        long asked = walksAsked.incrementAndGet();
        index.setReady(false);
        thread.execute(() -> walk(asked));
    }

    public void opened(TextDocument doc, BibChunks chunks) {
        doc.path().ifPresent(p -> {
            open.put(p, doc);
            if (chunks != null) {
                openChunks.put(p, chunks);
            }
            dirty.add(p);
        });
    }

    public void closed(TextDocument doc) {
        doc.path().ifPresent(p -> {
            open.remove(p);
            openChunks.remove(p);
            dirty.remove(p);
            stamps.remove(p);
            thread.execute(() -> readDisk(p, true));
        });
    }

    /** A file changed on disk (or was created or deleted). */
    public void fileChanged(Path p) {
        if (wanted(p) && !open.containsKey(p)) {
            thread.execute(() -> readDisk(p, true));
        }
    }

    /** A bibliography a document names: part of the workspace's, also outside its folders. */
    public void named(Path bibliography) {
        if (named.add(bibliography) && !open.containsKey(bibliography)) {
            thread.execute(() -> readDisk(bibliography, true));
        }
    }

    // ---- questions (any thread)

    @Override
    public List<Occurrence> citations(String key) {
        flush();
        return index.citations(key);
    }

    @Override
    public List<Occurrence> entries(String key) {
        flush();
        return index.entries(key);
    }

    @Override
    public boolean ready() {
        return index.ready();
    }

    @Override
    public boolean citesAll() {
        flush();
        return index.citesAll();
    }

    @Override
    public boolean cited(String key) {
        flush();
        return index.cited(key);
    }

    /** The workspace's bibliography files that define entries (.bib and Hayagriva files of the folders, and those documents name). */
    public List<Path> bibliographies() {
        flush();
        return index.entryFiles();
    }

    /** Waits (at most {@code millis}) for the first reading of the workspace; whether it has ended. */
    public boolean awaitReady(long millis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (!index.ready() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return index.ready();
    }

    /** Scans the open documents changed since the last question. One at a time, so that a later version is never overwritten by an earlier. */
    private synchronized void flush() {
        for (Path p : List.copyOf(dirty)) {
            if (!dirty.remove(p)) {
                continue;
            }
            TextDocument d = open.get(p);
            if (d != null) {
                put(p, d.uri(), d.version(), d.kind(), d, openChunks.get(p));
            }
        }
    }

    private void put(Path p, String uri, Integer version, DocumentKind kind, TextDocument doc, BibChunks chunks) {
        if (kind == DocumentKind.BIBTEX) {
            index.putBibtex(p, uri, version, chunks != null ? chunks : BibChunks.scan(doc.content()));
        } else if (isHayagriva(p, doc.content())) {
            index.putEntries(p, uri, version, HayagrivaKeyScanner.scan(doc.content()), doc.lines());
        } else if (kind != DocumentKind.OTHER) {
            index.putNote(p, uri, version, kind, doc.text(), doc.lines());
        }
    }

    private static boolean isHayagriva(Path p, CharSequence text) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!n.endsWith(".yml") && !n.endsWith(".yaml")) {
            return false;
        }
        String head = text.subSequence(0, Math.min(text.length(), 16 * 1024)).toString();
        return dev.paperlink.corpus.source.FormatSniffer.sniff("yml", head).filter(f -> f == SourceFormat.HAYAGRIVA).isPresent();
    }

    // ---- the reading thread

    private void walk(long asked) {
        Set<Path> seen = new HashSet<>();
        try {
            for (Path folder : folders) {
                if (walksAsked.get() != asked) {
                    return; // newer folders: that walk reads them
                }
                for (Path p : CorpusRoots.matching(folder, CitationFiles::wanted, log)) {
                    seen.add(p);
                    readDisk(p, false);
                }
            }
            for (Path p : named) {
                seen.add(p);
                readDisk(p, false);
            }
            for (Path p : index.files()) {
                if (!seen.contains(p) && !open.containsKey(p)) {
                    index.remove(p);
                    stamps.remove(p);
                }
            }
        } catch (RuntimeException e) {
            log.error("reading the workspace's citations", e);
        } finally {
            if (walksAsked.get() == asked) {
                index.setReady(true);
                onChange.run();
            }
        }
    }

    /** Reads a file of the workspace again if it changed; drops it when it is gone or no longer of the workspace. */
    private void readDisk(Path p, boolean single) {
        if (open.containsKey(p)) {
            return;
        }
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(p, BasicFileAttributes.class);
        } catch (IOException e) {
            attrs = null;
        }
        boolean inWorkspace = named.contains(p) || folders.stream().anyMatch(f -> p.startsWith(f) && !CorpusRoots.skippedBelow(f, p));
        if (attrs == null || !attrs.isRegularFile() || !inWorkspace || !wanted(p)) {
            drop(p, single);
            return;
        }
        List<Long> stamp = List.of(attrs.size(), attrs.lastModifiedTime().toMillis());
        if (stamp.equals(stamps.get(p)) && (index.has(p) || !isNote(p))) {
            return; // unchanged (a .yml found not to be Hayagriva is not looked at again either)
        }
        boolean bib = DocumentKind.fromExtension(p.toString()) == DocumentKind.BIBTEX;
        if (!bib && !isNote(p) && SourceFiles.detect(p).filter(f -> f == SourceFormat.HAYAGRIVA).isEmpty()) {
            drop(p, single); // a .yml that is not Hayagriva (CSL-YAML, a CI file...): only its head is read
            stamps.put(p, stamp);
            return;
        }
        if (attrs.size() > (bib ? BibliographyCache.MAX_CUT_BYTES : MAX_NOTE_BYTES)) {
            drop(p, single);
            return;
        }
        try (Reader r = SourceFiles.open(p)) {
            Rope text = Rope.read(r);
            String uri = Uris.fromPath(p);
            synchronized (this) { // as flush: an open buffer that came meanwhile wins
                if (open.containsKey(p)) {
                    return;
                }
                if (bib) {
                    index.putBibtex(p, uri, null, BibChunks.scan(text));
                } else if (isHayagriva(p, text)) {
                    index.putEntries(p, uri, null, HayagrivaKeyScanner.scan(text), LineIndex.of(text));
                } else if (isNote(p)) {
                    String s = text.toString();
                    index.putNote(p, uri, null, DocumentKind.fromExtension(p.toString()), s, LineIndex.of(s));
                } else {
                    index.remove(p);
                }
                stamps.put(p, stamp);
            }
        } catch (IOException | RuntimeException e) {
            drop(p, single);
            return;
        }
        if (single) {
            onChange.run();
        }
    }

    private void drop(Path p, boolean single) {
        if (index.has(p)) {
            index.remove(p);
            stamps.remove(p);
            if (single) {
                onChange.run();
            }
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
