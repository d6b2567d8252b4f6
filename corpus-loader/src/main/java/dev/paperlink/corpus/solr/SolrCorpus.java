package dev.paperlink.corpus.solr;

import dev.paperlink.corpus.Corpus;
import dev.paperlink.corpus.CorpusStats;
import dev.paperlink.corpus.EmbeddingStatus;
import dev.paperlink.corpus.IndexListener;
import dev.paperlink.corpus.IndexReport;
import dev.paperlink.corpus.IndexedSource;
import dev.paperlink.corpus.PaperQueries;
import dev.paperlink.corpus.embed.Embedder;
import dev.paperlink.corpus.model.Hit;
import dev.paperlink.corpus.model.Paper;
import dev.paperlink.corpus.model.Passage;
import dev.paperlink.corpus.source.ReaderOptions;
import dev.paperlink.corpus.source.SourceFiles;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.CloudHttp2SolrClient;
import org.apache.solr.client.solrj.impl.Http2SolrClient;
import org.apache.solr.client.solrj.request.CoreAdminRequest;
import org.apache.solr.client.solrj.response.FacetField;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.cloud.DocCollection;
import org.apache.solr.common.cloud.Replica;
import org.apache.solr.common.cloud.Slice;
import org.apache.solr.common.util.NamedList;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The corpus kept in a SolrCloud collection shared by a team (issue 16): the same questions as the
 * embedded index, answered through any live node by SolrJ's cloud client (the cluster's state read
 * over HTTP; no ZooKeeper client). Indexing reads the same files with the same readers, merges
 * records by the same rules into papers with the same stable ids ({@link SolrIndexer}).
 *
 * <p>Failure: a node that is down is routed around (the client reads the cluster state from a live
 * node and asks another replica). When no node answers within {@link SolrSettings#queryTimeoutMillis()},
 * questions answer nothing at once for a while (one warning, not one per keystroke; the next
 * attempt after 1 s, then 2, 4 ... 30 s) and a later success says the cluster is back: the language
 * server's own bibliographies keep answering meanwhile. Indexing and {@link #stats()} throw instead.
 *
 * <p>What the embedded index has and this backend does not: embeddings (related papers rank by
 * words alone: {@link #useEmbedder} only notes it, {@link #embedMissing} and {@link #embeddingStatus}
 * are empty, as without an embedder); item-by-item refresh of a Zotero database (a changed
 * database is read again whole); early publishes while a first file is read (a run is visible
 * at its commits).
 */
public final class SolrCorpus implements Corpus {
    private static final Logger LOG = Logger.getLogger(SolrCorpus.class.getName());
    static final String SORT_TAIL = "popularity desc, year desc, key_sort asc";
    static final int ENOUGH_WITHOUT_TYPOS = 10;

    private final SolrSettings settings;
    /** Questions: short timeouts, a keystroke never waits long (made at the first question that finds a node). */
    private CloudHttp2SolrClient queries;
    /** Indexing and administration: long timeouts. */
    private CloudHttp2SolrClient updates;
    private final Reachability reach = new Reachability();
    private volatile ReaderOptions options = ReaderOptions.DEFAULT;
    private volatile long generation;
    private volatile long clusterGeneration = -1;
    /** A keystroke's next questions, asked with its first (one round trip instead of three). */
    private final KeystrokeAhead ahead;

    private SolrCorpus(SolrSettings settings) {
        this.settings = settings;
        this.ahead = new KeystrokeAhead(settings.queryTimeoutMillis());
    }

    /**
     * For a long-running process (the language server): connects at the first question, and again
     * after the cluster was unreachable; never fails here, questions answer nothing meanwhile.
     */
    public static SolrCorpus connect(SolrSettings settings) {
        return new SolrCorpus(settings);
    }

    /** Connects to the collection (which {@link SolrSetup#init} made); fails when no node answers or there is no such collection. */
    public static SolrCorpus open(SolrSettings settings) throws IOException {
        SolrCorpus c = new SolrCorpus(settings);
        try {
            DocCollection coll = c.updates().getClusterState().getCollection(settings.collection());
            if (coll == null) {
                throw new IOException("no such collection (paperlink solr init makes it)");
            }
            c.clusterGeneration = c.readGeneration();
        } catch (RuntimeException | IOException e) {
            c.close();
            throw new IOException("cannot reach the Solr collection '" + settings.collection() + "' at " + settings.urls() + ": " + e.getMessage(), e);
        }
        return c;
    }

    static CloudHttp2SolrClient client(SolrSettings s, int timeoutMillis) {
        return new CloudHttp2SolrClient.Builder(s.urls())
                .withDefaultCollection(s.collection())
                .withInternalClientBuilder(http(s, timeoutMillis, null))
                .build();
    }

    /** A client of one node (its administration requests: configsets, collections), with the same credentials and trust. */
    static Http2SolrClient nodeClient(SolrSettings s, String url, int timeoutMillis) {
        return http(s, timeoutMillis, url).build();
    }

    private static Http2SolrClient.Builder http(SolrSettings s, int timeoutMillis, String baseUrl) {
        Http2SolrClient.Builder http = (baseUrl == null ? new Http2SolrClient.Builder() : new Http2SolrClient.Builder(baseUrl))
                .withConnectionTimeout(s.connectTimeoutMillis(), TimeUnit.MILLISECONDS)
                .withIdleTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
                .withRequestTimeout(timeoutMillis, TimeUnit.MILLISECONDS);
        if (s.username().isPresent()) {
            http.withBasicAuthCredentials(s.username().get(), s.password().orElse(""));
        }
        // SolrJ's SSLConfig sets a trust store only with client authentication; without it, Jetty's
        // client trusts the certificates of the key store it is given: the trust store goes there
        s.trustStore().ifPresent(t -> http.withSSLConfig(
                new org.apache.solr.client.solrj.embedded.SSLConfig(true, false, t.file().toString(), t.password(), null, null)));
        return http;
    }

    public SolrSettings settings() {
        return settings;
    }

    /** The client for questions, made when first needed: building one reads the cluster state from a live node. */
    synchronized CloudHttp2SolrClient queries() {
        if (queries == null) {
            queries = client(settings, settings.queryTimeoutMillis());
        }
        return queries;
    }

    synchronized CloudHttp2SolrClient updates() {
        if (updates == null) {
            updates = client(settings, settings.indexTimeoutMillis());
        }
        return updates;
    }

    // ---- indexing

    @Override
    public synchronized IndexReport index(List<Path> roots, IndexListener listener) throws IOException {
        return run(roots, listener, f -> true);
    }

    @Override
    public synchronized IndexReport add(List<Path> roots, IndexListener listener) throws IOException {
        return run(roots, listener, SolrIndexer.under(roots));
    }

    @Override
    public synchronized IndexReport remove(List<Path> paths, IndexListener listener) throws IOException {
        return run(List.of(), listener, SolrIndexer.under(paths));
    }

    private IndexReport run(List<Path> roots, IndexListener listener, java.util.function.Predicate<String> dropIfAbsent) throws IOException {
        try {
            IndexReport r = new SolrIndexer(updates(), listener, options).run(roots, dropIfAbsent);
            refresh();
            return r;
        } catch (SolrServerException | RuntimeException e) {
            throw new IOException("indexing into Solr failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void useReaderOptions(ReaderOptions o) {
        this.options = o;
    }

    // ---- questions

    @Override
    public Optional<Paper> byKey(String key) {
        if (key.isBlank()) {
            return Optional.empty();
        }
        List<Hit> hits = hits(SolrQueries.exactKey(key), 20, null, Question.LOOKUP);
        return hits.stream().map(Hit::paper).filter(p -> p.allKeys().contains(key)).findFirst()
                .or(() -> hits.stream().findFirst().map(Hit::paper));
    }

    @Override
    public List<Hit> completeKey(String prefix, int limit) {
        return completeKey(prefix, limit, null);
    }

    List<Hit> completeKey(String prefix, int limit, String filter) {
        String q = SolrQueries.keyPrefix(prefix);
        if (q == null) {
            return List.of();
        }
        // the title question the completion asks next if the keys leave room: sent now, beside this one
        ahead.titlesAhead(prefix, filter, limit, () -> titlesNow(prefix, limit, filter));
        String p = prefix.strip().toLowerCase(Locale.ROOT);
        List<Hit> out = new ArrayList<>();
        for (Hit h : hits(q, limit, filter, Question.KEYSTROKE)) {
            Paper paper = h.paper();
            if (!paper.key().toLowerCase(Locale.ROOT).startsWith(p)) {
                for (String alias : paper.aliases()) {
                    if (alias.toLowerCase(Locale.ROOT).startsWith(p)) {
                        paper = rekeyed(paper, alias);
                        break;
                    }
                }
            }
            out.add(paper == h.paper() ? h : new Hit(paper, h.match(), h.score()));
        }
        return out;
    }

    @Override
    public List<Hit> completeTitle(String typed, int limit) {
        return completeTitle(typed, limit, null);
    }

    /** The answer of the title question sent with the key question when there is one ({@link KeystrokeAhead}), else asked now. */
    List<Hit> completeTitle(String typed, int limit, String filter) {
        return ahead.titles(typed, filter, limit).orElseGet(() -> titlesNow(typed, limit, filter));
    }

    /** Exact words and prefixes first; typo-tolerant matching only when that finds too few, then one word may go unmatched. */
    private List<Hit> titlesNow(String typed, int limit, String filter) {
        List<Hit> hits = hits(SolrQueries.title(typed, true, false), limit, filter, Question.KEYSTROKE);
        if (hits.size() >= Math.min(limit, ENOUGH_WITHOUT_TYPOS) || reach.down()) {
            return hits;
        }
        hits = append(hits, hits(SolrQueries.title(typed, true, true), limit, filter, Question.KEYSTROKE), limit);
        if (hits.isEmpty()) {
            hits = hits(SolrQueries.title(typed, false, true), limit, filter, Question.KEYSTROKE);
        }
        return hits;
    }

    private static List<Hit> append(List<Hit> first, List<Hit> more, int limit) {
        Map<String, Hit> out = new LinkedHashMap<>();
        first.forEach(h -> out.put(h.paper().id(), h));
        for (Hit h : more) {
            if (out.size() >= limit) {
                break;
            }
            out.putIfAbsent(h.paper().id(), h);
        }
        return List.copyOf(out.values());
    }

    @Override
    public List<Hit> search(String text, int limit) {
        return hits(SolrQueries.fullText(text), limit, null, s -> s >= SolrQueries.EXACT_KEY ? Hit.Match.EXACT_KEY : Hit.Match.WORDS);
    }

    @Override
    public List<Hit> related(Passage passage, int limit) {
        return related(passage, limit, null);
    }

    List<Hit> related(Passage passage, int limit, String filter) {
        return hits(SolrQueries.related(passage), limit, filter, s -> Hit.Match.WORDS);
    }

    @Override
    public void expectScores(Passage passage) {
        ahead.expect(SolrQueries.related(passage));
    }

    /** The scores the keystroke's answers brought ({@link #expectScores}), the others asked for (one question). */
    @Override
    public Map<String, Float> relatedScores(Passage passage, Collection<String> paperIds) {
        String q = SolrQueries.related(passage);
        if (q == null || paperIds.isEmpty()) {
            return Map.of();
        }
        KeystrokeAhead.Known known = ahead.known(q, paperIds);
        Map<String, Float> out = new LinkedHashMap<>();
        known.scores().forEach((id, score) -> {
            if (score > 0) {
                out.put(id, score);
            }
        });
        if (known.missing().isEmpty()) {
            return out;
        }
        SolrQuery query = query(q, known.missing().size(), terms("id", known.missing()), Question.LOOKUP);
        query.setFields("id", "score"); // the scores alone: no record to send and read
        ask(query).ifPresent(r -> r.getResults().forEach(d -> out.put((String) d.getFirstValue("id"), ((Number) d.getFirstValue("score")).floatValue())));
        return out;
    }

    @Override
    public List<Hit> relatedBaseline(String passage, int limit) {
        return hits(SolrQueries.related(passage, "", 0), limit, null, s -> Hit.Match.WORDS);
    }

    @Override
    public List<Paper> sample(int n, long seed) {
        SolrQuery q = new SolrQuery("*:*");
        q.addFilterQuery("type:" + SolrDocuments.PAPER);
        q.setRows(n);
        q.setFields("id", "record");
        q.set("sort", "random_" + Long.toUnsignedString(seed) + " asc, id asc");
        // a random sort hashes each core's own document numbers, which differ between the replicas of a
        // shard: the leaders answer, so the same seed gives the same papers while the collection is unchanged
        q.set("shards.preference", "replica.leader:true");
        return ask(q).map(r -> r.getResults().stream().map(SolrCorpus::cluster).map(SolrCluster::merged).toList()).orElse(List.of());
    }

    @Override
    public PaperQueries within(Collection<Path> files) {
        return new SolrScoped(this, files.stream().map(SourceFiles::name).toList());
    }

    /** A filter on exact values of a string field (ids, source files), each quoted. */
    static String terms(String field, Collection<String> values) {
        StringBuilder q = new StringBuilder(field).append(":(");
        for (String v : values) {
            q.append('"').append(v.replace("\\", "\\\\").replace("\"", "\\\"")).append("\" ");
        }
        return q.append(')').toString();
    }

    /**
     * What a question needs of the cluster. A keystroke's questions (completion tiers) and lookups
     * (a key, the scores that order a tier's few papers) take each shard's own term statistics and
     * fetch their fields in the same pass: one round trip to the shards instead of three
     * (statistics, top ids, fields); a keystroke's papers come without abstracts and raw fields (the
     * stored {@code brief}: a third of the bytes), hover and definition ask for the whole paper by
     * key. Ranked lists of words alone (search, related papers) keep the collection's exact
     * statistics (solrconfig.xml's ExactStatsCache), so that a paper's rank does not depend on its
     * shard. Measured in docs/benchmarks.md ("Solr backend").
     */
    enum Question {
        KEYSTROKE(true, "brief"), LOOKUP(true, "record"), RANKED(false, "record");

        final boolean perShard;
        final String recordField;

        Question(boolean perShard, String recordField) {
            this.perShard = perShard;
            this.recordField = recordField;
        }
    }

    /** Papers ranked in tiers of constant scores ({@link SolrQueries#tierOf}). */
    List<Hit> hits(String q, int limit, String filter, Question question) {
        return hits(q, limit, filter, SolrQueries::tierOf, question);
    }

    List<Hit> hits(String q, int limit, String filter, java.util.function.Function<Float, Hit.Match> tier) {
        return hits(q, limit, filter, tier, Question.RANKED);
    }

    /** The papers a query finds, best first, ties by popularity, year, then key; nothing while the cluster is unreachable. */
    List<Hit> hits(String q, int limit, String filter, java.util.function.Function<Float, Hit.Match> tier, Question question) {
        if (q == null || limit <= 0) {
            return List.of();
        }
        SolrQuery query = query(q, limit, filter, question);
        Optional<String> fit = question == Question.KEYSTROKE ? ahead.expectedQuery() : Optional.empty();
        fit.ifPresent(related -> { // how each paper fits the sentence, computed for the papers sent only
            query.set("fitq", "{!lucene q.op=OR}" + related);
            query.addField("fit:query($fitq,0)");
        });
        Optional<QueryResponse> r = ask(query);
        if (r.isEmpty()) {
            return List.of();
        }
        SolrDocumentList docs = r.get().getResults();
        fit.ifPresent(related -> {
            Map<String, Float> fits = new java.util.HashMap<>();
            docs.forEach(d -> {
                if (d.getFirstValue("fit") instanceof Number n) {
                    fits.put((String) d.getFirstValue("id"), n.floatValue());
                }
            });
            ahead.scored(related, fits);
        });
        Map<String, String> older = wholeRecordsOfOlderLayout(docs, question);
        List<Hit> out = new ArrayList<>();
        for (SolrDocument d : docs) {
            String id = (String) d.getFirstValue("id");
            String json = (String) d.getFirstValue(question.recordField);
            if (json == null && older.containsKey(id)) {
                json = older.get(id);
            }
            if (json == null) {
                continue; // the paper went away between the two questions
            }
            float score = ((Number) d.getFirstValue("score")).floatValue();
            out.add(new Hit(PaperJson.read(id, json).merged(), tier.apply(score), score));
        }
        return out;
    }

    /**
     * A paper written before the brief record (layout 1, until its source is indexed again) has
     * none: its whole record then, in one more question for all such papers of the answer.
     */
    private Map<String, String> wholeRecordsOfOlderLayout(SolrDocumentList docs, Question question) {
        if (question.recordField.equals("record")) {
            return Map.of();
        }
        List<String> missing = new ArrayList<>();
        docs.forEach(d -> {
            if (d.getFirstValue(question.recordField) == null) {
                missing.add((String) d.getFirstValue("id"));
            }
        });
        if (missing.isEmpty()) {
            return Map.of();
        }
        SolrQuery q = query("*:*", missing.size(), terms("id", missing), Question.LOOKUP);
        q.setFields("id", "record");
        Map<String, String> out = new java.util.HashMap<>();
        ask(q).ifPresent(r -> r.getResults().forEach(d -> out.put((String) d.getFirstValue("id"), (String) d.getFirstValue("record"))));
        return out;
    }

    /** A query of papers in the standard syntax, best first, {@code limit} of them with their records and scores. */
    private static SolrQuery query(String q, int limit, String filter, Question question) {
        SolrQuery query = new SolrQuery(q);
        query.set("defType", "lucene");
        query.set("q.op", "OR");
        query.addFilterQuery("type:" + SolrDocuments.PAPER);
        if (filter != null) {
            query.addFilterQuery(filter);
        }
        query.setRows(limit);
        query.setFields("id", question.recordField, "score");
        query.set("sort", "score desc, " + SORT_TAIL);
        if (question.perShard) {
            query.set("distrib.statsCache", "false");
            query.set("distrib.singlePass", "true");
        }
        return query;
    }

    /** A query through the question client: empty while the cluster is unreachable (one warning for the whole outage). */
    Optional<QueryResponse> ask(SolrQuery q) {
        if (reach.down()) {
            return Optional.empty();
        }
        try {
            QueryResponse r = queries().query(q);
            reach.succeeded();
            return Optional.of(r);
        } catch (SolrServerException | IOException | RuntimeException e) {
            if (isBadQuery(e)) {
                LOG.log(Level.FINE, "query refused: " + q, e);
                return Optional.empty();
            }
            reach.failed(e);
            return Optional.empty();
        }
    }

    private static boolean isBadQuery(Exception e) {
        return e instanceof org.apache.solr.common.SolrException se && se.code() == 400;
    }

    /** Whether the cluster answered the last question (false for a while after it did not). */
    public boolean reachable() {
        return !reach.down();
    }

    /** What a long-running process tells its user when the cluster stops answering, and when it answers again. */
    public interface AvailabilityListener {
        AvailabilityListener NONE = new AvailabilityListener() {
            @Override
            public void lost(String why) {
            }

            @Override
            public void regained() {
            }
        };

        /** Once per outage, at the question that found it. */
        void lost(String why);

        /** Once, at the first answer after an outage. */
        void regained();
    }

    /** Who hears of outages (one at a time: the language server showing them to its user). */
    public void onAvailability(AvailabilityListener listener) {
        reach.listener = listener == null ? AvailabilityListener.NONE : listener;
    }

    static SolrCluster cluster(SolrDocument d) {
        return PaperJson.read((String) d.getFirstValue("id"), (String) d.getFirstValue("record"));
    }

    static Paper rekeyed(Paper p, String key) {
        if (p.key().equals(key)) {
            return p;
        }
        List<String> aliases = new ArrayList<>();
        for (String k : p.allKeys()) {
            if (!k.equals(key)) {
                aliases.add(k);
            }
        }
        return p.withIdentity(p.id(), key, aliases);
    }

    // ---- state

    @Override
    public Optional<IndexedSource> indexedSource(Path file) {
        String name = SourceFiles.name(file);
        try {
            if (reach.down()) {
                return Optional.empty();
            }
            SolrDocument d = queries().getById(SolrDocuments.SOURCE_PREFIX + name);
            return d == null ? Optional.empty() : Optional.of(SolrIndexer.indexedSource(d));
        } catch (SolrServerException | IOException | RuntimeException e) {
            reach.failed(e);
            return Optional.empty();
        }
    }

    @Override
    public Optional<String> repaired() {
        return Optional.empty(); // Solr keeps its own segments whole (replicas, transaction log)
    }

    /** Whether every shard has a live replica: why not, or empty when the collection is whole. */
    @Override
    public Optional<String> verify() throws IOException {
        try {
            var state = updates().getClusterState();
            DocCollection c = state.getCollection(settings.collection());
            List<String> problems = new ArrayList<>();
            for (Slice s : c.getActiveSlices()) {
                long active = s.getReplicas().stream().filter(r -> r.isActive(state.getLiveNodes())).count();
                if (active == 0) {
                    problems.add("shard " + s.getName() + " has no active replica");
                }
            }
            return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
        } catch (RuntimeException e) {
            return Optional.of("cannot read the cluster state: " + e.getMessage());
        }
    }

    @Override
    public void useEmbedder(Optional<Embedder> embedder) {
        if (embedder.isPresent()) {
            LOG.info("the Solr corpus ranks related papers by words alone: it keeps no embeddings");
        }
    }

    @Override
    public Optional<EmbeddingStatus> embedMissing(int max) {
        return Optional.empty();
    }

    @Override
    public Optional<EmbeddingStatus> embeddingStatus() {
        return Optional.empty();
    }

    @Override
    public long generation() {
        return generation;
    }

    /** Picks up a run another member's indexer committed (the collection's generation document moved). */
    @Override
    public boolean refresh() throws IOException {
        if (reach.down()) {
            return false;
        }
        long g;
        try {
            g = readGeneration();
        } catch (IOException e) {
            return false;
        }
        if (g != clusterGeneration) {
            clusterGeneration = g;
            generation++;
            return true;
        }
        return false;
    }

    private long readGeneration() throws IOException {
        try {
            SolrDocument d = queries().getById(SolrDocuments.META_ID);
            return d == null ? 0 : ((Number) d.getFirstValue("generation")).longValue();
        } catch (SolrServerException | RuntimeException e) {
            throw new IOException(e);
        }
    }

    @Override
    public CorpusStats stats() throws IOException {
        try {
            SolrQuery q = new SolrQuery("*:*");
            q.addFilterQuery("type:" + SolrDocuments.PAPER);
            q.setRows(0);
            q.setFacet(true);
            q.addFacetField("format");
            q.setFacetMinCount(1);
            QueryResponse r = updates().query(q);
            Map<String, Long> byFormat = new TreeMap<>();
            FacetField f = r.getFacetField("format");
            if (f != null) {
                f.getValues().forEach(c -> byFormat.put(c.getName(), c.getCount()));
            }
            List<CorpusStats.SourceStats> sources = new ArrayList<>();
            for (var e : SolrIndexer.sources(updates()).entrySet()) {
                SolrIndexer.SourceState s = e.getValue();
                sources.add(new CorpusStats.SourceStats(e.getKey(), s.format(), s.records(), s.skips(), s.size(), s.indexedAt()));
            }
            return new CorpusStats(describe(), SolrIndexer.SCHEMA, r.getResults().getNumFound(), byFormat, sources, indexBytes());
        } catch (SolrServerException | RuntimeException e) {
            throw new IOException("cannot read the Solr collection's statistics: " + e.getMessage(), e);
        }
    }

    /** The size on disk of one copy of the collection: every shard's leader's index. */
    long indexBytes() throws SolrServerException, IOException {
        DocCollection c = updates().getClusterState().getCollection(settings.collection());
        long bytes = 0;
        for (Slice s : c.getActiveSlices()) {
            Replica leader = s.getLeader();
            if (leader == null) {
                continue;
            }
            try (Http2SolrClient node = nodeClient(settings, leader.getBaseUrl(), settings.indexTimeoutMillis())) {
                NamedList<?> status = CoreAdminRequest.getStatus(leader.getCoreName(), node).getCoreStatus(leader.getCoreName());
                Object size = status == null ? null : status.findRecursive("index", "sizeInBytes");
                if (size instanceof Number n) {
                    bytes += n.longValue();
                }
            }
        }
        return bytes;
    }

    private String describe() {
        return "solr " + String.join(",", settings.urls()) + " collection " + settings.collection();
    }

    /** A Solr corpus has no index directory on this machine: a path that names the collection, for display. */
    @Override
    public Path indexDir() {
        return Path.of("solr", settings.collection());
    }

    @Override
    public synchronized void close() throws IOException {
        ahead.close();
        try {
            if (queries != null) {
                queries.close();
            }
        } finally {
            if (updates != null) {
                updates.close();
            }
        }
    }

    static Set<String> ids(SolrDocumentList docs) {
        Set<String> out = new java.util.LinkedHashSet<>();
        docs.forEach(d -> out.add((String) d.getFirstValue("id")));
        return out;
    }

    /**
     * Connects now and asks one cheap question, so that the first keystroke does not pay for the
     * cluster state, the connections and the cold caches (a second or more): a server calls it in
     * the background at start.
     */
    public void warmUp() {
        SolrQuery q = new SolrQuery("*:*");
        q.addFilterQuery("type:" + SolrDocuments.PAPER);
        q.setRows(1);
        q.setFields("id", "record");
        try {
            updates().query(q); // the long timeout: a cold cluster may take seconds
            queries().query(q);
            reach.succeeded();
        } catch (SolrServerException | IOException | RuntimeException e) {
            LOG.log(Level.FINE, "warming up the shared corpus failed", e);
        }
        completeKey("a", 1);
        completeTitle("the", 1);
    }

    /**
     * Whether the cluster answers: after {@value #FAILURES_TO_DOWN} failed questions in a row (one
     * slow answer is not an outage), no question is sent for a while (1 s doubling to 30 s); one
     * warning per outage.
     */
    static final int FAILURES_TO_DOWN = 3;

    static final class Reachability {
        private volatile AvailabilityListener listener = AvailabilityListener.NONE;
        private long retryAt;
        private long backoff = 1_000;
        private int failures;
        private boolean warned;

        synchronized boolean down() {
            return retryAt != 0 && System.currentTimeMillis() < retryAt;
        }

        void failed(Exception e) {
            String why;
            synchronized (this) {
                if (++failures < FAILURES_TO_DOWN && retryAt == 0) {
                    return;
                }
                retryAt = System.currentTimeMillis() + backoff;
                backoff = Math.min(backoff * 2, 30_000);
                if (warned) {
                    return;
                }
                warned = true;
                why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            }
            LOG.warning("the shared Solr corpus does not answer (" + why + "); answering from the local bibliographies until it is back");
            listener.lost(why);
        }

        void succeeded() {
            boolean back;
            synchronized (this) {
                back = warned;
                warned = false;
                failures = 0;
                retryAt = 0;
                backoff = 1_000;
            }
            if (back) {
                LOG.info("the shared Solr corpus answers again");
                listener.regained();
            }
        }
    }
}
