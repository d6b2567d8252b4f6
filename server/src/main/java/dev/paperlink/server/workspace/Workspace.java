package dev.paperlink.server.workspace;

import dev.paperlink.corpus.CorpusPaths;
import dev.paperlink.corpus.IndexedSource;
import dev.paperlink.server.bibliography.BibChunks;
import dev.paperlink.server.bibliography.BibliographyParser;
import dev.paperlink.server.feature.PaperLookup;
import dev.paperlink.server.bibliography.BibliographyFile;
import dev.paperlink.server.bibliography.DocumentBibliography;
import dev.paperlink.server.config.ServerConfig;
import dev.paperlink.server.document.DocumentKind;
import dev.paperlink.server.document.TextDocument;
import dev.paperlink.server.document.TextRange;
import dev.paperlink.server.document.Uris;
import dev.paperlink.server.feature.CancelToken;
import dev.paperlink.server.feature.FeatureParams;
import dev.paperlink.server.syntax.BibliographyRef;
import dev.paperlink.server.syntax.BibliographyScanner;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The server's state, apart from the protocol: open documents (as the client has them), the
 * settings, the workspace folders, the corpus and the bibliography files documents name. Every
 * request takes an immutable {@link FeatureParams} from here and works on that alone.
 */
public final class Workspace implements AutoCloseable {
    private final ServerLog log;
    private final BibliographyCache bibliographies;
    private final CorpusService corpus;
    private final Map<String, TextDocument> documents = new ConcurrentHashMap<>();
    /** The entry tables of open BibTeX buffers, kept up to date edit by edit. */
    private final Map<String, BibChunks> chunks = new ConcurrentHashMap<>();
    private final Map<String, Memo> memos = new ConcurrentHashMap<>();
    /** Bibliography files documents have named, indexed with the corpus (see {@link #corpusRoots}). */
    private final Set<Path> named = ConcurrentHashMap.newKeySet();
    /** Per named file: the version (size and time) an index run was asked to read, and the runs started before the asking. */
    private final Map<Path, Request> requested = new ConcurrentHashMap<>();
    private volatile Runnable reindex = () -> { };
    private volatile ServerConfig config;
    private volatile List<Path> folders = List.of();
    /** Every citation and entry key of the workspace's files (see {@link CitationFiles}). */
    private final CitationFiles citations;
    private final QuartoProjects quarto = new QuartoProjects();

    private record Memo(int version, long generation, List<BibliographyFile> files, DocumentBibliography bibliography) {
    }

    private record Request(long size, long mtime, long runsBefore) {
    }

    /** The file listing the named bibliographies, kept in the index folder so that a restart does not drop them. */
    static final String NAMED_FILE = "paperlink-named-bibliographies.txt";

    public Workspace(ServerConfig config, ServerLog log, BibliographyCache bibliographies, CorpusService corpus) {
        this.config = config;
        this.log = log;
        this.bibliographies = bibliographies;
        this.corpus = corpus;
        this.citations = new CitationFiles(log);
    }

    /** The workspace citation index. */
    public CitationFiles citations() {
        return citations;
    }

    public ServerConfig config() {
        return config;
    }

    public void setConfig(ServerConfig c) {
        this.config = c;
    }

    public List<Path> folders() {
        return folders;
    }

    public void setFolders(List<Path> f) {
        this.folders = List.copyOf(f);
        citations.setFolders(this.folders);
    }

    public CorpusService corpus() {
        return corpus;
    }

    public ServerLog log() {
        return log;
    }

    /** What asks for an index run when a document names a bibliography the index does not have (the server's reindex). */
    public void onReindexNeeded(Runnable r) {
        this.reindex = r;
    }

    // ---- documents (changed on the protocol's notification thread, in order)

    public void open(TextDocument doc) {
        documents.put(doc.uri(), doc);
        if (doc.kind() == DocumentKind.BIBTEX) {
            chunks.put(doc.uri(), BibChunks.scan(doc.content()));
            citations.opened(doc, chunks.get(doc.uri()));
            return; // a .bib names no bibliography
        }
        chunks.remove(doc.uri());
        citations.opened(doc, null);
        // the files it names go to the index now, before any request about the document
        doc.directory().ifPresent(dir -> {
            List<Path> files = new ArrayList<>(BibliographyScanner.scan(doc.kind(), doc.text()).stream().map(ref -> ref.resolve(dir)).toList());
            if (doc.kind() == DocumentKind.MARKDOWN) {
                quarto.learn(dir).ifPresent(project -> project.bibliographies().forEach(ref -> files.add(ref.resolve(project.dir()))));
            }
            files.stream().filter(p -> BibliographyParser.format(p).isPresent()).forEach(p -> {
                citations.named(p);
                expected(p, corpus.indexedSource(p));
            });
        });
    }

