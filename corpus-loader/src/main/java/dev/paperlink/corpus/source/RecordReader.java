package dev.paperlink.corpus.source;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads one source file of one format and streams its records to a sink. Implementations keep
 * memory bounded by the size of one record (plus format state such as BibTeX {@code @string}
 * macros), report every broken record through {@link RecordSink#skip} and never let an exception
 * other than {@link IOException} escape.
 */
public interface RecordReader {

    /**
     * @param file  the file name used in provenance and messages (as given by the user)
     * @param input the decoded text (gzip already undone)
     */
    void read(String file, Reader input, RecordSink sink) throws IOException;
}
