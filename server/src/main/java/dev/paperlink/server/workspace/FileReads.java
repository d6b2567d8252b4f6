package dev.paperlink.server.workspace;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Reads of named files, off the request threads and with a time limit: a file on a hung network
 * mount or a very slow disk holds up no other document, and no request waits on it longer than
 * {@code waitMillis} from the start of its read. One read per key runs at a time; a new version
 * (another stamp) starts a new read and interrupts the old one. A read that ends after a request
 * gave up on it tells {@code onLateRead} (the server republishes diagnostics).
 */
final class FileReads {
    static final long WAIT_MILLIS = 2_000;

    private record Reading(Object stamp, Future<?> task, CompletableFuture<Object> result, long deadlineNanos,
                           AtomicBoolean givenUp) {
    }

    private final Map<Object, Reading> reads = new ConcurrentHashMap<>();
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "paperlink-file-read");
        t.setDaemon(true);
        return t;
    });
    private final long waitNanos;
    private volatile Runnable onLateRead = () -> { };

    FileReads(long waitMillis) {
        this.waitNanos = TimeUnit.MILLISECONDS.toNanos(waitMillis);
    }

    void onLateRead(Runnable r) {
        this.onLateRead = r;
    }

    /**
     * What {@code read} gives for this key and stamp, or empty while it has not ended (the
     * caller answers without it, for now). An exception of the read is thrown here.
     */
    @SuppressWarnings("unchecked")
    <T> Optional<T> get(Object key, Object stamp, Supplier<T> read) {
        Reading r = reads.compute(key, (k, old) -> {
            if (old != null && old.stamp().equals(stamp)) {
                return old;
            }
            if (old != null) {
                old.task().cancel(true);
            }
            return start(stamp, read);
        });
        long left = r.deadlineNanos() - System.nanoTime();
        try {
            if (left > 0) {
                return Optional.of((T) r.result().get(left, TimeUnit.NANOSECONDS));
            }
            return r.result().isDone() ? Optional.of((T) r.result().get()) : gaveUp(r);
        } catch (TimeoutException e) {
            return gaveUp(r);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            reads.remove(key, r); // asked again, it is read again
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        }
    }

    /** Marks the read as given up on; then the read tells when it ends, unless it just has (then its result). */
    @SuppressWarnings("unchecked")
    private static <T> Optional<T> gaveUp(Reading r) {
        r.givenUp().set(true);
        CompletableFuture<Object> f = r.result();
        return f.isDone() && !f.isCompletedExceptionally() ? Optional.of((T) f.join()) : Optional.empty();
    }

    private Reading start(Object stamp, Supplier<?> read) {
        CompletableFuture<Object> result = new CompletableFuture<>();
        AtomicBoolean givenUp = new AtomicBoolean();
        Future<?> task = pool.submit(() -> {
            try {
                result.complete(read.get());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
            if (givenUp.get()) {
                onLateRead.run();
            }
        });
        return new Reading(stamp, task, result, System.nanoTime() + waitNanos, givenUp);
    }

    /** Whether a read for this key is running and some request already answered without it. */
    boolean late(Object key) {
        Reading r = reads.get(key);
        return r != null && !r.result().isDone() && r.givenUp().get();
    }
}
