package dev.paperlink.corpus.index;

import dev.paperlink.corpus.model.Hit;
import dev.paperlink.corpus.model.Paper;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Answers questions about the committed index. Searches share one {@link SearcherManager}; every
 * search acquires a searcher and releases it in {@code finally}. Results are sorted by score, then
 * popularity, then year (newest first), then key (so that the order never depends on how
 * the documents happen to lie in the index): the tie-breakers of the ranking in docs/ranking.md.
 */
final class PaperSearcher implements AutoCloseable {
    static final Sort RANKING = new Sort(
            SortField.FIELD_SCORE,
            new SortField(PaperFields.POPULARITY_DV, SortField.Type.LONG, true),
            new SortField(PaperFields.YEAR_DV, SortField.Type.LONG, true),
            new SortField(PaperFields.KEY_SORT, SortField.Type.STRING));

    private final SearcherManager manager;
    private final Analyzer words = Analyzers.words();
    private final Analyzer english = Analyzers.english();
    private final Analyzer titleWords = Analyzers.wordsWithoutStopWords();
    private final Analyzer topic = Analyzers.topic();

    PaperSearcher(Directory directory) throws IOException {
        this.manager = new SearcherManager(directory, new org.apache.lucene.search.SearcherFactory() {
            @Override
            public IndexSearcher newSearcher(org.apache.lucene.index.IndexReader reader, org.apache.lucene.index.IndexReader previous) {
                IndexSearcher s = new IndexSearcher(reader);
                s.setSimilarity(PaperFields.similarity());
                return s;
            }
        });
    }

    /** Picks up the latest commit (cheap when nothing changed). */
    void refresh() throws IOException {
        manager.maybeRefresh();
    }

    /** As {@link #refresh}; whether searches now see another commit. */
    boolean refreshIfChanged() throws IOException {
        IndexSearcher before = manager.acquire();
        try {
            manager.maybeRefreshBlocking();
            IndexSearcher after = manager.acquire();
            try {
                return after != before;
            } finally {
                manager.release(after);
            }
        } finally {
            manager.release(before);
        }
    }

