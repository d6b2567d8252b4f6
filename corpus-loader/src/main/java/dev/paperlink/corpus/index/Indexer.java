package dev.paperlink.corpus.index;

import com.google.common.io.CountingInputStream;
import dev.paperlink.corpus.IndexListener;
import dev.paperlink.corpus.IndexReport;
import dev.paperlink.corpus.model.Paper;
import dev.paperlink.corpus.model.SourceSpan;
import dev.paperlink.corpus.source.Readers;
import dev.paperlink.corpus.source.RecordSink;
import dev.paperlink.corpus.source.Skip;
import dev.paperlink.corpus.source.SourceFiles;
import dev.paperlink.corpus.source.SourceFiles.SourceFile;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One incremental indexing run: finds the source files under the given paths, drops the records
 * of files that changed or disappeared, reads new and changed files and commits, together with
 * the new fingerprints. Unchanged files are not read. A run killed half-way leaves the last
 * commit intact; the files it had not committed are read again next time.
 */
final class Indexer {
    /** Commit at least this often while reading big inputs, so a crash loses little work. */
    private static final long COMMIT_EVERY_RECORDS = 500_000;

    private final IndexWriter writer;
    private final IndexListener listener;

    Indexer(IndexWriter writer, IndexListener listener) {
        this.writer = writer;
        this.listener = listener;
    }

    IndexReport run(List<Path> roots, IndexState previous) throws IOException {
        long start = System.nanoTime();
        List<Path> unrecognised = new ArrayList<>();
        List<SourceFile> found = SourceFiles.discover(roots, unrecognised);

        Map<String, SourceFingerprint> state = new TreeMap<>(previous.sources());
        Map<String, SourceFile> toRead = new LinkedHashMap<>();
        Map<String, SourceFingerprint> stats = new LinkedHashMap<>();
        int unchanged = 0;
        for (SourceFile f : found) {
            String name = name(f.path());
            long size = Files.size(f.path());
            long mtime = SourceFingerprint.mtime(f.path());
            SourceFingerprint before = state.get(name);
            if (before != null && before.sameStat(size, mtime) && before.format().equals(f.format().label())) {
                unchanged++;
                continue;
            }
            String hash = SourceFingerprint.hash(f.path());
            if (before != null && before.hash().equals(hash) && before.format().equals(f.format().label())) {
                state.put(name, before.withStat(size, mtime));
                unchanged++;
                continue;
            }
            toRead.put(name, f);
            stats.put(name, new SourceFingerprint(size, mtime, hash, f.format().label(), 0, 0));
        }
        Set<String> present = found.stream().map(f -> name(f.path())).collect(Collectors.toSet());
        List<String> removed = state.keySet().stream().filter(s -> !present.contains(s)).toList();

        try (ParallelUpdates updates = ParallelUpdates.forThisMachine();
             ClusterLookup lookup = new ClusterLookup(writer, updates);
             ReadAhead readAhead = new ReadAhead()) {
            ClusterWriter clusters = new ClusterWriter(writer, lookup, updates);
            List<String> dropped = new ArrayList<>(removed);
            // Every file about to be read is dropped first, even one the state does not know: a run
            // killed after an intermediate commit may have left some of its records behind.
            dropped.addAll(toRead.keySet());
            for (String source : dropped) {
                dropSource(source, lookup, clusters);
                state.remove(source);
            }
            lookup.refresh();

            long totalBytes = toRead.values().stream().mapToLong(f -> size(f.path())).sum();
            Counter counter = new Counter();
            int i = 0;
            for (var entry : toRead.entrySet()) {
                i++;
                SourceFile file = entry.getValue();
                listener.sourceStarted(entry.getKey(), file.format().label(), i, toRead.size());
                long recordsBefore = counter.records;
                long skipsBefore = counter.skips.size();
                readOne(entry.getKey(), file, readAhead, clusters, counter, totalBytes);
                counter.recordsByFormat.merge(file.format().label(), counter.records - recordsBefore, Long::sum);
                state.put(entry.getKey(), stats.get(entry.getKey())
                        .withCounts(counter.records - recordsBefore, counter.skips.size() - skipsBefore));
                if (counter.records - counter.recordsAtCommit >= COMMIT_EVERY_RECORDS) {
                    clusters.flushBuffers();
                    commit(state);
                    counter.recordsAtCommit = counter.records;
                }
            }
            clusters.flushBuffers();
            commit(state);
            lookup.refresh();
            long papers = lookup.reader().numDocs();
            Map<String, Long> byReason = counter.skips.stream()
                    .collect(Collectors.groupingBy(Skip::reason, TreeMap::new, Collectors.counting()));
            return new IndexReport(toRead.size(), unchanged, removed.size(), counter.records, clusters.merged(), papers,
                    List.copyOf(counter.skips), byReason, counter.recordsByFormat, counter.bytesDone,
                    unrecognised.stream().map(Path::toString).toList(), (System.nanoTime() - start) / 1_000_000);
        }
    }

