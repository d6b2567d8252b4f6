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
}
