package dev.paperlink.corpus.solr;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.hash.Hashing;
import com.google.common.io.MoreFiles;
import dev.paperlink.corpus.IndexListener;
import dev.paperlink.corpus.IndexReport;
import dev.paperlink.corpus.IndexedSource;
import dev.paperlink.corpus.merge.CitationKeys;
import dev.paperlink.corpus.merge.MatchKeys;
import dev.paperlink.corpus.model.Paper;
import dev.paperlink.corpus.model.SourceSpan;
import dev.paperlink.corpus.source.ItemSource;
import dev.paperlink.corpus.source.ReaderOptions;
import dev.paperlink.corpus.source.Readers;
import dev.paperlink.corpus.source.RecordSink;
import dev.paperlink.corpus.source.Skip;
import dev.paperlink.corpus.source.SourceFiles;
import dev.paperlink.corpus.source.SourceFiles.SourceFile;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.CloudHttp2SolrClient;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.params.CursorMarkParams;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * One incremental indexing run into the collection, as the embedded Indexer: discover the files,
 * compare them with the fingerprints stored in the collection (one "source" document per file:
 * size, time, content hash, counts, its first skips), drop the records of changed and vanished
 * files (papers keep their records from other files), read new and changed files with the same
 * readers, merge each record into its paper by {@link MatchKeys} or start a paper with the same
 * stable id ({@link CitationKeys#baseId}) and generated key, and send the documents in batches.
 * The fingerprints are written with the records and committed with them at the end of the run (and
 * every {@value #COMMIT_EVERY_RECORDS} records of a big input, with the files finished so far).
 *
 * <p>Lookups while a run writes: what this run changed since its last commit is kept in memory
 * (Solr's searches see only committed documents); older papers are found by a query on their match
 * terms, ids by real-time get. A first run into an empty collection asks the collection nothing
 * until its first commit.
 */
final class SolrIndexer {
    /**
     * The collection layout's version (schema.xml and what a paper's document holds); stats report
     * it, and every source indexed under another one is read again (2: the {@code brief} record).
     */
    static final int SCHEMA = 2;
    static final int BATCH = 500;
    static final long COMMIT_EVERY_RECORDS = 200_000;
    private static final String ITEMS = "items:";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CloudHttp2SolrClient solr;
    private final IndexListener listener;
    private final ReaderOptions options;

    /** Papers written (or deleted: null) since the last commit, by id. */
    private final Map<String, SolrCluster> recent = new HashMap<>();
    private final Map<String, String> recentMatch = new HashMap<>();
    private final Set<String> recentKeys = new HashSet<>();
    private final Map<String, SolrInputDocument> pendingAdds = new LinkedHashMap<>();
    private final Set<String> pendingDeletes = new java.util.LinkedHashSet<>();
    /** Whether the collection may hold papers this run did not write (else nothing is asked of it). */
    private boolean remoteHasPapers;
    private long merged;

    SolrIndexer(CloudHttp2SolrClient solr, IndexListener listener, ReaderOptions options) {
        this.solr = solr;
        this.listener = listener;
        this.options = options;
    }

    /** A source file's fingerprint as its source document keeps it. */
    record SourceState(long size, long mtime, String hash, String format, long records, long skips, long indexedAt, List<Skip> skipList,
                       int layout) {
    }

    static Predicate<String> under(List<Path> paths) {
        List<String> names = paths.stream().map(SourceFiles::name).toList();
        return file -> names.stream().anyMatch(n -> file.equals(n) || file.startsWith(n.endsWith("/") ? n : n + "/"));
    }

    IndexReport run(List<Path> roots, Predicate<String> dropIfAbsent) throws IOException, SolrServerException {
        long start = System.nanoTime();
        List<Path> unrecognised = new ArrayList<>();
        List<Skip> notWalked = new ArrayList<>();
        List<SourceFile> found = SourceFiles.discover(roots, unrecognised, notWalked);
        notWalked.forEach(listener::skipped);

        Map<String, SourceState> state = new TreeMap<>(sources(solr));
        Map<String, SourceFile> toRead = new LinkedHashMap<>();
        Map<String, SourceState> stats = new LinkedHashMap<>();
        Set<String> moved = new java.util.LinkedHashSet<>();
        int unchanged = 0;
        for (SourceFile f : found) {
            String name = SourceFiles.name(f.path());
            long size = size(f);
            long mtime = mtime(f);
            SourceState before = state.get(name);
            boolean items = Readers.isItemSource(f.format());
            String label = f.format().label();
            if (before != null && before.layout() != SCHEMA) {
                before = null; // written under another layout: read again
            }
            if (before != null && before.size() == size && before.mtime() == mtime && before.format().equals(label)
                    && (!items || before.hash().equals(ITEMS + options.variant(f.format())))) {
                unchanged++;
                continue;
            }
            String hash = items ? ITEMS + options.variant(f.format()) : hash(f.path());
            if (!items && before != null && before.hash().equals(hash) && before.format().equals(label)) {
                state.put(name, new SourceState(size, mtime, hash, label, before.records(), before.skips(), before.indexedAt(), before.skipList(), SCHEMA));
                moved.add(name);
                unchanged++;
                continue;
            }
            toRead.put(name, f);
            stats.put(name, new SourceState(size, mtime, hash, label, 0, 0, 0, List.of(), SCHEMA));
        }
        Set<String> present = found.stream().map(f -> SourceFiles.name(f.path())).collect(Collectors.toSet());
        List<String> removed = state.keySet().stream().filter(s -> !present.contains(s) && dropIfAbsent.test(s)).toList();
        if (toRead.isEmpty() && removed.isEmpty() && moved.isEmpty()) {
            return new IndexReport(0, unchanged, 0, 0, 0, paperCount(), List.copyOf(notWalked),
                    notWalked.isEmpty() ? Map.of() : Map.of("not walked", (long) notWalked.size()), Map.of(), 0,
                    unrecognised.stream().map(Path::toString).toList(), (System.nanoTime() - start) / 1_000_000, List.of(), 0, 0);
        }
        remoteHasPapers = paperCount() > 0;

        long papersGone = 0;
        Set<String> kept = new HashSet<>();
        Set<String> removedSet = new HashSet<>(removed);
        List<String> dropped = new ArrayList<>(removed);
        dropped.addAll(toRead.keySet());
        for (String source : dropped) {
            long[] counts = dropSource(source, removedSet.contains(source) ? kept : new HashSet<>());
            if (removedSet.contains(source)) {
                papersGone += counts[0];
            }
            state.remove(source);
        }

        long totalBytes = toRead.values().stream().mapToLong(f -> fileSize(f.path())).sum();
        long[] records = {0};
        Exception[] failure = {null};
        long[] bytesDone = {0};
        long recordsAtCommit = 0;
        List<Skip> skips = new ArrayList<>(notWalked);
        Map<String, Long> recordsByFormat = new TreeMap<>();
        int i = 0;
        for (var entry : toRead.entrySet()) {
            i++;
            String name = entry.getKey();
            SourceFile file = entry.getValue();
            listener.sourceStarted(name, file.format().label(), i, toRead.size());
            long recordsBefore = records[0];
            int skipsBefore = skips.size();
            RecordSink sink = new RecordSink() {
                @Override
                public void accept(Paper paper) {
                    Optional<String> overlong = SolrDocuments.overlongValue(paper);
                    if (overlong.isPresent()) {
                        skip(new Skip(name, paper.primarySource().map(SourceSpan::startLine).orElse(1), "too long", overlong.get()));
                        return;
                    }
                    if (failure[0] != null) {
                        return; // the cluster failed: the run stops once the reader returns
                    }
                    try {
                        add(paper);
                    } catch (IOException | SolrServerException | RuntimeException e) {
                        // not the record's fault, and readers report a record's exceptions as its skip: kept aside instead
                        failure[0] = e;
                        return;
                    }
                    records[0]++;
                    if ((records[0] & 1023) == 0) {
                        listener.progress(bytesDone[0], totalBytes, records[0]);
                    }
                }

                @Override
                public void skip(Skip skip) {
                    skips.add(skip);
                    listener.skipped(skip);
                }
            };
            try {
                if (Readers.isItemSource(file.format())) {
                    try (ItemSource items = Readers.openItems(file, name, options)) {
                        items.notes().forEach(sink::skip);
                        items.read(id -> true, sink);
                    } catch (ItemSource.Unreadable e) {
                        sink.skip(e.skip());
                    }
                } else {
                    try (Reader text = SourceFiles.open(file.path())) {
                        Readers.forFormat(file.format()).read(name, text, sink);
                    }
                }
            } catch (UncheckedIOException e) {
                throw e.getCause();
            } catch (RuntimeException e) {
                sink.skip(new Skip(name, 1, "reader error", "could not read the rest of the file: " + e));
            }
            if (failure[0] != null) {
                throw new IOException("the cluster refused an update (" + failure[0].getMessage() + "); this run's files are read again next time",
                        failure[0]);
            }
            bytesDone[0] += fileSize(file.path());
            listener.progress(bytesDone[0], totalBytes, records[0]);
            recordsByFormat.merge(file.format().label(), records[0] - recordsBefore, Long::sum);
            List<Skip> fileSkips = skips.subList(skipsBefore, skips.size());
            SourceState s = stats.get(name);
            state.put(name, new SourceState(s.size(), s.mtime(), s.hash(), s.format(), records[0] - recordsBefore, fileSkips.size(),
                    System.currentTimeMillis(), List.copyOf(fileSkips.subList(0, Math.min(fileSkips.size(), IndexedSource.MAX_SKIPS_KEPT))), SCHEMA));
            moved.add(name);
            if (records[0] - recordsAtCommit >= COMMIT_EVERY_RECORDS) {
                commit(state, moved, Set.of());
                recordsAtCommit = records[0];
            }
        }
        commit(state, moved, new HashSet<>(removed));
        Map<String, Long> byReason = skips.stream().collect(Collectors.groupingBy(Skip::reason, TreeMap::new, Collectors.counting()));
        return new IndexReport(toRead.size(), unchanged, removed.size(), records[0], merged, paperCount(), List.copyOf(skips), byReason,
                recordsByFormat, bytesDone[0], unrecognised.stream().map(Path::toString).toList(),
                (System.nanoTime() - start) / 1_000_000, removed, papersGone, kept.size());
    }

    // ---- merging, as the embedded ClusterWriter

    private void add(Paper part) throws IOException, SolrServerException {
        MatchKeys.Hashed terms = MatchKeys.hashed(part);
        Optional<SolrCluster> existing = findMatch(part, terms.lookup());
        if (existing.isPresent()) {
            write(existing.get().with(part));
            merged++;
        } else {
            String generatedKey = "";
            if (part.key().isEmpty()) {
                generatedKey = CitationKeys.unique(CitationKeys.base(part), this::keyTaken);
            }
            String id = CitationKeys.unique(CitationKeys.baseId(part, generatedKey), this::idTaken);
            write(new SolrCluster(id, generatedKey, List.of(part)));
        }
    }

    private Optional<SolrCluster> findMatch(Paper part, List<String> lookupTerms) throws IOException, SolrServerException {
        for (String term : lookupTerms) {
            String id = recentMatch.get(term);
            SolrCluster c = null;
            if (id != null) {
                c = recent.get(id);
            } else if (remoteHasPapers) {
                SolrQuery q = new SolrQuery("match:" + SolrQueries.esc(term));
                q.addFilterQuery("type:" + SolrDocuments.PAPER);
                q.setRows(4);
                q.setFields("id", "record");
                q.set("sort", "id asc");
                for (SolrDocument d : solr.query(q).getResults()) {
                    String found = (String) d.getFirstValue("id");
                    SolrCluster candidate = recent.containsKey(found) ? recent.get(found) : SolrCorpus.cluster(d);
                    if (candidate != null && candidate.matchTerms().contains(term)) {
                        c = candidate;
                        break;
                    }
                }
            }
            if (c != null && MatchKeys.compatible(c.merged(), part)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    private boolean keyTaken(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        if (recentKeys.contains(k)) {
            return true;
        }
        if (!remoteHasPapers) {
            return false;
        }
        try {
            SolrQuery q = new SolrQuery(SolrQueries.exactKey(k));
            q.addFilterQuery("type:" + SolrDocuments.PAPER);
            q.setRows(0);
            return solr.query(q).getResults().getNumFound() > 0;
        } catch (SolrServerException | IOException e) {
            throw new UncheckedIOException(e instanceof IOException io ? io : new IOException(e));
        }
    }

    private boolean idTaken(String id) {
        if (recent.containsKey(id)) {
            return recent.get(id) != null;
        }
        if (!remoteHasPapers) {
            return false;
        }
        try {
            return solr.getById(id) != null;
        } catch (SolrServerException | IOException e) {
            throw new UncheckedIOException(e instanceof IOException io ? io : new IOException(e));
        }
    }

    private void write(SolrCluster c) throws IOException, SolrServerException {
        recent.put(c.id(), c);
        c.matchTerms().forEach(t -> recentMatch.put(t, c.id()));
        c.merged().allKeys().forEach(k -> recentKeys.add(k.toLowerCase(Locale.ROOT)));
        pendingDeletes.remove(c.id());
        pendingAdds.put(c.id(), SolrDocuments.paper(c));
        if (pendingAdds.size() >= BATCH) {
            send();
        }
    }

    private void delete(String id) throws IOException, SolrServerException {
        recent.put(id, null);
        pendingAdds.remove(id);
        pendingDeletes.add(id);
        if (pendingDeletes.size() >= BATCH) {
            send();
        }
    }

    private void send() throws IOException, SolrServerException {
        if (pendingAdds.isEmpty() && pendingDeletes.isEmpty()) {
            return;
        }
        UpdateRequest u = new UpdateRequest();
        if (!pendingAdds.isEmpty()) {
            u.add(new ArrayList<>(pendingAdds.values()));
        }
        if (!pendingDeletes.isEmpty()) {
            u.deleteById(new ArrayList<>(pendingDeletes));
        }
        process(u);
        pendingAdds.clear();
        pendingDeletes.clear();
    }

    /** Attempts before an update is given up (and the run with it: its files are read again next time). */
    static final int UPDATE_ATTEMPTS = 6;

    /**
     * Sends an update, again after a failure of the cluster (a node out of memory, a shard electing
     * its leader: 0.5, 1, 2, 4, 8 s apart); updates by id are idempotent, so a repeat is harmless.
     */
    private void process(UpdateRequest u) throws IOException, SolrServerException {
        long pause = 500;
        for (int attempt = 1; ; attempt++) {
            try {
                u.process(solr);
                return;
            } catch (SolrServerException | IOException | RuntimeException e) {
                if (attempt >= UPDATE_ATTEMPTS || e instanceof org.apache.solr.common.SolrException se && se.code() == 400) {
                    throw e;
                }
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", ie);
                }
                pause *= 2;
            }
        }
    }

    /** Removes every record of a source file; {0: papers deleted}. The ids of papers that stay with records of other files go into {@code kept}. */
    private long[] dropSource(String source, Set<String> kept) throws IOException, SolrServerException {
        long deleted = 0;
        String cursor = CursorMarkParams.CURSOR_MARK_START;
        List<SolrCluster> affected = new ArrayList<>();
        while (true) {
            SolrQuery q = new SolrQuery("source:" + SolrQueries.esc(source));
            q.addFilterQuery("type:" + SolrDocuments.PAPER);
            q.setRows(1000);
            q.setFields("id", "record");
            q.set("sort", "id asc");
            q.set(CursorMarkParams.CURSOR_MARK_PARAM, cursor);
            QueryResponse r = solr.query(q);
            for (SolrDocument d : r.getResults()) {
                String id = (String) d.getFirstValue("id");
                SolrCluster c = recent.containsKey(id) ? recent.get(id) : SolrCorpus.cluster(d);
                if (c != null) {
                    affected.add(c);
                }
            }
            if (cursor.equals(r.getNextCursorMark())) {
                break;
            }
            cursor = r.getNextCursorMark();
        }
        for (SolrCluster c : affected) {
            List<Paper> keep = c.parts().stream()
                    .filter(p -> p.sources().stream().map(SourceSpan::file).noneMatch(source::equals)).toList();
            if (keep.isEmpty()) {
                delete(c.id());
                deleted++;
                kept.remove(c.id());
            } else {
                write(new SolrCluster(c.id(), c.generatedKey(), keep));
                kept.add(c.id());
            }
        }
        return new long[] {deleted};
    }

    // ---- fingerprints and commits

    /** The sources the collection's last commit lists, by name. */
    static Map<String, SourceState> sources(CloudHttp2SolrClient solr) throws IOException {
        Map<String, SourceState> out = new TreeMap<>();
        try {
            String cursor = CursorMarkParams.CURSOR_MARK_START;
            while (true) {
                SolrQuery q = new SolrQuery("type:" + SolrDocuments.SOURCE_DOC);
                q.setRows(1000);
                q.setFields("id", "file", "fingerprint", "skips");
                q.set("sort", "id asc");
                q.set(CursorMarkParams.CURSOR_MARK_PARAM, cursor);
                QueryResponse r = solr.query(q);
                for (SolrDocument d : r.getResults()) {
                    out.put((String) d.getFirstValue("file"), state(d));
                }
                if (cursor.equals(r.getNextCursorMark())) {
                    break;
                }
                cursor = r.getNextCursorMark();
            }
        } catch (SolrServerException e) {
            throw new IOException(e);
        }
        return out;
    }

    static SourceState state(SolrDocument d) throws IOException {
        String[] p = ((String) d.getFirstValue("fingerprint")).split("\\|", -1);
        List<Skip> skips = JSON.readValue((String) d.getFirstValue("skips"), new TypeReference<List<Skip>>() { });
        return new SourceState(Long.parseLong(p[0]), Long.parseLong(p[1]), p[2], p[3], Long.parseLong(p[4]), Long.parseLong(p[5]),
                Long.parseLong(p[6]), skips, p.length > 7 ? Integer.parseInt(p[7]) : 1);
    }

    static IndexedSource indexedSource(SolrDocument d) throws IOException {
        SourceState s = state(d);
        return new IndexedSource((String) d.getFirstValue("file"), s.format(), s.size(), s.mtime(), s.records(), s.skips(), s.skipList());
    }

    private void commit(Map<String, SourceState> state, Set<String> changedSources, Set<String> removedSources)
            throws IOException, SolrServerException {
        send();
        UpdateRequest u = new UpdateRequest();
        List<SolrInputDocument> docs = new ArrayList<>();
        for (String name : changedSources) {
            SourceState s = state.get(name);
            if (s == null) {
                continue;
            }
            SolrInputDocument d = new SolrInputDocument();
            d.setField("id", SolrDocuments.SOURCE_PREFIX + name);
            d.setField(SolrDocuments.TYPE, SolrDocuments.SOURCE_DOC);
            d.setField("file", name);
            d.setField("fingerprint", s.size() + "|" + s.mtime() + "|" + s.hash() + "|" + s.format() + "|" + s.records() + "|"
                    + s.skips() + "|" + s.indexedAt() + "|" + s.layout());
            d.setField("skips", JSON.writeValueAsString(s.skipList()));
            docs.add(d);
        }
        SolrInputDocument meta = new SolrInputDocument();
        meta.setField("id", SolrDocuments.META_ID);
        meta.setField(SolrDocuments.TYPE, SolrDocuments.META);
        meta.setField("generation", System.currentTimeMillis());
        docs.add(meta);
        u.add(docs);
        List<String> gone = removedSources.stream().map(n -> SolrDocuments.SOURCE_PREFIX + n).toList();
        if (!gone.isEmpty()) {
            u.deleteById(gone);
        }
        // the fingerprints become visible with the records they describe
        u.setAction(UpdateRequest.ACTION.COMMIT, true, true);
        process(u);
        recent.clear();
        recentMatch.clear();
        recentKeys.clear();
        remoteHasPapers = true;
        changedSources.clear();
        listener.published();
    }

    private long paperCount() throws IOException, SolrServerException {
        SolrQuery q = new SolrQuery("type:" + SolrDocuments.PAPER);
        q.setRows(0);
        return solr.query(q).getResults().getNumFound();
    }

    // file statistics, as the embedded SourceFingerprint makes them

    static long size(SourceFile f) throws IOException {
        long size = Files.size(f.path());
        for (Path c : SourceFiles.companions(f)) {
            size += Files.exists(c) ? Files.size(c) + 1 : 0;
        }
        return size;
    }

    static long mtime(SourceFile f) throws IOException {
        long mtime = Files.getLastModifiedTime(f.path()).toMillis();
        for (Path c : SourceFiles.companions(f)) {
            if (Files.exists(c)) {
                mtime = Math.max(mtime, Files.getLastModifiedTime(c).toMillis());
            }
        }
        return mtime;
    }

    @SuppressWarnings("UnstableApiUsage")
    static String hash(Path file) throws IOException {
        return MoreFiles.asByteSource(file).hash(Hashing.murmur3_128()).toString();
    }

    private static long fileSize(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }
}