    /** Reads one file (parsed on the read-ahead thread) into the clusters (merged and written on this one). */
    private void readOne(String name, SourceFile file, ReadAhead readAhead, ClusterWriter clusters, Counter counter,
            long totalBytes) throws IOException {
        long bytesBefore = counter.bytesDone;
        try (CountingInputStream counting = new CountingInputStream(Files.newInputStream(file.path()));
             Reader text = SourceFiles.decode(counting)) {
            RecordSink sink = new RecordSink() {
                @Override
                public void accept(Paper paper) {
                    try {
                        clusters.add(paper);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    counter.records++;
                    if ((counter.records & 1023) == 0) {
                        // the read-ahead thread moves the count on: a progress figure, a little ahead
                        counter.bytesDone = bytesBefore + counting.getCount();
                        listener.progress(counter.bytesDone, totalBytes, counter.records);
                    }
                }

                @Override
                public void skip(Skip skip) {
                    counter.skips.add(skip);
                    listener.skipped(skip);
                }
            };
            try {
                readAhead.read(Readers.forFormat(file.format()), name, text, sink);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            } catch (RuntimeException e) {
                // A reader bug must not lose the rest of the corpus: report it against the file.
                sink.skip(new Skip(name, 1, "reader error", "could not read the rest of the file: " + e));
            }
            counter.bytesDone = bytesBefore + counting.getCount();
            listener.progress(counter.bytesDone, totalBytes, counter.records);
        }
    }

    /** Removes every record of a source file; papers that have records from other files keep those. */
    private void dropSource(String source, ClusterLookup lookup, ClusterWriter clusters) throws IOException {
        if (!lookup.hasSource(source)) {
            return;
        }
        lookup.refresh();
        IndexSearcher searcher = new IndexSearcher(lookup.reader());
        TopDocs top = searcher.search(new TermQuery(new Term(PaperFields.SOURCE, source)), Integer.MAX_VALUE);
        List<Cluster> affected = List.of(PaperRecords.read(lookup.reader(), top.scoreDocs));
        for (Cluster c : affected) {
            List<Paper> kept = c.parts().stream()
                    .filter(p -> p.sources().stream().map(SourceSpan::file).noneMatch(source::equals))
                    .toList();
            if (kept.isEmpty()) {
                clusters.delete(c.id());
            } else {
                clusters.write(new Cluster(c.id(), c.generatedKey(), kept));
            }
        }
    }

    private void commit(Map<String, SourceFingerprint> sources) throws IOException {
        IndexState state = new IndexState(IndexState.SCHEMA_VERSION, sources);
        writer.setLiveCommitData(state.toCommitData().entrySet());
        writer.commit();
    }

    static String name(Path p) {
        return p.toAbsolutePath().normalize().toString();
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }

    private static final class Counter {
        long records;
        long recordsAtCommit;
        long bytesDone;
        final List<Skip> skips = new ArrayList<>();
        final Map<String, Long> recordsByFormat = new TreeMap<>();
    }
}
