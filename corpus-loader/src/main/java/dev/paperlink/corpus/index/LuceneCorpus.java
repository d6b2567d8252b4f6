package dev.paperlink.corpus.index;

import dev.paperlink.corpus.Corpus;
import dev.paperlink.corpus.CorpusStats;
import dev.paperlink.corpus.IndexListener;
import dev.paperlink.corpus.IndexReport;
import dev.paperlink.corpus.model.Hit;
import dev.paperlink.corpus.model.Paper;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The Lucene implementation of {@link Corpus}: one directory, one writer, one searcher manager. */
public final class LuceneCorpus implements Corpus {
    /**
     * Lucene's one-time notice about the incubating vector API would be noise on every command;
     * the logger is held so that its level is not lost when it is garbage-collected.
     */
    private static final java.util.logging.Logger VECTOR_NOTICE =
            java.util.logging.Logger.getLogger("org.apache.lucene.internal.vectorization");

    static {
        VECTOR_NOTICE.setLevel(java.util.logging.Level.SEVERE);
    }

    /**
     * Indexing buffer, shared by the writer's threads: when it holds this much, the indexer has
     * both its threads write their segments at once ({@link ClusterWriter}). Large enough that a corpus
     * the size of the ACL anthology ends up in two segments (every completion walks each
     * segment's term dictionary, typo matching most of all, so fewer segments answer faster);
     * at most a quarter of the heap.
     */
    static final long FLUSH_AT_BYTES = Math.min(256L << 20, Runtime.getRuntime().maxMemory() / 4);

    private final Path dir;
    private final Directory directory;
    private final IndexWriter writer;
    private final PaperSearcher searcher;
    /** Why the index was emptied when it was opened (it was damaged), or null. */
    private volatile String repaired;
    /** Whether a run that only adds files commits what it has read early (else only between files, as before). */
    private volatile boolean publishEarly;
    /** The indexing buffer this corpus writes its segments at ({@link #FLUSH_AT_BYTES} unless told otherwise). */
    private final long flushAtBytes;
    /** The commit data of the commit searches see, read again at every publish. */
    private volatile IndexState published;
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();

    private LuceneCorpus(Path dir, Directory directory, IndexWriter writer, long flushAtBytes) throws IOException {
        this.dir = dir;
        this.flushAtBytes = flushAtBytes;
        this.directory = directory;
        this.writer = writer;
        this.searcher = new PaperSearcher(directory);
        this.published = readState(directory).orElse(IndexState.empty());
    }

    /**
     * @param readOnly open an existing index without taking the write lock
     */
    public static LuceneCorpus open(Path dir, boolean readOnly) throws IOException {
        return open(dir, readOnly, FLUSH_AT_BYTES, true);
    }

    /**
     * For a long-running process that keeps its memory small and answers while it indexes (a
     * language server): a small indexing buffer, the files read through the page cache, and early
     * publishes of a new file while it is read ({@link dev.paperlink.corpus.IndexListener#published}).
     */
    public static LuceneCorpus openForServer(Path dir, long flushAtBytes) throws IOException {
        LuceneCorpus c = open(dir, false, flushAtBytes, false, false); // checked by the server in the background
        c.publishEarly = true;
        return c;
    }

    /**
     * @param readOnly     open an existing index without taking the write lock
     * @param flushAtBytes the indexing buffer: segments are written when it holds this much
     * @param mapped       read the index files mapped into memory (fastest; the pages read count in
     *                     the process's resident memory), else through the page cache with reads
     */
    public static LuceneCorpus open(Path dir, boolean readOnly, long flushAtBytes, boolean mapped) throws IOException {
        return open(dir, readOnly, flushAtBytes, mapped, true);
    }