    public Optional<TextDocument> change(String uri, int version, List<TextDocument.Change> changes) {
        TextDocument d = documents.computeIfPresent(uri, (k, old) -> {
            if (old.kind() != DocumentKind.BIBTEX) {
                return old.apply(version, changes);
            }
            // a BibTeX buffer: its entry table follows each replacement
            TextDocument now = old;
            BibChunks table = chunks.get(uri);
            if (table == null) {
                table = BibChunks.scan(old.content());
            }
            for (TextDocument.Change c : changes) {
                TextDocument next = now.apply(version, List.of(c));
                if (c.start() == null) {
                    table = BibChunks.scan(next.content());
                } else {
                    int from = now.offset(c.start());
                    int oldEnd = Math.max(from, now.offset(c.end()));
                    table = table.edit(next.content(), from, oldEnd, from + c.text().length());
                }
                now = next;
            }
            chunks.put(uri, table);
            return now;
        });
        if (d == null) {
            log.warn("change of a document that is not open: " + uri);
        } else {
            citations.opened(d, chunks.get(uri));
        }
        return Optional.ofNullable(d);
    }

    public void close(String uri) {
        TextDocument closed = documents.remove(uri);
        if (closed != null) {
            citations.closed(closed);
        }
        chunks.remove(uri);
        memos.remove(uri);
    }

    public Optional<TextDocument> document(String uri) {
        return Optional.ofNullable(documents.get(uri));
    }

    public Collection<TextDocument> documents() {
        return List.copyOf(documents.values());
    }

    /** A file changed on disk: forget what was read of it. */
    public void fileChanged(Path path) {
        bibliographies.invalidate(path);
        citations.fileChanged(path);
        quarto.fileChanged(path);
    }

    // ---- what requests work on

    /** The parameters of a request about a document, or empty when the document is not open. */
    public Optional<FeatureParams> params(String uri, int offset, CancelToken cancel) {
        TextDocument doc = documents.get(uri);
        if (doc == null) {
            return Optional.empty();
        }
        return Optional.of(new FeatureParams(doc, offset, bibliography(doc), SharedCorpus.over(corpus.lookup()), config, cancel, corpus.ready(), citations,
                FILES));
    }

    /** The disk's answer to whether a file is there (Zotero attachments are linked only then): a stat, never a read. */
    private static final dev.paperlink.server.render.FileExistence FILES = p -> {
        try {
            return java.nio.file.Files.isRegularFile(p);
        } catch (SecurityException e) {
            return false;
        }
    };

    /** Which local files exist, for what requests render outside a document's parameters (completion documentation). */
    public dev.paperlink.server.render.FileExistence files() {
        return FILES;
    }

    /** The document's own bibliography: the files it names (open buffers win over disk), or itself for a .bib file. */
    public DocumentBibliography bibliography(TextDocument doc) {
        Optional<Path> self = doc.path();
        List<DocumentBibliography.Named> named = new ArrayList<>();
        if (doc.kind() == DocumentKind.BIBTEX && self.isPresent()) {
            named.add(new DocumentBibliography.Named(new BibliographyRef(self.get().getFileName().toString(), TextRange.empty(0)),
                    read(self.get())));
        }
        Optional<Path> dir = doc.directory();
        if (dir.isPresent() && doc.kind() != DocumentKind.BIBTEX) {
            for (BibliographyRef ref : BibliographyScanner.scan(doc.kind(), doc.text())) {
                named.add(new DocumentBibliography.Named(ref, read(ref.resolve(dir.get()))));
            }
            if (named.isEmpty() && doc.kind() == DocumentKind.MARKDOWN) { // a Quarto project's bibliography
                quarto.of(dir.get()).ifPresent(project -> project.bibliographies().forEach(ref ->
                        named.add(new DocumentBibliography.Named(ref, read(ref.resolve(project.dir())), true))));
            }
            if (named.isEmpty() && doc.kind() == DocumentKind.LATEX) {
                rootOf(doc).ifPresent(root -> {
                    Path rootDir = root.directory().orElseThrow();
                    for (BibliographyRef ref : BibliographyScanner.scan(root.kind(), root.text())) {
                        named.add(new DocumentBibliography.Named(ref, read(ref.resolve(rootDir)), true));
                    }
                });
            }
        }
        if (named.isEmpty()) {
            return DocumentBibliography.NONE;
        }
        List<BibliographyFile> files = named.stream().map(DocumentBibliography.Named::file).toList();
        long generation = corpus.generation();
        Memo m = memos.get(doc.uri());
        if (m != null && m.version() == doc.version() && m.generation() == generation && sameInstances(m.files(), files)) {
            return m.bibliography();
        }
        DocumentBibliography b = DocumentBibliography.of(named, paths -> corpus.corpus()
                .map(c -> PaperLookup.of(c.within(paths))).orElse(PaperLookup.EMPTY));
        memos.put(doc.uri(), new Memo(doc.version(), generation, files, b));
        return b;
    }

