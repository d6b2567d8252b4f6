package dev.paperlink.corpus.source;

import java.io.IOException;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * A source whose records can be listed, each with a revision, and read one by one: a database
 * rather than a text. The index re-reads only the records whose revision changed. A record's id
 * is its {@code SourceSpan.startLine}; its revision is kept in its raw fields under {@link #REVISION}.
 */
public interface ItemSource extends AutoCloseable {
    /** The raw field of each record that holds its revision. */
    String REVISION = "source.revision";

    /** Every record the source holds now (of the part chosen): record id to revision. */
    Map<Integer, String> revisions() throws IOException;

    /** Reads the records whose id passes, in id order; what cannot be read is reported as a skip. */
    void read(IntPredicate which, RecordSink sink) throws IOException;

    /** Skips about the source as a whole (a newer schema than known, a stale key file), reported once per read. */
    java.util.List<Skip> notes();

    @Override
    void close() throws IOException;

    /** The source cannot be read at all now (not a database of this kind, damaged): what is indexed stays. */
    final class Unreadable extends Exception {
        private final transient Skip skip;

        public Unreadable(Skip skip) {
            super(skip.message());
            this.skip = skip;
        }

        public Skip skip() {
            return skip;
        }
    }
}
