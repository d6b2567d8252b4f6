package dev.paperlink.corpus.index;

import dev.paperlink.corpus.model.Paper;
import dev.paperlink.corpus.source.RecordReader;
import dev.paperlink.corpus.source.RecordSink;
import dev.paperlink.corpus.source.Skip;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs a {@link RecordReader} on a thread of its own, one step ahead of the indexer: the reader
 * parses and maps records while the calling thread merges and writes the ones before. Records
 * and skips reach the sink on the calling thread, in the order the reader produced them, in
 * batches of {@value #BATCH}; at most {@value #BATCHES_AHEAD} batches wait, so memory stays bounded.
 */
final class ReadAhead implements AutoCloseable {
    static final int BATCH = 256;
    static final int BATCHES_AHEAD = 8;

    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "paperlink-read");
        t.setDaemon(true);
        return t;
    });

    /**
     * Reads one source; returns when the reader is done and the sink has had everything. What
     * the reader throws is thrown here; so is what the sink throws, after the reader is stopped.
     */
    void read(RecordReader reader, String file, Reader input, RecordSink sink) throws IOException {
        BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(BATCHES_AHEAD);
        Handoff handoff = new Handoff(queue);
        Future<?> running = thread.submit(() -> {
            try {
                reader.read(file, input, handoff);
                handoff.finish(null);
            } catch (Stopped stopped) {
                // the consumer failed and said so; nothing to report
            } catch (Throwable t) {
                handoff.finish(t);
            }
            return null;
        });
        try {
            while (true) {
                Batch batch = queue.take();
                for (Object item : batch.items) {
                    if (item instanceof Paper p) {
                        sink.accept(p);
                    } else {
                        sink.skip((Skip) item);
                    }
                }
                if (batch.last) {
                    rethrow(batch.failure);
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading " + file, e);
        } catch (RuntimeException | IOException | Error e) {
            handoff.stopped = true;
            queue.clear();
            running.cancel(true);
            throw e;
        }
    }

    private static void rethrow(Throwable t) throws IOException {
        if (t == null) {
            return;
        }
        if (t instanceof IOException e) {
            throw e;
        }
        if (t instanceof RuntimeException e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new UncheckedIOException(new IOException(t));
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Some records and skips in reading order; the last batch of a source carries the reader's failure, if any. */
    private record Batch(List<Object> items, boolean last, Throwable failure) {
    }

    /** Thrown into the reader when the consumer has given up, to stop it. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }

    /** The reader's sink: collects batches and hands them over. */
    private static final class Handoff implements RecordSink {
        private final BlockingQueue<Batch> queue;
        private List<Object> items = new ArrayList<>(BATCH);
        volatile boolean stopped;

        Handoff(BlockingQueue<Batch> queue) {
            this.queue = queue;
        }

        @Override
        public void accept(Paper paper) {
            add(paper);
        }

        @Override
        public void skip(Skip skip) {
            add(skip);
        }

        private void add(Object item) {
            items.add(item);
            if (items.size() == BATCH) {
                put(new Batch(items, false, null));
                items = new ArrayList<>(BATCH);
            }
        }

        void finish(Throwable failure) {
            put(new Batch(items, true, failure));
        }

        private void put(Batch batch) {
            try {
                while (!queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                    if (stopped) {
                        throw new Stopped();
                    }
                }
            } catch (InterruptedException e) {
                throw new Stopped();
            }
        }
    }
}