    <T> T withSearcher(Function<IndexSearcher, T> work) {
        IndexSearcher searcher;
        try {
            searcher = manager.acquire();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return work.apply(searcher);
        } finally {
            try {
                manager.release(searcher);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The paper with this key or alias: one with exactly this spelling first, else any case. */
    Optional<Paper> byKey(String key) {
        List<Hit> hits = run(new TermQuery(new Term(PaperFields.KEY_LC, key.toLowerCase(java.util.Locale.ROOT))), 20,
                q -> Hit.Match.EXACT_KEY);
        return hits.stream().map(Hit::paper).filter(p -> p.allKeys().contains(key)).findFirst()
                .or(() -> hits.stream().findFirst().map(Hit::paper));
    }

    /** Key completion; a paper found by one of its aliases is shown under that alias (the key that was typed). */
    List<Hit> completeKey(String prefix, int limit) {
        String p = prefix.strip().toLowerCase(java.util.Locale.ROOT);
        List<Hit> hits = run(CompletionQueries.keyPrefix(prefix), limit);
        List<Hit> out = new ArrayList<>(hits.size());
        for (Hit h : hits) {
            Paper paper = h.paper();
            if (!paper.key().toLowerCase(java.util.Locale.ROOT).startsWith(p)) {
                for (String alias : paper.aliases()) {
                    if (alias.toLowerCase(java.util.Locale.ROOT).startsWith(p)) {
                        paper = ScopedSearch.rekeyed(paper, alias);
                        break;
                    }
                }
            }
            out.add(paper == h.paper() ? h : new Hit(paper, h.match(), h.score()));
        }
        return out;
    }

    /** The same questions about the papers of these source files (as {@link dev.paperlink.corpus.source.SourceFiles#name} spells them). */
    dev.paperlink.corpus.PaperQueries within(List<String> files) {
        return new ScopedSearch(this, files);
    }

    /**
     * Exact words and prefixes first; typo-tolerant matching (costlier: an automaton per word) only
     * when that finds fewer than {@value #ENOUGH_WITHOUT_TYPOS} papers, its hits after the exact ones;
     * a last pass lets one word go unmatched when nothing else matched.
     */
    List<Hit> completeTitle(String typed, int limit) {
        return completeTitle(typed, limit, null);
    }

    /** @param filter only papers this query matches (not scored), or null for all */
    List<Hit> completeTitle(String typed, int limit, Query filter) {
        List<Hit> hits = run(CompletionQueries.title(typed, words, true, false), limit, filter);
        if (hits.size() >= Math.min(limit, ENOUGH_WITHOUT_TYPOS)) {
            return hits;
        }
        hits = append(hits, run(CompletionQueries.title(typed, words, true, true), limit, filter), limit);
        if (hits.isEmpty()) {
            hits = run(CompletionQueries.title(typed, words, false, true), limit, filter);
        }
        return hits;
    }

    static final int ENOUGH_WITHOUT_TYPOS = 10;

    private static List<Hit> append(List<Hit> first, List<Hit> more, int limit) {
        List<Hit> out = new ArrayList<>(first);
        java.util.Set<String> seen = new java.util.HashSet<>();
        first.forEach(h -> seen.add(h.paper().id()));
        for (Hit h : more) {
            if (out.size() >= limit) {
                break;
            }
            if (seen.add(h.paper().id())) {
                out.add(h);
            }
        }
        return out;
    }

    List<Hit> search(String text, int limit) {
        return run(CompletionQueries.fullText(text, english, words, titleWords, this::nameLike), limit);
    }

    /** Whether a query word is more often a family name than a title word in this index. */
    private boolean nameLike(String word) {
        return withSearcher(s -> {
            try {
                int asName = s.getIndexReader().docFreq(new Term(PaperFields.AUTHOR_FAMILY, word));
                return asName > 0 && asName >= s.getIndexReader().docFreq(new Term(PaperFields.TITLE_WORDS, word));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * @param filter only papers this query matches (not scored), or null for all. Words and
     *               embeddings together once every paper has its vector ({@link Hybrid}), else
     *               words alone, with feedback.
     */
    List<Hit> related(dev.paperlink.corpus.model.Passage passage, int limit, Query filter) {
        return withSearcher(s -> {
            try {
                dev.paperlink.corpus.embed.Embedder e = embedder;
                boolean hybrid = e != null && status(s, e).complete();
                RelatedAnswers.Question question = new RelatedAnswers.Question(s.getIndexReader(), passage, filter, PREFERRED.get(),
                        hybrid ? e.name() : "");
                java.util.Optional<List<Hit>> known = relatedAnswers.get(question, limit);
                if (known.isPresent()) {
                    return known.get();
                }
                List<Hit> hits;
                if (hybrid) {
                    hits = Hybrid.related(s, topic, e, queryVectors, passage, limit, filter);
                } else {
                    Query q = RelatedQueries.related(s, topic, passage);
                    hits = q == null ? List.of() : collect(s, s.search(filtered(q, filter), limit), h -> Hit.Match.RELATED);
                }
                relatedAnswers.put(question, limit, hits);
                return hits;
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        });
    }

    /** The last related questions' answers: the code action on a sentence follows its completion. */
    private final RelatedAnswers relatedAnswers = new RelatedAnswers(8, Hybrid.DEPTH);

    private volatile dev.paperlink.corpus.embed.Embedder embedder;
    /** The embeddings' progress in the reader it was counted in (counted once per reader). */
    private volatile java.util.Map.Entry<org.apache.lucene.index.IndexReader, dev.paperlink.corpus.EmbeddingStatus> counted;
    /** The vectors of the last passages asked about: typing a key does not change the sentence around it. */
    private final Hybrid.QueryVectors queryVectors = new Hybrid.QueryVectors(64);

    /** The passage to embed ahead of its question (the latest wins), and the one thread that does it. */
    private final java.util.concurrent.atomic.AtomicReference<String> ahead = new java.util.concurrent.atomic.AtomicReference<>();
    private final java.util.concurrent.ExecutorService aheadThread = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "paperlink-embed-ahead");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });

    void prepareRelated(dev.paperlink.corpus.model.Passage passage) {
        dev.paperlink.corpus.embed.Embedder e = embedder;
        var c = counted;
        if (e == null || c == null || !c.getValue().complete()) {
            return; // embeddings unused until complete (and counted by a first question)
        }
        String text = Hybrid.denseText(passage);
        if (text.isEmpty() || ahead.getAndSet(text) != null) {
            return; // a task is queued already: it takes the latest text
        }
        aheadThread.execute(() -> {
            String latest = ahead.getAndSet(null);
            if (latest != null) {
                try {
                    queryVectors.of(e, latest);
                } catch (RuntimeException ex) {
                    // only a head start: the question itself will embed it (and report what fails)
                }
            }
        });
    }

    void useEmbedder(dev.paperlink.corpus.embed.Embedder e) {
        this.embedder = e;
        this.counted = null;
    }

    dev.paperlink.corpus.embed.Embedder embedder() {
        return embedder;
    }

    java.util.Optional<dev.paperlink.corpus.EmbeddingStatus> embeddingStatus() {
        dev.paperlink.corpus.embed.Embedder e = embedder;
        return e == null ? java.util.Optional.empty() : java.util.Optional.of(withSearcher(s -> status(s, e)));
    }

    private dev.paperlink.corpus.EmbeddingStatus status(IndexSearcher s, dev.paperlink.corpus.embed.Embedder e) {
        var c = counted;
        if (c != null && c.getKey() == s.getIndexReader() && c.getValue().model().equals(e.name())) {
            return c.getValue();
        }
        try {
            Embeddings.Count n = Embeddings.count(s, Embeddings.field(e));
            var status = new dev.paperlink.corpus.EmbeddingStatus(e.name(), n.embedded(), n.missing());
            counted = java.util.Map.entry(s.getIndexReader(), status);
            return status;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** @param filter only papers this query matches (not scored), or null for all */
    java.util.Map<String, Float> relatedScores(dev.paperlink.corpus.model.Passage passage, java.util.Collection<String> ids, Query filter) {
        Query q = RelatedQueries.direct(topic, passage);
        if (q == null || ids.isEmpty()) {
            return java.util.Map.of();
        }
        Query among = new org.apache.lucene.search.TermInSetQuery(PaperFields.ID,
                ids.stream().map(org.apache.lucene.util.BytesRef::new).toList());
        java.util.Map<String, Float> out = new java.util.HashMap<>();
        for (Hit h : run(filtered(filtered(q, among), filter), ids.size(), score -> Hit.Match.RELATED)) {
            out.put(h.paper().id(), h.score());
        }
        return out;
    }

    static Query filtered(Query q, Query filter) {
        return filter == null ? q : new org.apache.lucene.search.BooleanQuery.Builder()
                .add(q, org.apache.lucene.search.BooleanClause.Occur.MUST)
                .add(filter, org.apache.lucene.search.BooleanClause.Occur.FILTER)
                .build();
    }

    List<Hit> relatedBaseline(String paragraph, int limit) {
        return withSearcher(s -> {
            try {
                Query q = RelatedQueries.bm25(topic, paragraph);
                return q == null ? List.of() : collect(s, s.search(q, limit), h -> Hit.Match.RELATED);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    List<Paper> sample(int n, long seed) {
        return withSearcher(s -> {
            try {
                var reader = s.getIndexReader();
                var random = new java.util.Random(seed);
                List<Integer> docs = new ArrayList<>();
                int max = reader.maxDoc();
                var live = org.apache.lucene.index.MultiBits.getLiveDocs(reader);
                for (int tries = 0; docs.size() < n && tries < n * 20 && max > 0; tries++) {
                    int doc = random.nextInt(max);
                    if (live == null || live.get(doc)) {
                        docs.add(doc);
                    }
                }
                List<Paper> out = new ArrayList<>(docs.size());
                for (Cluster c : PaperRecords.read(reader, docs.stream().mapToInt(Integer::intValue).toArray())) {
                    out.add(c.merged());
                }
                return out;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    int count() {
        return withSearcher(s -> s.getIndexReader().numDocs());
    }

    long count(Query q) {
        return withSearcher(s -> {
            try {
                return (long) s.count(q);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private List<Hit> run(CompletionQueries.Built q, int limit) {
        return run(q.query(), limit, q.classifier());
    }

    /** @param filter only papers this query matches (not scored), or null for all */
    List<Hit> run(CompletionQueries.Built q, int limit, Query filter) {
        if (q.query() == null || filter == null) {
            return run(q, limit);
        }
        return run(new org.apache.lucene.search.BooleanQuery.Builder()
                .add(q.query(), org.apache.lucene.search.BooleanClause.Occur.MUST)
                .add(filter, org.apache.lucene.search.BooleanClause.Occur.FILTER)
                .build(), limit, q.classifier());
    }

    List<Hit> run(Query query, int limit, Function<Float, Hit.Match> classifier) {
        if (query == null) {
            return List.of();
        }
        return withSearcher(s -> {
            try {
                // The score is the first sort value: no second pass (and no second rewrite) to score hits.
                TopDocs top = s.search(query, Math.max(1, limit), RANKING, false);
                return collect(s, top, classifier);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * The source files whose records win a paper's fields in the answers of this thread's current
     * query ({@link #preferring}): a document's own bibliography shows its own entry of a paper the
     * corpus has too.
     */
    private static final ThreadLocal<java.util.Set<String>> PREFERRED = new ThreadLocal<>();

    /** Runs {@code query} with the records of {@code files} first in every paper it answers. */
    static <T> T preferring(java.util.Set<String> files, java.util.function.Supplier<T> query) {
        PREFERRED.set(files);
        try {
            return query.get();
        } finally {
            PREFERRED.remove();
        }
    }

    static List<Hit> collect(IndexSearcher s, TopDocs top, Function<Float, Hit.Match> classifier)
            throws IOException {
        Cluster[] clusters = PaperRecords.read(s.getIndexReader(), top.scoreDocs);
        List<Hit> hits = new ArrayList<>(top.scoreDocs.length);
        java.util.Set<String> preferred = PREFERRED.get();
        for (int i = 0; i < clusters.length; i++) {
            ScoreDoc sd = top.scoreDocs[i];
            Cluster c = preferred == null ? clusters[i] : clusters[i].preferring(preferred);
            float score = sd instanceof FieldDoc fd && fd.fields != null && fd.fields[0] instanceof Float f ? f : sd.score;
            hits.add(new Hit(c.merged(), classifier.apply(score), score));
        }
        return hits;
    }

    @Override
    public void close() throws IOException {
        aheadThread.shutdownNow();
        manager.close();
    }
}
