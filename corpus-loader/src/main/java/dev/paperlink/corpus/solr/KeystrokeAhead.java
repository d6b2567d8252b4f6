package dev.paperlink.corpus.solr;

import dev.paperlink.corpus.model.Hit;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * What a completion keystroke asks the cluster next, asked together with what it asks now, so that
 * the keystroke waits for one round trip instead of three (each is a distributed request through
 * the cluster): the title question is sent alongside the key question, whose answer decides whether
 * it is needed; and the scores that order the candidates by the sentence ({@code relatedScores}) come
 * as a field of the candidates' answers, once the sentence has been announced ({@link #expect}).
 *
 * <p>Only ever a shortcut: an answer taken from here is the one the question would have had (a title
 * question asked with more room than it is then asked with, truncated: its tiers are a prefix-stable
 * ranking), and a question this cannot answer is sent as before. The price: a title question the
 * keys leave no room for is sent for nothing (at most one per keystroke).
 */
final class KeystrokeAhead implements AutoCloseable {
    /** How long an announced sentence or a title question sent ahead stays usable: the keystroke's own time. */
    static final long FRESH_MILLIS = 2_000;
    /** How many sentences' scores are kept (a few editors' keystrokes at once). */
    private static final int SENTENCES_KEPT = 8;

    private record Expected(String query, long at) {
    }

    private record TitlesAhead(String typed, String filter, int limit, CompletableFuture<List<Hit>> answer, long at) {
    }

    private final ThreadPoolExecutor pool;
    private final long waitMillis;
    private volatile Expected expected;
    private volatile TitlesAhead titles;
    private final Map<String, Map<String, Float>> scores = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Map<String, Float>> eldest) {
            return size() > SENTENCES_KEPT;
        }
    };

    /** @param waitMillis how long a question waits for the answer sent ahead (the query timeout: no longer than asking itself) */
    KeystrokeAhead(long waitMillis) {
        this.waitMillis = waitMillis;
        // at most two questions ahead at a time; more keystrokes than that at once ask for themselves
        this.pool = new ThreadPoolExecutor(0, 2, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "paperlink-solr-ahead");
            t.setDaemon(true);
            return t;
        });
    }

    /** The related query ({@link SolrQueries#related}) whose scores the next questions should bring; null: none. */
    void expect(String relatedQuery) {
        expected = relatedQuery == null ? null : new Expected(relatedQuery, System.currentTimeMillis());
    }

    /** The related query to score a keystroke's answers by, while the announcement is fresh. */
    Optional<String> expectedQuery() {
        Expected e = expected;
        return e != null && System.currentTimeMillis() - e.at() < FRESH_MILLIS ? Optional.of(e.query()) : Optional.empty();
    }

    /** Scores of papers for a related query, brought by an answer (0: the paper shares no word with it). */
    void scored(String relatedQuery, Map<String, Float> byId) {
        if (byId.isEmpty()) {
            return;
        }
        synchronized (scores) {
            scores.computeIfAbsent(relatedQuery, q -> new HashMap<>()).putAll(byId);
        }
    }

    /** The scores already known for these papers (0 for those sharing no word), and the papers not known. */
    Known known(String relatedQuery, Collection<String> ids) {
        Map<String, Float> found = new LinkedHashMap<>();
        List<String> missing = new java.util.ArrayList<>();
        synchronized (scores) {
            Map<String, Float> s = scores.get(relatedQuery);
            for (String id : ids) {
                Float f = s == null ? null : s.get(id);
                if (f == null) {
                    missing.add(id);
                } else {
                    found.put(id, f);
                }
            }
        }
        return new Known(found, missing);
    }

    record Known(Map<String, Float> scores, List<String> missing) {
    }

    /** Sends the title question for {@code typed} now, in the background, for a later {@link #titles} to take. */
    void titlesAhead(String typed, String filter, int limit, Supplier<List<Hit>> ask) {
        try {
            titles = new TitlesAhead(typed, filter, limit, CompletableFuture.supplyAsync(ask, pool), System.currentTimeMillis());
        } catch (RejectedExecutionException busy) {
            titles = null;
        }
    }

    /**
     * The answer of the title question sent ahead for the same text and filter with at least this
     * room, cut to {@code limit}; empty when there is none (then the caller asks). Taken once.
     */
    Optional<List<Hit>> titles(String typed, String filter, int limit) {
        TitlesAhead t = titles;
        if (t == null || !t.typed().equals(typed) || !Objects.equals(t.filter(), filter) || limit > t.limit()
                || System.currentTimeMillis() - t.at() >= FRESH_MILLIS) {
            return Optional.empty();
        }
        titles = null;
        try {
            List<Hit> hits = t.answer().get(waitMillis, TimeUnit.MILLISECONDS);
            return Optional.of(hits.size() > limit ? List.copyOf(hits.subList(0, limit)) : hits);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(List.of());
        } catch (ExecutionException | TimeoutException e) {
            return Optional.of(List.of()); // as a question of its own that failed or timed out would answer
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
        try {
            pool.awaitTermination(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
