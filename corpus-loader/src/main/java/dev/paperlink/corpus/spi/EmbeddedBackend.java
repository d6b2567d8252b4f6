package dev.paperlink.corpus.spi;

import dev.paperlink.corpus.Corpus;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ServiceLoader;

/**
 * The embedded index's opening functions, behind {@link Corpus#open} and its siblings: the corpus
 * API names no implementation of itself (issue 16). The embedded Lucene backend provides it
 * ({@code META-INF/services}); the composition root (command line, server) picks a backend: this
 * one by default, the Solr one ({@code dev.paperlink.corpus.solr.SolrCorpus}) when configured.
 */
public interface EmbeddedBackend {
    Corpus open(Path indexDir, boolean readOnly) throws IOException;

    Corpus openForServer(Path indexDir, long indexingBufferBytes) throws IOException;

    /** The one on the class path (corpus-loader's own). */
    static EmbeddedBackend get() {
        return Holder.BACKEND;
    }

    final class Holder {
        private static final EmbeddedBackend BACKEND = ServiceLoader.load(EmbeddedBackend.class, EmbeddedBackend.class.getClassLoader())
                .findFirst().orElseThrow(() -> new IllegalStateException("no embedded corpus backend on the class path"));

        private Holder() {
        }
    }
}