    /**
     * An open LaTeX document that names a bibliography and pulls this one in with
     * {@code \input}/{@code \include}/{@code \subfile}/{@code \import}: a chapter file shares
     * its root document's bibliography.
     */
    private Optional<TextDocument> rootOf(TextDocument child) {
        Optional<Path> self = child.path();
        if (self.isEmpty()) {
            return Optional.empty();
        }
        for (TextDocument root : documents.values()) {
            if (root == child || root.kind() != DocumentKind.LATEX || root.directory().isEmpty()
                    || BibliographyScanner.scan(root.kind(), root.text()).isEmpty()) {
                continue;
            }
            Path rootDir = root.directory().get();
            for (String include : dev.paperlink.server.syntax.IncludeScanner.scan(root.text())) {
                if (rootDir.resolve(include).normalize().equals(self.get())) {
                    return Optional.of(root);
                }
            }
        }
        return Optional.empty();
    }

    /** A bibliography file as documents see it now: its open buffer if there is one, else the disk; and what the index has of it. */
    private BibliographyFile read(Path path) {
        boolean known = BibliographyParser.format(path).isPresent();
        Optional<IndexedSource> indexed = known ? corpus.indexedSource(path) : Optional.empty();
        boolean expected = known && expected(path, indexed);
        for (TextDocument open : documents.values()) {
            if (open.path().map(path::equals).orElse(false)) {
                BibChunks table = chunks.getOrDefault(open.uri(), BibChunks.EMPTY);
                return bibliographies.buffer(path, open, table, indexed, expected);
            }
        }
        return bibliographies.disk(path, indexed, expected);
    }

    /**
     * Whether an index run is still to read this version of a named file: the first time a file
     * is named, or when the index has another version of it, a run is asked for, and until a run
     * started after that asking has finished, the file is pending.
     */
    private boolean expected(Path path, Optional<IndexedSource> indexed) {
        long size;
        long mtime;
        try {
            var attrs = java.nio.file.Files.readAttributes(path, java.nio.file.attribute.BasicFileAttributes.class);
            if (!attrs.isRegularFile()) {
                return false; // a folder, a FIFO, a device: reported as such, never read
            }
            size = attrs.size();
            mtime = attrs.lastModifiedTime().toMillis();
        } catch (java.io.IOException e) {
            return false; // missing: reported as such
        }
        if (indexed.isPresent() && indexed.get().sameStat(size, mtime)) {
            return false;
        }
        named.add(path);
        Request r = requested.get(path);
        if (r == null || r.size() != size || r.mtime() != mtime) {
            r = new Request(size, mtime, corpus.runsStarted());
            requested.put(path, r);
            reindex.run();
        }
        return corpus.lastFinishedRun() <= r.runsBefore();
    }

