package dev.paperlink.server.workspace;

import dev.paperlink.corpus.Corpus;
import dev.paperlink.corpus.IndexListener;
import dev.paperlink.corpus.IndexReport;
import dev.paperlink.corpus.IndexedSource;
import dev.paperlink.server.feature.PaperLookup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The corpus index behind the server: opened and (re)indexed on one background thread, while
 * requests keep answering from the last committed index ({@link #lookup()} never blocks on
 * indexing). Index runs are coalesced: asking again while one is queued does not queue another,
 * and every run reads the roots at the moment it starts.
 */
public final class CorpusService implements AutoCloseable {

    /** Reports an indexing run to the user (the protocol layer sends window/workDoneProgress). */
    public interface Progress {
        Progress NONE = new Progress() { };

        default void begin(String title) {
        }

        default void report(int percent, String message) {
        }

        default void end(String message) {
        }
    }

    private final ServerLog log;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "paperlink-indexer");
        t.setDaemon(true);
        return t;
    });
    /**
     * The server's indexing buffer: small, so that indexing a writer's own bibliography (tens of
     * thousands of entries) keeps the server's memory small; 'paperlink index' has a bigger one
     * for big corpora.
     */
    static final long INDEXING_BUFFER_BYTES = 32L << 20;

    /** How long a request waits for the index to open (a second start opens it in well under a second). */
    static final long OPEN_WAIT_MS = 10_000;

    private final AtomicBoolean queued = new AtomicBoolean();
    private volatile Corpus corpus;
    private volatile PaperLookup lookup = PaperLookup.EMPTY;
    private volatile Path indexDir;
    private volatile boolean readOnly;
    private volatile CompletableFuture<IndexReport> last = CompletableFuture.completedFuture(null);
    /** Completed when the first index is open (or failed to open); until then, requests wait for it. */
    private final CompletableFuture<Void> opened = new CompletableFuture<>();
    private volatile boolean openAsked;
    /** Numbers of index runs: the last one started, the last one finished. */
    private final java.util.concurrent.atomic.AtomicLong runsStarted = new java.util.concurrent.atomic.AtomicLong();
    private volatile long lastFinishedRun;
    /** How many times an index was opened (a generation of answers). */
    private final java.util.concurrent.atomic.AtomicLong opens = new java.util.concurrent.atomic.AtomicLong();
    /** Completed at the next publish of the index (early or final), then replaced. */
    private volatile CompletableFuture<Void> nextPublish = new CompletableFuture<>();

    public CorpusService(ServerLog log) {
        this(log, EMBEDDER);
    }

    /** @param embedder the model papers are embedded with in the background (none: words alone) */
    CorpusService(ServerLog log, Optional<dev.paperlink.corpus.embed.Embedder> embedder) {
        this.log = log;
        this.embedder = embedder;
    }

    /**
     * Answers from the last published index. A request that comes while the index is being opened
     * waits for it (up to {@value #OPEN_WAIT_MS} ms), so that the first answers after a start
     * already hold what the index knows; before any index is asked for, empty.
     */
    public PaperLookup lookup() {
        awaitOpen();
        return lookup;
    }

    /** The open corpus, once it is open (waiting as {@link #lookup()} does). */
    public Optional<Corpus> corpus() {
        awaitOpen();
        return Optional.ofNullable(corpus);
    }

    private void awaitOpen() {
        if (!openAsked || opened.isDone()) {
            return;
        }
        try {
            opened.get(OPEN_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // answer from what there is
        }
    }

    /** What the published index holds of a file (empty before the index is open). */
    public Optional<IndexedSource> indexedSource(Path file) {
        Corpus c = corpus;
        return c == null ? Optional.empty() : c.indexedSource(file);
    }

    /** Goes up at every publish and whenever another index is opened. */
    public long generation() {
        Corpus c = corpus;
        return c == null ? -1 : c.generation() * 1_000 + opens.get();
    }

    /** The number of the last index run started (0 before any). */
    public long runsStarted() {
        return runsStarted.get();
    }

    /**
     * Whether the index has been brought up to date once (or none was asked for): until then a
     * key it lacks may be on its way, and is not flagged.
     */
    public boolean ready() {
        return !openAsked || lastFinishedRun > 0;
    }

    /** The number of the last index run finished, whatever its outcome. */
    public long lastFinishedRun() {
        return lastFinishedRun;
    }

    /** Waits up to {@code millis} for the next publish; whether one came. */
    public boolean awaitPublish(long millis) {
        try {
            nextPublish.get(millis, TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return false;
        }
    }

    /** Something requests answer from changed besides the index (a slow bibliography was read): waiters look again. */
    public void answersChanged() {
        published();
    }

    private void published() {
        CompletableFuture<Void> f = nextPublish;
        nextPublish = new CompletableFuture<>();
        f.complete(null);
    }

    public Path indexDir() {
        return indexDir;
    }

    /**
     * (Re)opens the index in {@code dir} on the background thread if it is not the open one, then
     * re-indexes {@code roots}. Progress and the report go to the given callbacks.
     */
    public CompletableFuture<IndexReport> reindex(Path dir, Supplier<List<Path>> roots, Supplier<Progress> progress,
                                                  Consumer<IndexReport> done) {
        if (!queued.compareAndSet(false, true)) {
            return last;
        }
        CompletableFuture<IndexReport> f = new CompletableFuture<>();
        last = f;
        openAsked = true;
        worker.execute(() -> {
            queued.set(false);
            long run = runsStarted.incrementAndGet();
            try {
                if (!Objects.equals(dir, indexDir) || corpus == null) {
                    try {
                        open(dir);
                    } finally {
                        opened.complete(null);
                    }
                }
                IndexReport report = readOnly ? null : run(roots.get(), progress.get());
                if (report != null && verifyDue()) {
                    report = verifyAndRepair(roots, progress).orElse(report);
                }
                lastFinishedRun = run;
                if (report != null) {
                    embedInBackground();
                }
                f.complete(report);
                if (report != null) {
                    done.accept(report);
                }
            } catch (java.nio.channels.ClosedByInterruptException e) {
                lastFinishedRun = run;
                f.completeExceptionally(e); // shutting down
            } catch (java.util.concurrent.RejectedExecutionException e) {
                lastFinishedRun = run;
                f.completeExceptionally(e); // shutting down: the follow-up work (embedding) is not wanted any more
            } catch (Throwable t) {
                lastFinishedRun = run;
                log.error("indexing failed", t);
                f.completeExceptionally(t);
            }
        });
        return f;
    }

    /**
     * How often the index files are checked against their checksums, in the background: after the
     * first run, then after the first run this long after the last check (see {@link #watchIntegrity}).
     */
    static final long VERIFY_EVERY_MS = 30 * 60_000;
    private volatile long lastVerifiedNanos;
    private volatile boolean everVerified;

    private boolean verifyDue() {
        return !everVerified || System.nanoTime() - lastVerifiedNanos > TimeUnit.MILLISECONDS.toNanos(VERIFY_EVERY_MS);
    }

    /** Checks the checksums; a damaged index has emptied itself: it is read again from the sources at once. */
    private Optional<IndexReport> verifyAndRepair(Supplier<List<Path>> roots, Supplier<Progress> progress) throws IOException {
        long t0 = System.nanoTime();
        Optional<String> damage = corpus.verify();
        everVerified = true;
        lastVerifiedNanos = System.nanoTime();
        if (damage.isEmpty()) {
            log.info("index checksums verified in " + TimeUnit.NANOSECONDS.toMillis(lastVerifiedNanos - t0) + " ms");
            return Optional.empty();
        }
        log.warn(corpus.repaired().orElse("the index is damaged: " + damage.get()));
        return Optional.of(run(roots.get(), progress.get()));
    }

    /**
     * Asks for a run every {@value #VERIFY_EVERY_MS} ms (one with nothing to read costs a look at
     * the files), so that the checksums are checked that often in a long session.
     */
    public void watchIntegrity(Runnable askRun) {
        Thread t = new Thread(() -> {
            while (!worker.isShutdown()) {
                try {
                    Thread.sleep(VERIFY_EVERY_MS);
                } catch (InterruptedException e) {
                    return;
                }
                if (!worker.isShutdown()) {
                    askRun.run();
                }
            }
        }, "paperlink-index-check");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Papers embedded per task on the indexing thread: index runs asked for meanwhile go between two
     * of them. About a second of both cores: what typing that starts during a batch competes with.
     */
    static final int EMBED_BATCH = 96;
    /** No batch starts until the writer has been this long without typing or asking (the batch waits, then looks again). */
    static final long QUIET_BEFORE_EMBEDDING_MS = 1_500;
    private volatile long lastActivityNanos = System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(QUIET_BEFORE_EMBEDDING_MS);
    private final Optional<dev.paperlink.corpus.embed.Embedder> embedder;
    private final java.util.concurrent.ScheduledExecutorService later = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "paperlink-embed-later");
        t.setDaemon(true);
        return t;
    });

    /** The writer typed or asked something: background embedding waits for a pause. */
    public void userActive() {
        lastActivityNanos = System.nanoTime();
    }

    private long quietForMs() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastActivityNanos);
    }
    private volatile boolean embeddings = true;
    private final AtomicBoolean embedQueued = new AtomicBoolean();
    private volatile long embedStartNanos;

    /** Whether related papers use embeddings (setting related.embeddings): made in the background, when the model is installed. */
    public void setEmbeddings(boolean on) {
        boolean changed = on != embeddings;
        embeddings = on;
        Corpus c = corpus;
        if (changed && c != null) {
            c.useEmbedder(on ? embedder : Optional.empty());
            if (on) {
                embedInBackground();
            }
        }
    }

    /** The embedding model on the class path (paperlink-embeddings.jar), looked for once. */
    private static final Optional<dev.paperlink.corpus.embed.Embedder> EMBEDDER = dev.paperlink.corpus.embed.Embedder.available();

    /**
     * Makes the vectors papers are missing, {@value #EMBED_BATCH} at a time on the indexing thread,
     * each batch queued behind what is asked meanwhile, so that index runs never wait long for them.
     */
    private void embedInBackground() {
        Corpus c = corpus;
        if (!embeddings || readOnly || c == null || c.embeddingStatus().isEmpty() || !embedQueued.compareAndSet(false, true)) {
            return;
        }
        worker.execute(() -> {
            embedQueued.set(false);
            try {
                if (corpus != c) {
                    return;
                }
                var before = c.embeddingStatus().orElseThrow();
                if (before.missing() == 0) {
                    return;
                }
                long quiet = quietForMs();
                if (quiet < QUIET_BEFORE_EMBEDDING_MS) { // the writer is typing: after the pause
                    later.schedule(this::embedInBackground, QUIET_BEFORE_EMBEDDING_MS - quiet, TimeUnit.MILLISECONDS);
                    return;
                }
                if (embedStartNanos == 0) {
                    embedStartNanos = System.nanoTime();
                    log.info("making embeddings (" + before.model() + ") for " + before.missing() + " papers in the background;"
                            + " related papers are ranked by words until they are done");
                }
                var after = c.embedMissing(EMBED_BATCH).orElseThrow();
                if (after.missing() == 0) {
                    log.info("embeddings done: " + after.embedded() + " papers in "
                            + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - embedStartNanos) + " s; related papers use them now");
                    embedStartNanos = 0;
                } else {
                    embedInBackground();
                }
            } catch (IOException | RuntimeException e) {
                log.warn("making embeddings failed (related papers are ranked by words): " + e);
            }
        });
    }

    /** Completes when every run asked for so far has finished (for tests and shutdown). */
    public CompletableFuture<IndexReport> lastRun() {
        return last;
    }

    private void open(Path dir) throws IOException {
        closeCorpus();
        indexDir = dir;
        readOnly = false;
        try {
            Files.createDirectories(dir);
            corpus = Corpus.openForServer(dir, INDEXING_BUFFER_BYTES);
            corpus.repaired().ifPresent(log::warn);
        } catch (java.nio.channels.ClosedByInterruptException e) {
            throw e; // shutting down
        } catch (IOException e) {
            log.warn("cannot open the index in " + dir + " for writing (" + e + "); trying read-only");
            try {
                corpus = Corpus.openReadOnly(dir);
                readOnly = true;
                log.warn("answering from the index in " + dir + " without updating it (another process holds it)");
                watchReadOnly();
            } catch (IOException e2) {
                Path tmp = Files.createTempDirectory("paperlink-index");
                tempIndex = tmp; // deleted when it is closed: no folder left behind each session
                log.warn("using a temporary index in " + tmp + " (" + e2.getMessage() + ")");
                corpus = Corpus.openForServer(tmp, INDEXING_BUFFER_BYTES);
                indexDir = tmp;
            }
        }
        corpus.useEmbedder(embeddings ? embedder : Optional.empty());
        lookup = PaperLookup.of(corpus);
        opens.incrementAndGet();
        published();
        log.info("index: " + indexDir + (readOnly ? " (read-only)" : ""));
    }

    /** How often a read-only index is looked at for another process's commits. */
    static final long READ_ONLY_REFRESH_MS = 2_000;

    /**
     * A read-only index (another process writes it) is looked at every {@value #READ_ONLY_REFRESH_MS}
     * ms: its new commits are published to requests as this server's own would be.
     */
    private void watchReadOnly() {
        Corpus watched = corpus;
        Thread t = new Thread(() -> {
            while (corpus == watched && !worker.isShutdown()) {
                try {
                    Thread.sleep(READ_ONLY_REFRESH_MS);
                    if (corpus == watched && watched.refresh()) {
                        log.info("the index in " + indexDir + " changed: answering from its new commit");
                        published();
                    }
                } catch (InterruptedException e) {
                    return;
                } catch (IOException | RuntimeException e) {
                    log.warn("cannot look at the index for new commits: " + e.getMessage());
                }
            }
        }, "paperlink-index-watch");
        t.setDaemon(true);
        t.start();
    }

    private volatile Supplier<dev.paperlink.corpus.source.ReaderOptions> readerOptions = () -> dev.paperlink.corpus.source.ReaderOptions.DEFAULT;

    /**
     * How sources are read (which part of the Zotero database: settings zotero.libraries,
     * zotero.collections), asked on the indexing thread at the start of every run.
     */
    public void readerOptionsFrom(Supplier<dev.paperlink.corpus.source.ReaderOptions> options) {
        readerOptions = options == null ? () -> dev.paperlink.corpus.source.ReaderOptions.DEFAULT : options;
    }

    private IndexReport run(List<Path> roots, Progress progress) throws IOException {
        progress.begin("PaperLink: indexing");
        IndexReport report;
        try {
            corpus.useReaderOptions(readerOptions.get());
            report = corpus.index(roots, new IndexListener() {
                private int lastPercent = -1;

                @Override
                public void sourceStarted(String file, String format, int index, int total) {
                    String name = Path.of(file).getFileName().toString();
                    progress.report(Math.max(0, lastPercent), name + " (" + index + "/" + total + ")");
                }

                @Override
                public void published() {
                    CorpusService.this.published();
                }

                @Override
                public void progress(long bytesDone, long bytesTotal, long records) {
                    int percent = bytesTotal <= 0 ? 100 : (int) Math.min(100, bytesDone * 100 / bytesTotal);
                    if (percent != lastPercent) {
                        lastPercent = percent;
                        progress.report(percent, records + " records");
                    }
                }
            });
        } catch (IOException | RuntimeException e) {
            progress.end("indexing failed: " + e.getMessage());
            throw e;
        }
        String summary = report.papers() + " papers; " + report.sourcesRead() + " files read, " + report.sourcesUnchanged()
                + " unchanged, " + report.sourcesRemoved() + " removed" + (report.skips().isEmpty() ? "" : ", " + report.skips().size() + " records skipped");
        // The summary is logged before the progress ends, so a client that sees the end has the log too.
        log.info("indexed in " + report.millis() + " ms: " + summary);
        progress.end(summary);
        return report;
    }

    private void closeCorpus() {
        Corpus c = corpus;
        corpus = null;
        lookup = PaperLookup.EMPTY;
        if (c != null) {
            try {
                c.close();
            } catch (IOException e) {
                log.error("closing the index", e);
            }
        }
        Path tmp = tempIndex;
        tempIndex = null;
        if (tmp != null) {
            try (java.util.stream.Stream<Path> s = Files.walk(tmp)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                log.warn("cannot delete the temporary index " + tmp + ": " + e.getMessage());
            }
        }
    }

    /** The temporary index this service made (the configured one could not be opened at all), or null. */
    private volatile Path tempIndex;

    @Override
    public void close() {
        later.shutdownNow();
        worker.shutdown();
        try {
            if (!worker.awaitTermination(2, TimeUnit.SECONDS)) {
                worker.shutdownNow(); // a long run is rolled back to the last commit
                worker.awaitTermination(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeCorpus();
    }
}