    /** @param verify check the checksums of a writable index now, before its run ({@link #verify()}) */
    private static LuceneCorpus open(Path dir, boolean readOnly, long flushAtBytes, boolean mapped, boolean verify) throws IOException {
        Directory directory = mapped ? FSDirectory.open(dir) : new org.apache.lucene.store.NIOFSDirectory(dir);
        try {
            if (readOnly) {
                IndexState state = readState(directory).orElseThrow(() -> new IOException(
                        "no index in " + dir + ": run 'paperlink index PATH...' first"));
                if (state.schema() != IndexState.SCHEMA_VERSION) {
                    throw new IOException("the index in " + dir + " was built by another version of PaperLink (schema "
                            + state.schema() + ", this one reads " + IndexState.SCHEMA_VERSION
                            + "): run 'paperlink index PATH...' again to rebuild it");
                }
                LuceneCorpus c;
                try {
                    c = new LuceneCorpus(dir, directory, null, flushAtBytes);
                } catch (org.apache.lucene.index.CorruptIndexException | java.io.EOFException | java.nio.file.NoSuchFileException
                         | java.io.FileNotFoundException e) {
                    throw damaged(dir, e.getClass().getSimpleName() + ": " + e.getMessage(), e);
                }
                Optional<String> damage = indexBytes(dir) <= VERIFY_AT_OPEN_BYTES ? c.damage() : Optional.empty();
                if (damage.isPresent()) {
                    c.close();
                    throw damaged(dir, damage.get(), null);
                }
                return c;
            }
            Files.createDirectories(dir);
            try {
                LuceneCorpus c = openWritable(dir, directory, flushAtBytes, null);
                if (verify) {
                    c.verify();
                }
                return c;
            } catch (org.apache.lucene.store.LockObtainFailedException e) {
                throw e; // another process writes it: not damage
            } catch (IOException e) {
                String why = damageOf(e);
                if (why == null) {
                    throw e;
                }
                // The sources are the truth: a damaged index is rebuilt from them, in place.
                wipe(directory);
                return openWritable(dir, directory, flushAtBytes, "the index in " + dir + " was damaged (" + why
                        + "): it was emptied and every source is read again");
            }
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    /** Opens the writer (a new index when there is none, or one of another schema) and the searcher. */
    private static LuceneCorpus openWritable(Path dir, Directory directory, long flushAtBytes, String repaired) throws IOException {
        Optional<IndexState> state = readState(directory);
        boolean rebuild = state.isEmpty() || state.get().schema() != IndexState.SCHEMA_VERSION;
        IndexWriterConfig config = new IndexWriterConfig(Analyzers.perField())
                .setSimilarity(PaperFields.similarity())
                .setOpenMode(rebuild ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(2.0 * flushAtBytes / (1 << 20)) // a safety net: left to itself, the writer
                // flushes on whichever thread crosses its limit, one buffer after the other
                .setUseCompoundFile(false)
                .setMergePolicy(noCompoundFiles())
                .setCommitOnClose(false);
        IndexWriter writer = new IndexWriter(directory, config);
        try {
            if (rebuild) {
                writer.setLiveCommitData(IndexState.empty().toCommitData().entrySet());
                writer.commit();
            }
            LuceneCorpus c = new LuceneCorpus(dir, directory, writer, flushAtBytes);
            c.repaired = repaired;
            return c;
        } catch (IOException | RuntimeException e) {
            writer.rollback(); // closes it, and frees the lock for a rebuild
            throw e;
        }
    }

    /** A read-only index that cannot be trusted: what to do about it (only a writer may rebuild it). */
    private static IOException damaged(Path dir, String why, Exception cause) {
        return new IOException("the index in " + dir + " is damaged (" + why + "): run 'paperlink index' on its sources to rebuild it", cause);
    }

    /** Deletes every index file of the folder (what is not Lucene's, such as a server's own notes, stays). */
    private static void wipe(Directory directory) throws IOException {
        for (String f : directory.listAll()) {
            if (f.startsWith("_") || f.startsWith("segments") || f.startsWith("pending_segments")) {
                directory.deleteFile(f);
            }
        }
    }

    private static TieredMergePolicy noCompoundFiles() {
        TieredMergePolicy policy = new TieredMergePolicy();
        policy.setNoCFSRatio(0.0);
        return policy;
    }

    private static Optional<IndexState> readState(Directory directory) throws IOException {
        try {
            return Optional.of(IndexState.fromCommitData(SegmentInfos.readLatestCommit(directory).getUserData()));
        } catch (IndexNotFoundException e) {
            return Optional.empty();
        }
    }

    /** How sources are read (which part of a Zotero database); set before a run. */
    private volatile dev.paperlink.corpus.source.ReaderOptions readerOptions = dev.paperlink.corpus.source.ReaderOptions.DEFAULT;

    @Override
    public void useReaderOptions(dev.paperlink.corpus.source.ReaderOptions options) {
        readerOptions = options == null ? dev.paperlink.corpus.source.ReaderOptions.DEFAULT : options;
    }

    @Override
    public synchronized IndexReport index(List<Path> roots, IndexListener listener) throws IOException {
        return run(roots, listener, file -> true);
    }

    @Override
    public synchronized IndexReport add(List<Path> roots, IndexListener listener) throws IOException {
        return run(roots, listener, Indexer.under(roots));
    }

    @Override
    public synchronized IndexReport remove(List<Path> paths, IndexListener listener) throws IOException {
        return run(List.of(), listener, Indexer.under(paths));
    }

    private IndexReport run(List<Path> roots, IndexListener listener, java.util.function.Predicate<String> dropIfAbsent) throws IOException {
        if (writer == null) {
            throw new IllegalStateException("this corpus was opened read-only");
        }
        IndexState previous = readState(directory).orElse(IndexState.empty());
        try {
            dev.paperlink.corpus.embed.Embedder e = searcher.embedder();
            return new Indexer(writer, listener, () -> publish(listener), flushAtBytes, publishEarly, e == null ? null : Embeddings.field(e))
                    .withOptions(readerOptions).run(roots, previous, dropIfAbsent);
        } catch (IOException | RuntimeException e) {
            writer.rollback(); // back to the last commit; nothing committed is lost
            throw e;
        }
    }

    /** Makes the last commit visible to searches, then tells the listener. */
    private void publish(IndexListener listener) {
        try {
            searcher.refresh();
            published = readState(directory).orElse(IndexState.empty());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        generation.incrementAndGet();
        listener.published();
    }

    @Override
    public Optional<Paper> byKey(String key) {
        return searcher.byKey(key);
    }

    @Override
    public dev.paperlink.corpus.PaperQueries within(java.util.Collection<Path> files) {
        return searcher.within(files.stream().map(dev.paperlink.corpus.source.SourceFiles::name).toList());
    }

    @Override
    public Optional<dev.paperlink.corpus.IndexedSource> indexedSource(Path file) {
        return Optional.ofNullable(published.source(dev.paperlink.corpus.source.SourceFiles.name(file)));
    }

    @Override
    public void useEmbedder(Optional<dev.paperlink.corpus.embed.Embedder> embedder) {
        searcher.useEmbedder(embedder.orElse(null));
    }

    @Override
    public Optional<dev.paperlink.corpus.EmbeddingStatus> embedMissing(int max) throws IOException {
        dev.paperlink.corpus.embed.Embedder e = searcher.embedder();
        if (e == null) {
            return Optional.empty();
        }
        if (writer == null) {
            return embeddingStatus();
        }
        synchronized (this) { // not while an index run writes
            int made = Embeddings.fill(writer, e, max);
            var docs = writer.getDocStats();
            boolean done = made < max;
            if (done && docs.maxDoc > docs.numDocs * 1.2) {
                // the documents rewritten with their vectors left their old versions behind, which every
                // search still walks over: merged away once, when the last vectors are made. An index
                // of up to a million papers becomes one segment then: every related question searches
                // one vector graph and looks each word up once, instead of once per segment (a third
                // of its time on ACM-CR's 113k papers; the merge took 47 s on 2 cores there)
                if (docs.numDocs <= ONE_SEGMENT_MAX_DOCS) {
                    writer.forceMerge(1, true);
                } else {
                    writer.forceMergeDeletes(true);
                }
            }
            if (made > 0 || writer.hasUncommittedChanges()) {
                writer.commit();
                publish(IndexListener.NONE);
            }
        }
        return embeddingStatus();
    }

    @Override
    public Optional<dev.paperlink.corpus.EmbeddingStatus> embeddingStatus() {
        return searcher.embeddingStatus();
    }

    @Override
    public Optional<String> repaired() {
        return Optional.ofNullable(repaired);
    }

    /** The largest index merged into one segment once its embeddings are made. */
    static final int ONE_SEGMENT_MAX_DOCS = 1_000_000;

    /** A read-only index of at most this size is checked at open ({@link #verify()} reads all of it). */
    static final long VERIFY_AT_OPEN_BYTES = 64L << 20;

    @Override
    public Optional<String> verify() throws IOException {
        Optional<String> damage = damage();
        if (damage.isPresent() && writer != null) {
            synchronized (this) { // not while a run writes
                writer.deleteAll();
                writer.setLiveCommitData(IndexState.empty().toCommitData().entrySet());
                writer.commit();
                repaired = "the index in " + dir + " was damaged (" + damage.get() + "): it was emptied and every source is read again";
                publish(IndexListener.NONE);
            }
        }
        return damage;
    }

    /** Why the files of the last commit do not match their checksums (or cannot be read at all), or empty. */
    private Optional<String> damage() throws IOException {
        try (org.apache.lucene.index.DirectoryReader r = org.apache.lucene.index.DirectoryReader.open(directory)) {
            for (org.apache.lucene.index.LeafReaderContext leaf : r.leaves()) {
                leaf.reader().checkIntegrity();
            }
            return Optional.empty();
        } catch (IndexNotFoundException e) {
            return Optional.empty();
        } catch (IOException e) {
            String why = damageOf(e);
            if (why == null) {
                throw e;
            }
            return Optional.of(why);
        }
    }

    /**
     * What Lucene says when files of the index are garbled, truncated, missing or of another
     * format (not when another process holds it), or null for any other failure.
     */
    private static String damageOf(IOException e) {
        boolean damage = e instanceof org.apache.lucene.index.CorruptIndexException || e instanceof org.apache.lucene.index.IndexFormatTooOldException
                || e instanceof org.apache.lucene.index.IndexFormatTooNewException || e instanceof java.io.EOFException
                || e instanceof java.nio.file.NoSuchFileException || e instanceof java.io.FileNotFoundException;
        return damage ? e.getClass().getSimpleName() + ": " + e.getMessage() : null;
    }

    private static long indexBytes(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.mapToLong(p -> p.toFile().length()).sum();
        }
    }

    @Override
    public long generation() {
        return generation.get();
    }

    @Override
    public boolean refresh() throws IOException {
        if (!searcher.refreshIfChanged()) {
            return false;
        }
        published = readState(directory).orElse(IndexState.empty());
        generation.incrementAndGet();
        return true;
    }

    @Override
    public List<Hit> completeKey(String prefix, int limit) {
        return searcher.completeKey(prefix, limit);
    }

    @Override
    public List<Hit> completeTitle(String typed, int limit) {
        return searcher.completeTitle(typed, limit);
    }

    @Override
    public List<Hit> search(String text, int limit) {
        return searcher.search(text, limit);
    }

    @Override
    public List<Hit> related(dev.paperlink.corpus.model.Passage passage, int limit) {
        return searcher.related(passage, limit, null);
    }

    @Override
    public void prepareRelated(dev.paperlink.corpus.model.Passage passage) {
        searcher.prepareRelated(passage);
    }

    @Override
    public Map<String, Float> relatedScores(dev.paperlink.corpus.model.Passage passage, java.util.Collection<String> paperIds) {
        return searcher.relatedScores(passage, paperIds, null);
    }

    @Override
    public List<Hit> relatedBaseline(String passage, int limit) {
        return searcher.relatedBaseline(passage, limit);
    }

    @Override
    public List<Paper> sample(int n, long seed) {
        return searcher.sample(n, seed);
    }

    @Override
    public CorpusStats stats() throws IOException {
        searcher.refresh();
        IndexState state = readState(directory).orElse(IndexState.empty());
        Map<String, Long> byFormat = new TreeMap<>();
        List<CorpusStats.SourceStats> sources = new ArrayList<>();
        state.sources().forEach((file, fp) -> {
            sources.add(new CorpusStats.SourceStats(file, fp.format(), fp.records(), fp.skips(), fp.size(), fp.indexedAt()));
            byFormat.computeIfAbsent(fp.format(),
                    f -> searcher.count(new TermQuery(new Term(PaperFields.FORMAT, f))));
        });
        return new CorpusStats(dir.toString(), state.schema(), searcher.count(), byFormat, sources, indexBytes(dir));
    }

    @Override
    public Path indexDir() {
        return dir;
    }

    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    @Override
    public void close() throws IOException {
        if (!closed.compareAndSet(false, true)) {
            return; // once
        }
        try (directory) {
            searcher.close();
            if (writer != null) {
                writer.rollback(); // closes; every finished run has committed
            }
        }
    }
}