    private static boolean sameInstances(List<BibliographyFile> a, List<BibliographyFile> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) != b.get(i)) {
                return false;
            }
        }
        return true;
    }

    // ---- the corpus

    /**
     * What is indexed: the configured corpus, the workspace's bibliography files, the Zotero
     * database (setting {@code zotero}, when it is there), and every bibliography file a document
     * has named (also outside the workspace folders; remembered in the index folder across
     * restarts, while the file exists).
     */
    public List<Path> corpusRoots() {
        java.util.Set<Path> roots = new java.util.LinkedHashSet<>(CorpusRoots.resolve(config.corpus(), folders, log));
        zoteroDatabase().ifPresent(roots::add);
        List<Path> remembered = loadNamed();
        java.util.Set<Path> all = new java.util.TreeSet<>(named);
        all.addAll(remembered);
        if (!remembered.containsAll(named)) {
            saveNamed(all);
        }
        for (Path p : all) {
            if (java.nio.file.Files.isRegularFile(p)) {
                roots.add(p);
            }
        }
        return new ArrayList<>(roots);
    }

    private List<Path> loadNamed() {
        Path dir = corpus.indexDir();
        if (dir == null) {
            return List.of();
        }
        try {
            return java.nio.file.Files.readAllLines(dir.resolve(NAMED_FILE)).stream().filter(l -> !l.isBlank()).map(Path::of).toList();
        } catch (java.io.IOException | RuntimeException e) {
            return List.of();
        }
    }

    private void saveNamed(java.util.Set<Path> all) {
        Path dir = corpus.indexDir();
        if (dir == null || !java.nio.file.Files.isDirectory(dir)) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        all.forEach(p -> sb.append(p).append('\n'));
        try {
            java.nio.file.Files.writeString(dir.resolve(NAMED_FILE), sb);
        } catch (java.io.IOException e) {
            log.warn("cannot remember the named bibliographies in " + dir + ": " + e.getMessage());
        }
    }


    /**
     * The index folder: the configured one, else one per set of workspace folders under the
     * default index's parent ({@code .../paperlink/server/<hash>}), so that the server never drops
     * what {@code paperlink index} put in the default index.
     */
    public Path indexDir() {
        if (config.indexDir() != null) {
            return config.indexDir().toAbsolutePath().normalize();
        }
        StringBuilder id = new StringBuilder();
        folders.forEach(f -> id.append(f).append('\n'));
        return CorpusPaths.defaultIndexDir().resolveSibling("server").resolve(hash(id.toString()));
    }

    static String hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Optional<Path> path(String uri) {
        return Uris.toPath(uri);
    }

    // ---- the Zotero database

    /** The Zotero database setting as resolved last: kept, and resolved again at most every {@link #ZOTERO_RESOLVE_MS} ms. */
    private record ZoteroPlace(ServerConfig.Zotero setting, Path base, dev.paperlink.corpus.source.zotero.sqlite.ZoteroDataDir.Location location,
                               Optional<Path> linkedFilesBase, long resolvedAtNanos) {
    }

    /** How long a resolved Zotero location is kept (prefs.js may name another folder later; a folder may become a file). */
    static final long ZOTERO_RESOLVE_MS = 10_000;
    private volatile ZoteroPlace zoteroPlace;
    private volatile ZoteroWatch zoteroWatch;

    /**
     * Where the Zotero database is or is looked for (its data directory: the setting's path,
     * relative ones against the first workspace folder; else Zotero's own), or empty while the
     * setting is off. Cheap: resolved again at most every {@value #ZOTERO_RESOLVE_MS} ms.
     */
    public Optional<dev.paperlink.corpus.source.zotero.sqlite.ZoteroDataDir.Location> zoteroLocation() {
        ServerConfig.Zotero z = config.zotero();
        if (!z.enabled()) {
            return Optional.empty();
        }
        Path base = folders.isEmpty() ? Path.of("").toAbsolutePath() : folders.get(0);
        ZoteroPlace known = zoteroPlace;
        if (known != null && known.setting().equals(z) && known.base().equals(base)
                && System.nanoTime() - known.resolvedAtNanos() < java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(ZOTERO_RESOLVE_MS)) {
            return Optional.of(known.location());
        }
        var env = dev.paperlink.corpus.source.zotero.sqlite.ZoteroDataDir.Environment.system();
        var location = dev.paperlink.corpus.source.zotero.sqlite.ZoteroDataDir.locate(z.dataDirectory(), base, env);
        zoteroPlace = new ZoteroPlace(z, base, location, dev.paperlink.corpus.source.zotero.sqlite.ZoteroDataDir.baseAttachmentPath(env),
                System.nanoTime());
        return Optional.of(location);
    }

    /**
     * How the next index run reads its sources: the Zotero selection (libraries, collections) and
     * Zotero's base directory for linked files (its profile's prefs.js), when the setting is on.
     */
    public dev.paperlink.corpus.source.ReaderOptions readerOptions() {
        ServerConfig.Zotero z = config.zotero();
        if (!z.enabled() || zoteroLocation().isEmpty()) {
            return dev.paperlink.corpus.source.ReaderOptions.DEFAULT;
        }
        ZoteroPlace place = zoteroPlace;
        return new dev.paperlink.corpus.source.ReaderOptions(z.selection(), place == null ? Optional.empty() : place.linkedFilesBase());
    }

    /** The Zotero database to index: set, and there. */
    public Optional<Path> zoteroDatabase() {
        return zoteroLocation().filter(dev.paperlink.corpus.source.zotero.sqlite.ZoteroDataDir.Location::exists)
                .map(dev.paperlink.corpus.source.zotero.sqlite.ZoteroDataDir.Location::database);
    }

    /**
     * Follows the Zotero database from now on (see {@link ZoteroWatch}): a change asks for a run
     * with {@code askRun}; a missing database is shown once with {@code warnUser}.
     */
    public void followZotero(Runnable askRun, java.util.function.Consumer<String> warnUser) {
        if (zoteroWatch == null) {
            zoteroWatch = new ZoteroWatch(this::zoteroLocation, askRun, warnUser, log);
            zoteroWatch.start();
        }
    }

    /** The Zotero setting changed: resolve it again and look at once. */
    public void zoteroSettingChanged() {
        zoteroPlace = null;
        ZoteroWatch w = zoteroWatch;
        if (w != null) {
            w.wake();
        }
    }

    @Override
    public void close() {
        ZoteroWatch w = zoteroWatch;
        if (w != null) {
            w.close();
        }
        citations.close();
        corpus.close();
    }
}
