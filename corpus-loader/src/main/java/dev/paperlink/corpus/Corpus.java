package dev.paperlink.corpus;

import dev.paperlink.corpus.model.Hit;
import dev.paperlink.corpus.model.Paper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The corpus: papers from every source file, kept in a persistent index. This is the API the
 * command line and the language server use; no Lucene type crosses it.
 *
 * <p>Searches answer from the last committed index, also while {@link #index} runs.
 *
 * <p>Two backends implement it: the embedded Lucene index ({@link #open} and its siblings, through
 * {@link dev.paperlink.corpus.spi.EmbeddedBackend}: this interface names no implementation) and a
 * shared SolrCloud collection ({@code dev.paperlink.corpus.solr.SolrCorpus.open}); the command line
 * and the server pick one from their configuration.
 */
public interface Corpus extends PaperQueries, AutoCloseable {

    /** Opens (creating if needed) the index in {@code indexDir} for reading and indexing. */
    static Corpus open(Path indexDir) throws IOException {
        return dev.paperlink.corpus.spi.EmbeddedBackend.get().open(indexDir, false);
    }

    /**
     * As {@link #open(Path)}, for a long-running process that keeps its memory small (a language
     * server): an indexing buffer of {@code indexingBufferBytes} (segments are written whenever it
     * holds that much; a bigger buffer indexes big inputs faster, into fewer segments), the
     * index files read through the page cache rather than mapped into the process, and a new
     * file published early while it is read (its first papers answer within a second; a run
     * killed then leaves those records in the last commit, outside the files it lists, and the
     * next run drops them before it reads the file again).
     */
    static Corpus openForServer(Path indexDir, long indexingBufferBytes) throws IOException {
        return dev.paperlink.corpus.spi.EmbeddedBackend.get().openForServer(indexDir, indexingBufferBytes);
    }

    /** Opens an existing index for reading only (no lock taken; another process may index). */
    static Corpus openReadOnly(Path indexDir) throws IOException {
        return dev.paperlink.corpus.spi.EmbeddedBackend.get().open(indexDir, true);
    }

    /**
     * Brings the index in line with the source files under {@code roots}: new and changed files are
     * read, files indexed before and no longer found are dropped, unchanged files are not read.
     */
    IndexReport index(List<Path> roots, IndexListener listener) throws IOException;

    /**
     * Adds and updates the sources under {@code roots} (what {@code paperlink index PATH...} does):
     * new and changed files under them are read, files indexed before under them that are gone are
     * dropped; every other source the index holds is kept.
     */
    IndexReport add(List<Path> roots, IndexListener listener) throws IOException;

    /**
     * How sources are read from the next run on (which part of a Zotero database); a file read
     * before under other options is read again by that run. {@link dev.paperlink.corpus.source.ReaderOptions#DEFAULT} until set.
     */
    void useReaderOptions(dev.paperlink.corpus.source.ReaderOptions options);

    /** Drops every source file equal to or under one of {@code paths} (the files need not exist any more). */
    IndexReport remove(List<Path> paths, IndexListener listener) throws IOException;

    /** The same questions, asked of the papers that have a record in one of these files only. */
    PaperQueries within(java.util.Collection<Path> files);

    /**
     * The file as the last published commit holds it: empty when it was never indexed, or while it
     * is being read for the first time (its records may already answer, see {@link IndexListener#published}).
     */
    Optional<IndexedSource> indexedSource(Path file);

    /**
     * Why the index was found damaged (when it was opened: a truncated or garbled file, a missing
     * one; or by {@link #verify()}: bytes that do not match a checksum) and emptied, so that the
     * next run reads every source again; empty when it was whole.
     */
    Optional<String> repaired();

    /**
     * Checks every file of the last commit against its checksum (reads the whole index: seconds
     * for a few GB). A damaged index this process writes is emptied, as at open, so that the next
     * run reads every source again (then {@link #repaired()} says so too); a read-only one is only
     * reported. Why it is damaged, or empty when it is whole.
     */
    Optional<String> verify() throws IOException;

    /**
     * The embedding model related papers are ranked with besides words, once every paper has its
     * vector ({@link #embedMissing}); none (the default): words alone.
     */
    void useEmbedder(java.util.Optional<dev.paperlink.corpus.embed.Embedder> embedder);

    /**
     * Makes the vectors of up to {@code max} papers that have none (new or changed since), then
     * commits and publishes them. Never during an index run (they wait for each other). What is
     * left; empty without an embedder.
     */
    Optional<EmbeddingStatus> embedMissing(int max) throws IOException;

    /** How far the embeddings are, as the last publish has them; empty without an embedder. */
    Optional<EmbeddingStatus> embeddingStatus();

    /** Goes up by one at every published commit: what was derived from the index before is stale. */
    long generation();

    /**
     * Picks up a commit another process made (an index opened read-only while {@code paperlink
     * index} runs); cheap when there is none. Whether there was one.
     */
    boolean refresh() throws IOException;

    /** BM25 over title, authors and abstract. */
    List<Hit> search(String text, int limit);

    /** The papers most related to a passage of text (a paragraph of notes, an abstract). */
    default List<Hit> related(String passage, int limit) {
        return related(dev.paperlink.corpus.model.Passage.of(passage), limit);
    }

    /**
     * Plain BM25 (k1 = 0.9, b = 0.4) over title, keywords and abstract, Porter-stemmed, with every
     * word of the passage: the baseline {@link #related} is measured against, in the same run.
     */
    List<Hit> relatedBaseline(String passage, int limit);

    /** Up to {@code n} papers picked at random (seeded: the same seed gives the same papers). */
    List<Paper> sample(int n, long seed);

    CorpusStats stats() throws IOException;

    Path indexDir();

    @Override
    void close() throws IOException;
}
