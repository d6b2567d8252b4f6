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

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    /**
     * A run that only adds new files publishes what it has early: first this long after it starts
     * reading, then after twice the time before, and so on (a few small segments in the first
     * seconds, few in all), so that a new bibliography answers while it is read.
     */
    static final long FIRST_PUBLISH_NANOS = 100_000_000L;

    private final IndexWriter writer;
    private final IndexListener listener;
    /** Runs after every commit (the corpus makes it visible to searches, then tells the listener). */
    private final Runnable afterCommit;
    private boolean publishEarly;
    private long nextPublish;
    private long publishInterval = FIRST_PUBLISH_NANOS;

    private final long flushAtBytes;
    /** Whether early publishes are wanted at all (a process that answers while it indexes). */
    private final boolean earlyWanted;

    /** The vector field of the model in use (vectors of unchanged texts are kept), or null. */
    private final String vectorField;

    /** How sources are read (which part of a Zotero database). */
    private dev.paperlink.corpus.source.ReaderOptions options = dev.paperlink.corpus.source.ReaderOptions.DEFAULT;

    /** The fingerprint hash of an item source: not its bytes (its items are compared one by one) but how it was read. */
    private static final String ITEMS = "items:";

    Indexer withOptions(dev.paperlink.corpus.source.ReaderOptions o) {
        this.options = o;
        return this;
    }

    Indexer(IndexWriter writer, IndexListener listener, Runnable afterCommit, long flushAtBytes, boolean earlyWanted) {
        this(writer, listener, afterCommit, flushAtBytes, earlyWanted, null);
    }

    Indexer(IndexWriter writer, IndexListener listener, Runnable afterCommit, long flushAtBytes, boolean earlyWanted, String vectorField) {
        this.vectorField = vectorField;
        this.flushAtBytes = flushAtBytes;
        this.earlyWanted = earlyWanted;
        this.writer = writer;
        this.listener = listener;
        this.afterCommit = afterCommit;
    }

    IndexReport run(List<Path> roots, IndexState previous) throws IOException {
        return run(roots, previous, file -> true);
    }

    /** The files indexed before that are equal to or under one of these paths. */
    static java.util.function.Predicate<String> under(List<Path> paths) {
        List<String> names = paths.stream().map(SourceFiles::name).toList();
        return file -> names.stream().anyMatch(n -> file.equals(n) || file.startsWith(n.endsWith("/") ? n : n + "/"));
    }

    /**
     * One run over {@code roots}; a file indexed before and not found under them is dropped when
     * {@code dropIfAbsent} says so (every such file: the index mirrors the roots; only those under
     * the roots: the roots are added and updated, the other sources kept).
     */
    IndexReport run(List<Path> roots, IndexState previous, java.util.function.Predicate<String> dropIfAbsent) throws IOException {
        long start = System.nanoTime();
        List<Path> unrecognised = new ArrayList<>();
        List<Skip> notWalked = new ArrayList<>();
        List<SourceFile> found = SourceFiles.discover(roots, unrecognised, notWalked);
        notWalked.forEach(listener::skipped);

        Map<String, SourceFingerprint> state = new TreeMap<>(previous.sources());
        Map<String, List<Skip>> skipsByFile = new TreeMap<>(previous.skips());
        Map<String, SourceFile> toRead = new LinkedHashMap<>();
        Map<String, SourceFingerprint> stats = new LinkedHashMap<>();
        int unchanged = 0;
        boolean statsMoved = false;
        Map<String, SourceFile> toRefresh = new LinkedHashMap<>();
        // JSON-lines files that only grew: only their new lines are read (Appended)
        Map<String, Appended> toAppend = new LinkedHashMap<>();
        for (SourceFile f : found) {
            String name = SourceFiles.name(f.path());
            long size = SourceFingerprint.size(f);
            long mtime = SourceFingerprint.mtime(f);
            SourceFingerprint before = state.get(name);
            if (Readers.isItemSource(f.format())) {
                String how = ITEMS + options.variant(f.format());
                boolean sameKind = before != null && before.format().equals(f.format().label()) && before.hash().equals(how);
                if (sameKind && before.sameStat(size, mtime)) {
                    unchanged++;
                    continue;
                }
                // read the same way before: its items are compared one by one; else read whole
                (sameKind ? toRefresh : toRead).put(name, f);
                stats.put(name, new SourceFingerprint(size, mtime, how, f.format().label(), 0, 0));
                continue;
            }
            if (before != null && before.sameStat(size, mtime) && before.format().equals(f.format().label())) {
                unchanged++;
                continue;
            }
            Optional<Appended> grew = before != null && before.format().equals(f.format().label())
                    ? Appended.detect(f, before, size) : Optional.empty();
            if (grew.isPresent()) {
                toAppend.put(name, grew.get());
                stats.put(name, new SourceFingerprint(size, mtime, grew.get().hash(), f.format().label(), 0, 0));
                continue;
            }
            // a new file is hashed while it is read (its first records are indexed sooner); a changed one
            // first, as the same content under a new time is not read again
            String hash = before == null ? "" : SourceFingerprint.hash(f.path());
            if (before != null && before.hash().equals(hash) && before.format().equals(f.format().label())) {
                state.put(name, before.withStat(size, mtime));
                statsMoved = true;
                unchanged++;
                continue;
            }
            toRead.put(name, f);
            stats.put(name, new SourceFingerprint(size, mtime, hash, f.format().label(), 0, 0));
        }
        Set<String> present = found.stream().map(f -> SourceFiles.name(f.path())).collect(Collectors.toSet());
        List<String> removed = state.keySet().stream().filter(s -> !present.contains(s) && dropIfAbsent.test(s)).toList();
        if (toRead.isEmpty() && toRefresh.isEmpty() && toAppend.isEmpty() && removed.isEmpty() && !statsMoved) {
            // nothing to write: no reader, no lanes, no commit (a language server's start on a finished index)
            return new IndexReport(0, unchanged, 0, 0, 0, writer.getDocStats().numDocs, List.copyOf(notWalked),
                    notWalked.isEmpty() ? Map.of() : Map.of("not walked", (long) notWalked.size()), Map.of(), 0,
                    unrecognised.stream().map(Path::toString).toList(), (System.nanoTime() - start) / 1_000_000,
                    List.of(), 0, 0);
        }

        try (ParallelUpdates updates = ParallelUpdates.forThisMachine();
             ClusterLookup lookup = new ClusterLookup(writer, updates, flushAtBytes);
             VectorCarry carry = VectorCarry.open(writer, vectorField);
             ReadAhead readAhead = new ReadAhead()) {
            ClusterWriter clusters = new ClusterWriter(writer, lookup, updates, flushAtBytes, carry, vectorField);
            List<String> dropped = new ArrayList<>(removed);
            // Every file about to be read is dropped first, even one the state does not know: a run
            // killed after an intermediate commit may have left some of its records behind.
            dropped.addAll(toRead.keySet());
            boolean droppedAny = false;
            Dropped gone = new Dropped();
            Set<String> removedSet = new java.util.HashSet<>(removed);
            for (String source : dropped) {
                droppedAny |= dropSource(source, lookup, clusters, removedSet.contains(source) ? gone : new Dropped());
                state.remove(source);
                skipsByFile.remove(source);
            }
            lookup.refresh();
            // Early commits would show a changed file half read where its old version was whole:
            // only a run that removes nothing publishes before its end.
            // (nor one that appends: what it committed early of a file's new lines would be read again after a crash)
            publishEarly = earlyWanted && !droppedAny && toRefresh.isEmpty() && toAppend.isEmpty() && !toRead.isEmpty();
            nextPublish = System.nanoTime() + FIRST_PUBLISH_NANOS;

            long totalBytes = toRead.values().stream().mapToLong(f -> size(f.path())).sum()
                    + toAppend.entrySet().stream().mapToLong(e -> stats.get(e.getKey()).size() - e.getValue().offset()).sum();
            Counter counter = new Counter();
            counter.skips.addAll(notWalked);
            int i = 0;
            for (var entry : toRead.entrySet()) {
                i++;
                SourceFile file = entry.getValue();
                listener.sourceStarted(entry.getKey(), file.format().label(), i, toRead.size());
                long recordsBefore = counter.records;
                long skipsBefore = counter.skips.size();
                if (Readers.isItemSource(file.format())) {
                    readItems(entry.getKey(), file, null, clusters, counter, state, skipsByFile, stats.get(entry.getKey()));
                    counter.recordsByFormat.merge(file.format().label(), counter.records - recordsBefore, Long::sum);
                    maybePublish(clusters, state, skipsByFile);
                    continue;
                }
                String hash = readOne(entry.getKey(), file, readAhead, clusters, counter, totalBytes, state, skipsByFile, null);
                counter.recordsByFormat.merge(file.format().label(), counter.records - recordsBefore, Long::sum);
                state.put(entry.getKey(), stats.get(entry.getKey()).withHash(hash)
                        .withCounts(counter.records - recordsBefore, counter.skips.size() - skipsBefore).readAt(System.currentTimeMillis()));
                List<Skip> fileSkips = counter.skips.subList((int) skipsBefore, counter.skips.size());
                skipsByFile.put(entry.getKey(), List.copyOf(fileSkips.subList(0, Math.min(fileSkips.size(), dev.paperlink.corpus.IndexedSource.MAX_SKIPS_KEPT))));
                if (counter.records - counter.recordsAtCommit >= COMMIT_EVERY_RECORDS) {
                    clusters.flushBuffers();
                    commit(state, skipsByFile);
                    counter.recordsAtCommit = counter.records;
                } else {
                    maybePublish(clusters, state, skipsByFile);
                }
            }
            for (var entry : toAppend.entrySet()) {
                i++;
                String name = entry.getKey();
                SourceFile file = found.stream().filter(f -> SourceFiles.name(f.path()).equals(name)).findFirst().orElseThrow();
                listener.sourceStarted(name, file.format().label(), i, toRead.size() + toAppend.size() + toRefresh.size());
                long recordsBefore = counter.records;
                long skipsBefore = counter.skips.size();
                SourceFingerprint old = state.get(name);
                readOne(name, file, readAhead, clusters, counter, totalBytes, state, skipsByFile, entry.getValue());
                counter.recordsByFormat.merge(file.format().label(), counter.records - recordsBefore, Long::sum);
                state.put(name, stats.get(name).withCounts(old.records() + counter.records - recordsBefore,
                        old.skips() + counter.skips.size() - skipsBefore).readAt(System.currentTimeMillis()));
                List<Skip> fileSkips = new ArrayList<>(skipsByFile.getOrDefault(name, List.of()));
                fileSkips.addAll(counter.skips.subList((int) skipsBefore, counter.skips.size()));
                skipsByFile.put(name, List.copyOf(fileSkips.subList(0, Math.min(fileSkips.size(), dev.paperlink.corpus.IndexedSource.MAX_SKIPS_KEPT))));
            }
            for (var entry : toRefresh.entrySet()) {
                i++;
                listener.sourceStarted(entry.getKey(), entry.getValue().format().label(), i, toRead.size() + toRefresh.size());
                long recordsBefore = counter.records;
                readItems(entry.getKey(), entry.getValue(), lookup, clusters, counter, state, skipsByFile, stats.get(entry.getKey()));
                counter.recordsByFormat.merge(entry.getValue().format().label(), counter.records - recordsBefore, Long::sum);
            }
            clusters.flushBuffers();
            commit(state, skipsByFile);
            lookup.refresh();
            long papers = lookup.reader().numDocs();
            Map<String, Long> byReason = counter.skips.stream()
                    .collect(Collectors.groupingBy(Skip::reason, TreeMap::new, Collectors.counting()));
            return new IndexReport(toRead.size() + toAppend.size() + toRefresh.size(), unchanged, removed.size(), counter.records, clusters.merged(), papers,
                    List.copyOf(counter.skips), byReason, counter.recordsByFormat, counter.bytesDone,
                    unrecognised.stream().map(Path::toString).toList(), (System.nanoTime() - start) / 1_000_000,
                    removed, gone.papers, gone.kept.size());
        }
    }

    /** What dropping the files that are gone did: papers deleted, papers that kept records of other files. */
    private static final class Dropped {
        long papers;
        final Set<String> kept = new java.util.HashSet<>();
    }

    /**
     * Reads one file (parsed on the read-ahead thread) into the clusters (merged and written on
     * this one), or only its appended part; returns the hash of the bytes read, as {@link SourceFingerprint#hash} makes it.
     */
    @SuppressWarnings("UnstableApiUsage")
    private String readOne(String name, SourceFile file, ReadAhead readAhead, ClusterWriter clusters, Counter counter,
            long totalBytes, Map<String, SourceFingerprint> state, Map<String, List<Skip>> skipsByFile, Appended appended) throws IOException {
        long bytesBefore = counter.bytesDone;
        java.io.InputStream raw = Files.newInputStream(file.path());
        if (appended != null) {
            try {
                raw.skipNBytes(appended.offset());
            } catch (IOException e) {
                raw.close();
                throw e;
            }
        }
        try (com.google.common.hash.HashingInputStream hashing = new com.google.common.hash.HashingInputStream(
                     com.google.common.hash.Hashing.murmur3_128(), raw);
             CountingInputStream counting = new CountingInputStream(hashing);
             Reader text = SourceFiles.decode(new java.io.FilterInputStream(counting) {
                 @Override
                 public void close() {
                     // the file is closed here, after the bytes the reader left are hashed too
                 }
             })) {
            RecordSink sink = sink(name, clusters, counter, state, skipsByFile, () -> {
                // the read-ahead thread moves the count on: a progress figure, a little ahead
                counter.bytesDone = bytesBefore + counting.getCount();
                listener.progress(counter.bytesDone, totalBytes, counter.records);
            });
            try {
                readAhead.read(appended == null ? Readers.forFormat(file.format()) : Readers.fromLine(file.format(), appended.firstLine()),
                        name, text, sink);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            } catch (RuntimeException e) {
                // A reader bug must not lose the rest of the corpus: report it against the file.
                sink.skip(new Skip(name, 1, "reader error", "could not read the rest of the file: " + e));
            }
            com.google.common.io.ByteStreams.exhaust(counting); // what the reader left unread still counts in the hash
            counter.bytesDone = bytesBefore + counting.getCount();
            listener.progress(counter.bytesDone, totalBytes, counter.records);
            return hashing.hash().toString();
        }
    }

    /**
     * Reads an item source (a Zotero database): whole ({@code lookup} null: its records were dropped
     * before), or only its changed items. A source that cannot be read now keeps what was indexed of
     * it, and its old fingerprint, so that the next run tries again.
     */
    private void readItems(String name, SourceFile file, ClusterLookup lookup, ClusterWriter clusters, Counter counter,
            Map<String, SourceFingerprint> state, Map<String, List<Skip>> skipsByFile, SourceFingerprint fingerprint) throws IOException {
        long skipsBefore = counter.skips.size();
        RecordSink sink = sink(name, clusters, counter, state, skipsByFile, () -> { });
        SourceFingerprint before = state.get(name);
        try (dev.paperlink.corpus.source.ItemSource items = Readers.openItems(file, name, options)) {
            items.notes().forEach(sink::skip);
            long records;
            try {
                if (lookup == null) {
                    long recordsBefore = counter.records;
                    items.read(id -> true, sink);
                    records = counter.records - recordsBefore;
                } else {
                    ItemRefresh.Counts c = ItemRefresh.run(name, items, lookup, clusters, sink);
                    records = Math.max(0, (before == null ? 0 : before.records()) - c.removed() + c.read());
                    listener.refreshed(name, c.removed(), c.read(), c.unchanged());
                }
            } catch (UncheckedIOException e) {
                throw e.getCause();
            } catch (RuntimeException e) {
                // a reader bug must not lose the rest of the corpus: reported against the database, read again next run
                sink.skip(new Skip(name, 0, "reader error", "could not read the rest of the database: " + e));
                return;
            }
            state.put(name, fingerprint.withCounts(records, counter.skips.size() - skipsBefore).readAt(System.currentTimeMillis()));
            List<Skip> fileSkips = counter.skips.subList((int) skipsBefore, counter.skips.size());
            skipsByFile.put(name, List.copyOf(fileSkips.subList(0, Math.min(fileSkips.size(), dev.paperlink.corpus.IndexedSource.MAX_SKIPS_KEPT))));
        } catch (dev.paperlink.corpus.source.ItemSource.Unreadable e) {
            sink.skip(e.skip());
            if (lookup == null) { // never read: known as unreadable until it changes
                state.put(name, fingerprint.withCounts(0, 1).readAt(System.currentTimeMillis()));
                skipsByFile.put(name, List.of(e.skip()));
            }
        }
        counter.bytesDone += size(file.path());
    }

    /** Where the records of one file go: checked, merged into their papers, counted, published early when due. */
    private RecordSink sink(String name, ClusterWriter clusters, Counter counter, Map<String, SourceFingerprint> state,
            Map<String, List<Skip>> skipsByFile, Runnable everyThousand) {
        return new RecordSink() {
            @Override
            public void accept(Paper paper) {
                Optional<String> overlong = PaperDocuments.overlongValue(paper);
                if (overlong.isPresent()) { // it would be a term Lucene refuses, and fail the whole run
                    skip(new Skip(name, paper.primarySource().map(s -> s.startLine()).orElse(1), "too long", overlong.get()));
                    return;
                }
                try {
                    clusters.add(paper);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                counter.records++;
                if (publishEarly && (counter.records & 255) == 0) {
                    try {
                        maybePublish(clusters, state, skipsByFile); // the file being read is not in the state yet
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                if ((counter.records & 1023) == 0) {
                    everyThousand.run();
                }
            }

            @Override
            public void skip(Skip skip) {
                counter.skips.add(skip);
                listener.skipped(skip);
            }
        };
    }

    /** An early commit, when one is due: the files read so far with their fingerprints, the records of the one being read. */
    private void maybePublish(ClusterWriter clusters, Map<String, SourceFingerprint> state, Map<String, List<Skip>> skipsByFile)
            throws IOException {
        if (!publishEarly || System.nanoTime() < nextPublish) {
            return;
        }
        clusters.flushBuffers();
        commit(state, skipsByFile);
        publishInterval *= 2;
        nextPublish = System.nanoTime() + publishInterval;
    }

    /** Removes every record of a source file (papers that have records from other files keep those); whether it had any. */
    private boolean dropSource(String source, ClusterLookup lookup, ClusterWriter clusters, Dropped counts) throws IOException {
        if (!lookup.hasSource(source)) {
            return false;
        }
        lookup.refresh();
        // The papers of the file are read DROP_BATCH at a time (a 2.6-million-record snapshot read at once would
        // need gigabytes), from this reader, kept open while the writes below refresh the lookup's.
        org.apache.lucene.index.DirectoryReader reader = lookup.reader();
        reader.incRef();
        try {
            int[] docs = docsWith(reader, new Term(PaperFields.SOURCE, source));
            for (int from = 0; from < docs.length; from += DROP_BATCH) {
                int[] batch = java.util.Arrays.copyOfRange(docs, from, Math.min(docs.length, from + DROP_BATCH));
                dropFrom(source, PaperRecords.read(reader, batch), clusters, counts);
            }
        } finally {
            reader.decRef();
        }
        return true;
    }

    /** Papers read at a time when a file's records are dropped. */
    static final int DROP_BATCH = 1024;

    /** The live documents with this term, as top-level document numbers in increasing order (4 bytes each). */
    private static int[] docsWith(org.apache.lucene.index.IndexReader reader, Term term) throws IOException {
        int[] docs = new int[1024];
        int n = 0;
        for (org.apache.lucene.index.LeafReaderContext ctx : reader.leaves()) {
            org.apache.lucene.index.PostingsEnum postings = ctx.reader().postings(term, org.apache.lucene.index.PostingsEnum.NONE);
            if (postings == null) {
                continue;
            }
            org.apache.lucene.util.Bits live = ctx.reader().getLiveDocs();
            for (int d = postings.nextDoc(); d != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS; d = postings.nextDoc()) {
                if (live == null || live.get(d)) {
                    if (n == docs.length) {
                        docs = java.util.Arrays.copyOf(docs, n * 2);
                    }
                    docs[n++] = ctx.docBase + d;
                }
            }
        }
        return java.util.Arrays.copyOf(docs, n);
    }

    private static void dropFrom(String source, Cluster[] affected, ClusterWriter clusters, Dropped counts) throws IOException {
        for (Cluster c : affected) {
            List<Paper> kept = c.parts().stream()
                    .filter(p -> p.sources().stream().map(SourceSpan::file).noneMatch(source::equals))
                    .toList();
            if (kept.isEmpty()) {
                clusters.delete(c.id());
                counts.papers++;
                counts.kept.remove(c.id());
            } else {
                clusters.write(new Cluster(c.id(), c.generatedKey(), kept));
                counts.kept.add(c.id());
            }
        }
    }

    private void commit(Map<String, SourceFingerprint> sources, Map<String, List<Skip>> skips) throws IOException {
        IndexState state = new IndexState(IndexState.SCHEMA_VERSION, sources, skips);
        writer.setLiveCommitData(state.toCommitData().entrySet());
        writer.commit();
        afterCommit.run();
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
