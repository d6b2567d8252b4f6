package dev.paperlink.corpus.index;

import dev.paperlink.corpus.Corpus;
import dev.paperlink.corpus.spi.EmbeddedBackend;

import java.io.IOException;
import java.nio.file.Path;

/** The embedded Lucene index as the {@link EmbeddedBackend} {@link Corpus#open} uses (META-INF/services). */
public final class LuceneBackend implements EmbeddedBackend {
    @Override
    public Corpus open(Path indexDir, boolean readOnly) throws IOException {
        return LuceneCorpus.open(indexDir, readOnly);
    }

    @Override
    public Corpus openForServer(Path indexDir, long indexingBufferBytes) throws IOException {
        return LuceneCorpus.openForServer(indexDir, indexingBufferBytes);
    }
}
