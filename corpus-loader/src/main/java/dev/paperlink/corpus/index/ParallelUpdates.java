package dev.paperlink.corpus.index;

import org.apache.lucene.index.IndexWriter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs index updates (building the Lucene document and handing it to the writer) on a few
 * threads while the reader parses on the caller's thread. Updates of one paper id always run on
 * the same lane, in submission order, so the last version written is the last one submitted.
 * At most {@value #MAX_IN_FLIGHT} updates wait at a time, which bounds memory.
 */
final class ParallelUpdates implements AutoCloseable {
    private static final int MAX_IN_FLIGHT = 4096;

    /** An update that may fail with an I/O error. */
    interface Update {
        void run() throws IOException;
    }

    private final ExecutorService[] lanes;
    private final Semaphore slots = new Semaphore(MAX_IN_FLIGHT);
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    ParallelUpdates(int threads) {
        lanes = new ExecutorService[Math.max(1, threads)];
        for (int i = 0; i < lanes.length; i++) {
            int n = i;
            lanes[i] = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "paperlink-index-" + n);
                t.setDaemon(true);
                return t;
            });
        }
    }

    static ParallelUpdates forThisMachine() {
        return new ParallelUpdates(Math.min(2, Runtime.getRuntime().availableProcessors()));
    }

    void submit(String id, Update update) throws IOException {
        rethrow();
        runOn(lanes[Math.floorMod(id.hashCode(), lanes.length)], update);
    }

    /**
     * Runs the same work once on every lane, at the same time, and waits for all of them: e.g. to
     * flush each lane's indexing buffer on its own core instead of one after the other.
     */
    void onEveryLane(Update update) throws IOException {
        drain();
        for (ExecutorService lane : lanes) {
            runOn(lane, update);
        }
        drain();
    }

    /**
     * Every lane writes the writer's in-memory segments until none is left, all at once (the
     * writer alone would flush them one after the other on one thread). Two lanes may reach for
     * the same segment at once, and the loser gets nothing: so a lane stops only after a second miss.
     */
    void flushAll(IndexWriter writer) throws IOException {
        onEveryLane(() -> {
            int misses = 0;
            while (misses < 2) {
                if (!writer.flushNextBuffer()) {
                    misses++;
                }
            }
        });
    }

    /** Takes a slot (waiting while too many updates are in flight) and runs the update on that lane. */
    private void runOn(ExecutorService lane, Update update) {
        slots.acquireUninterruptibly();
        lane.execute(() -> {
            try {
                if (failure.get() == null) {
                    update.run();
                }
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
            } finally {
                slots.release();
            }
        });
    }

    /** Waits until every submitted update has run; rethrows the first failure. */
    void drain() throws IOException {
        slots.acquireUninterruptibly(MAX_IN_FLIGHT);
        slots.release(MAX_IN_FLIGHT);
        rethrow();
    }

    private void rethrow() throws IOException {
        Throwable t = failure.get();
        if (t == null) {
            return;
        }
        if (t instanceof IOException e) {
            throw new IOException(e.getMessage(), e);
        }
        if (t instanceof UncheckedIOException e) {
            throw new IOException(e.getMessage(), e);
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException("index update failed: " + t, t);
    }

    @Override
    public void close() {
        for (ExecutorService lane : lanes) {
            lane.shutdown();
        }
        for (ExecutorService lane : lanes) {
            try {
                lane.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
