package dev.paperlink.corpus.source;

import dev.paperlink.corpus.model.Paper;

/**
 * Where a reader sends what it reads, record by record, so that no reader holds a whole file.
 * A reader calls {@link #accept} for each good record and {@link #skip} for each broken one;
 * it never throws for bad content (only {@link java.io.IOException} for unreadable files).
 */
public interface RecordSink {

    void accept(Paper paper);

    void skip(Skip skip);
}
