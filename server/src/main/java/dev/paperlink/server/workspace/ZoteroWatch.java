package dev.paperlink.server.workspace;

import dev.paperlink.corpus.source.zotero.sqlite.ZoteroDataDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Follows the user's Zotero database: a daemon thread looks at the size and time of
 * {@code zotero.sqlite}, its {@code -wal} and {@code -journal}, and Better BibTeX's
 * {@code better-bibtex.sqlite} and {@code better-bibtex-search.sqlite} (one {@code stat} each, every
 * {@link #POLL_MS} ms), and asks for an index run once they have stayed the same for
 * {@link #QUIET_MS} ms after a change (a burst of Zotero's writes is one run; while they settle it
 * looks every {@link #SETTLING_POLL_MS} ms). A missing database is said once (until it is found
 * again, or the setting changes), never at every look; when the file appears, a run is asked for.
 */
public final class ZoteroWatch implements AutoCloseable {
    static final long POLL_MS = 1_000;
    static final long SETTLING_POLL_MS = 100;
    static final long QUIET_MS = 300;
    /** The files of a data directory whose changes change what is read. */
    static final List<String> WATCHED = List.of(ZoteroDataDir.DATABASE, "zotero.sqlite-wal", "zotero.sqlite-journal",
            "better-bibtex.sqlite", "better-bibtex-search.sqlite");

    private final Supplier<Optional<ZoteroDataDir.Location>> where;
    private final Runnable askRun;
    private final Consumer<String> warnUser;
    private final ServerLog log;
    private final long pollMs;
    private final long settlingPollMs;
    private final long quietMs;
    private final Object lock = new Object();
    private volatile boolean closed;
    private Thread thread;

    /**
     * @param where    the database to follow (empty while Zotero is off); asked at every look, so it must be cheap
     * @param askRun   asks for a background index run (runs are serialized and coalesced by {@link CorpusService})
     * @param warnUser shows a warning to the user once (the protocol layer: window/showMessage); it is logged here
     */
    public ZoteroWatch(Supplier<Optional<ZoteroDataDir.Location>> where, Runnable askRun, Consumer<String> warnUser, ServerLog log) {
        this(where, askRun, warnUser, log, POLL_MS, SETTLING_POLL_MS, QUIET_MS);
    }

    ZoteroWatch(Supplier<Optional<ZoteroDataDir.Location>> where, Runnable askRun, Consumer<String> warnUser, ServerLog log,
                long pollMs, long settlingPollMs, long quietMs) {
        this.where = where;
        this.askRun = askRun;
        this.warnUser = warnUser;
        this.log = log;
        this.pollMs = pollMs;
        this.settlingPollMs = settlingPollMs;
        this.quietMs = quietMs;
    }

    /** Starts the thread (once; later calls do nothing): it looks at once, then every {@link #POLL_MS} ms. */
    public void start() {
        synchronized (lock) {
            if (thread != null || closed) {
                return;
            }
            thread = new Thread(this::loop, "paperlink-zotero-watch");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** The setting changed: look now (a missing database is said again for the new place). */
    public void wake() {
        synchronized (lock) {
            lock.notifyAll();
        }
    }

    private void loop() {
        Changes changes = new Changes(quietMs);
        Path warnedAbout = null;
        Path followed = null;
        while (!closed) {
            try {
                Optional<ZoteroDataDir.Location> loc = where.get();
                if (loc.isEmpty()) {
                    followed = null;
                    warnedAbout = null;
                    changes = new Changes(quietMs);
                } else {
                    Path db = loc.get().database();
                    if (!db.equals(followed)) { // another database: what is known of the last one does not count
                        followed = db;
                        changes = new Changes(quietMs);
                        if (!db.equals(warnedAbout)) {
                            warnedAbout = null;
                        }
                    }
                    boolean exists = Files.isRegularFile(db);
                    if (!exists && warnedAbout == null) {
                        warnedAbout = db;
                        String message = loc.get().missingMessage() + ". PaperLink reads it as soon as it is there;"
                                + " set paperlink.zotero to your Zotero data directory if it is elsewhere.";
                        log.warn(message);
                        warnUser.accept(message);
                    } else if (exists && warnedAbout != null) {
                        warnedAbout = null;
                        log.info("the Zotero database " + db + " is there now: indexing it");
                    }
                    if (changes.observe(signature(loc.get().dataDir()), System.nanoTime() / 1_000_000)) {
                        log.info("the Zotero database changed: indexing it again");
                        askRun.run();
                    }
                }
                long wait = changes.settling() ? settlingPollMs : pollMs;
                synchronized (lock) {
                    if (!closed) {
                        lock.wait(wait);
                    }
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("watching the Zotero database: " + e);
                try {
                    Thread.sleep(pollMs);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    /** Size and modification time of each watched file ({@code -1} when it is not there): one stat each. */
    static List<Long> signature(Path dataDir) {
        List<Long> out = new ArrayList<>(WATCHED.size() * 2);
        for (String name : WATCHED) {
            try {
                BasicFileAttributes a = Files.readAttributes(dataDir.resolve(name), BasicFileAttributes.class);
                out.add(a.size());
                out.add(a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS));
            } catch (IOException | RuntimeException e) {
                out.add(-1L);
                out.add(-1L);
            }
        }
        return out;
    }

    /**
     * The debounce: what was seen last, and since when it has not changed. The first look only
     * remembers (the run that follows the start or the setting reads the database anyway).
     */
    static final class Changes {
        private final long quietMs;
        private Object last;
        private long changedAt = -1;

        Changes(long quietMs) {
            this.quietMs = quietMs;
        }

        /** What is seen at {@code nowMs}; true when a run is to be asked now. */
        boolean observe(Object seen, long nowMs) {
            if (last == null) {
                last = seen;
                return false;
            }
            if (!Objects.equals(seen, last)) {
                last = seen;
                changedAt = nowMs;
                return false;
            }
            if (changedAt >= 0 && nowMs - changedAt >= quietMs) {
                changedAt = -1;
                return true;
            }
            return false;
        }

        /** Whether a change is waiting to settle (the watch looks more often then). */
        boolean settling() {
            return changedAt >= 0;
        }
    }

    @Override
    public void close() {
        closed = true;
        Thread t;
        synchronized (lock) {
            lock.notifyAll();
            t = thread;
        }
        if (t != null) {
            t.interrupt();
        }
    }
}
