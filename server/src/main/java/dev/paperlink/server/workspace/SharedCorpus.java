package dev.paperlink.server.workspace;

import dev.paperlink.corpus.solr.SolrCorpus;
import dev.paperlink.corpus.solr.SolrSettings;
import dev.paperlink.server.feature.LayeredLookup;
import dev.paperlink.server.feature.PaperLookup;

import java.util.Optional;

/**
 * The team's shared corpus on SolrCloud ({@code paperlink serve --solr URL}, or {@code $PAPERLINK_SOLR}),
 * one per server process, asked after the workspace's own index: the user's own bibliography keys
 * win, and completion and hover keep answering from them while the cluster is unreachable
 * ({@link SolrCorpus#connect}: no question waits longer than the query timeout, one warning per outage).
 */
public final class SharedCorpus {
    private static volatile SolrCorpus corpus;
    private static volatile PaperLookup lookup;
    private static volatile SolrCorpus.AvailabilityListener availability = SolrCorpus.AvailabilityListener.NONE;
    private static Thread warming;

    private SharedCorpus() {
    }

    /** Connects (lazily: the first question connects) to the shared corpus. */
    public static synchronized void use(SolrSettings settings) {
        SolrCorpus c = SolrCorpus.connect(settings);
        c.onAvailability(availability);
        SolrCorpus before = corpus;
        corpus = c;
        lookup = PaperLookup.of(c);
        Thread warm = new Thread(c::warmUp, "paperlink-solr-warm-up");
        warm.setDaemon(true);
        warm.start();
        warming = warm;
        if (before != null) { // the setting named another cluster: the old one's clients go
            close(before);
        }
    }

    /**
     * Closes the shared corpus: its warm-up, its questions sent ahead and its HTTP clients' threads
     * end here, before the server's JVM exits. (A JVM that writes its AppCDS archive at exit,
     * as bin/paperlink's does at its first start, crashed when such a thread linked a lambda just
     * after the archive was written: JDK 25.0.3, dynamic archive, 2 of 48 starts in one series; not
     * seen since, with or without this, so the fix is not proven by a measurement.)
     */
    public static synchronized void close() {
        Thread warm = warming;
        warming = null;
        if (warm != null) { // not interrupted: SolrJ's client, interrupted while it is made, waits a minute for its threads
            try {
                warm.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        SolrCorpus c = corpus;
        corpus = null;
        lookup = null;
        if (c != null) {
            close(c);
        }
    }

    private static void close(SolrCorpus c) {
        try {
            c.close();
        } catch (java.io.IOException | RuntimeException e) {
            java.util.logging.Logger.getLogger(SharedCorpus.class.getName()).fine("closing the shared corpus: " + e);
        }
    }

    /** Who hears when the cluster stops answering and when it is back (the language server, to tell its user once). */
    public static synchronized void onAvailability(SolrCorpus.AvailabilityListener listener) {
        availability = listener;
        SolrCorpus c = corpus;
        if (c != null) {
            c.onAvailability(listener);
        }
    }

    public static Optional<SolrCorpus> corpus() {
        return Optional.ofNullable(corpus);
    }

    /** The workspace's own corpus first, then the shared one when there is one. */
    static PaperLookup over(PaperLookup local) {
        PaperLookup shared = lookup;
        return shared == null ? local : new LayeredLookup(local, shared);
    }
}
