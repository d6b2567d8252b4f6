package dev.paperlink.corpus;

import dev.paperlink.corpus.source.Skip;

/** Hears how an indexing run goes; every method has a no-op default. Called on the indexing thread. */
public interface IndexListener {
    IndexListener NONE = new IndexListener() { };

    /** A source file is about to be read ({@code index} counts from 1). */
    default void sourceStarted(String file, String format, int index, int total) {
    }

    /** Progress over all files to read: bytes of input consumed (compressed size for .gz) and records read. */
    default void progress(long bytesDone, long bytesTotal, long records) {
    }

    /** A record could not be loaded. */
    default void skipped(Skip skip) {
    }

    /**
     * A database source (a Zotero library) was brought up to date item by item: {@code removed}
     * records taken out (changed or gone), {@code read} read again (new or changed), {@code unchanged} left as they were.
     */
    default void refreshed(String file, int removed, int read, int unchanged) {
    }

    /**
     * What was indexed so far is now visible to searches: after the run's final commit, and after
     * the early commits of a first reading (a few in the first seconds, then fewer and fewer), so
     * that a new corpus answers while it is still being read.
     */
    default void published() {
    }
}
