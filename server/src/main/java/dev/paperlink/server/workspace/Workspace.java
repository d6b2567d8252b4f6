package dev.paperlink.server.workspace;

import dev.paperlink.corpus.CorpusPaths;
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
    private final Map<String, Memo> memos = new ConcurrentHashMap<>();
    private volatile ServerConfig config;
    private volatile List<Path> folders = List.of();

    private record Memo(int version, List<BibliographyFile> files, DocumentBibliography bibliography) {
    }

    public Workspace(ServerConfig config, ServerLog log, BibliographyCache bibliographies, CorpusService corpus) {
        this.config = config;
        this.log = log;
        this.bibliographies = bibliographies;
        this.corpus = corpus;
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
    }

    public CorpusService corpus() {
        return corpus;
    }

    public ServerLog log() {
        return log;
    }

    // ---- documents (changed on the protocol's notification thread, in order)

    public void open(TextDocument doc) {
        documents.put(doc.uri(), doc);
    }

    public Optional<TextDocument> change(String uri, int version, List<TextDocument.Change> changes) {
        TextDocument d = documents.computeIfPresent(uri, (k, old) -> old.apply(version, changes));
        if (d == null) {
            log.warn("change of a document that is not open: " + uri);
        }
        return Optional.ofNullable(d);
    }

    public void close(String uri) {
        documents.remove(uri);
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
    }

    // ---- what requests work on

    /** The parameters of a request about a document, or empty when the document is not open. */
    public Optional<FeatureParams> params(String uri, int offset, CancelToken cancel) {
        TextDocument doc = documents.get(uri);
        if (doc == null) {
            return Optional.empty();
        }
        return Optional.of(new FeatureParams(doc, offset, bibliography(doc), corpus.lookup(), config, cancel));
    }

    /** The document's own bibliography: the files it names (open buffers win over disk), or itself for a .bib file. */
    public DocumentBibliography bibliography(TextDocument doc) {
        Optional<Path> self = doc.path();
        List<DocumentBibliography.Named> named = new ArrayList<>();
        if (doc.kind() == DocumentKind.BIBTEX && self.isPresent()) {
            named.add(new DocumentBibliography.Named(new BibliographyRef(self.get().getFileName().toString(), TextRange.empty(0)),
                    bibliographies.get(self.get(), doc.uri(), doc.version(), doc.text())));
        }
        Optional<Path> dir = doc.directory();
        if (dir.isPresent()) {
            for (BibliographyRef ref : BibliographyScanner.scan(doc.kind(), doc.text())) {
                named.add(new DocumentBibliography.Named(ref, read(ref.resolve(dir.get()))));
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
        Memo m = memos.get(doc.uri());
        if (m != null && m.version() == doc.version() && sameInstances(m.files(), files)) {
            return m.bibliography();
        }
        DocumentBibliography b = DocumentBibliography.of(named);
        memos.put(doc.uri(), new Memo(doc.version(), files, b));
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

    private BibliographyFile read(Path path) {
        for (TextDocument open : documents.values()) {
            if (open.path().map(path::equals).orElse(false)) {
                return bibliographies.get(path, open.uri(), open.version(), open.text());
            }
        }
        return bibliographies.get(path);
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

    /** What is indexed: the configured corpus and the workspace's bibliography files. */
    public List<Path> corpusRoots() {
        return CorpusRoots.resolve(config.corpus(), folders, log);
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

    @Override
    public void close() {
        corpus.close();
    }
}
