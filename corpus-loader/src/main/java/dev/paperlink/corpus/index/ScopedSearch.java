package dev.paperlink.corpus.index;

import dev.paperlink.corpus.PaperQueries;
import dev.paperlink.corpus.model.Hit;
import dev.paperlink.corpus.model.Paper;
import dev.paperlink.corpus.model.SourceSpan;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@link PaperQueries} over the index: every query is the corpus's own with a filter on the
 * papers' source files, and each hit is shown under the key its record has in those files.
 */
final class ScopedSearch implements PaperQueries {
    /** Hits asked for beyond the limit, for those whose matching key is not one of these files'. */
    private static final int SPARE = 8;

    private final PaperSearcher searcher;
    private final Set<String> files;
    private final Query filter;

    ScopedSearch(PaperSearcher searcher, List<String> files) {
        this.searcher = searcher;
        this.files = Set.copyOf(files);
        this.filter = files.size() == 1
                ? new TermQuery(new Term(PaperFields.SOURCE, files.get(0)))
                : new TermInSetQuery(PaperFields.SOURCE, files.stream().map(BytesRef::new).toList());
    }

    @Override
    public Optional<Paper> byKey(String key) {
        if (files.isEmpty()) {
            return Optional.empty();
        }
        String lower = key.toLowerCase(Locale.ROOT);
        Query q = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(PaperFields.KEY_LC, lower)), Occur.MUST)
                .add(filter, Occur.FILTER)
                .build();
        Paper anyCase = null;
        for (Hit h : PaperSearcher.preferring(files, () -> searcher.run(q, 20, s -> Hit.Match.EXACT_KEY))) {
            for (SourceSpan s : h.paper().sources()) {
                if (!files.contains(s.file())) {
                    continue;
                }
                if (s.key().equals(key)) {
                    return Optional.of(rekeyed(h.paper(), s.key()));
                }
                if (anyCase == null && s.key().toLowerCase(Locale.ROOT).equals(lower)) {
                    anyCase = rekeyed(h.paper(), s.key());
                }
            }
        }
        return Optional.ofNullable(anyCase);
    }

    @Override
    public List<Hit> completeKey(String prefix, int limit) {
        if (files.isEmpty()) {
            return List.of();
        }
        String p = prefix.strip().toLowerCase(Locale.ROOT);
        List<Hit> hits = PaperSearcher.preferring(files, () -> p.isEmpty()
                ? searcher.run(new ConstantScoreQuery(filter), limit, s -> Hit.Match.KEY_PREFIX)
                : searcher.run(CompletionQueries.keyPrefix(prefix), limit + SPARE, filter));
        List<Hit> out = new ArrayList<>(Math.min(limit, hits.size()));
        for (Hit h : hits) {
            if (out.size() == limit) {
                break;
            }
            keyIn(h.paper(), p).ifPresent(k -> out.add(new Hit(rekeyed(h.paper(), k),
                    k.toLowerCase(Locale.ROOT).equals(p) ? Hit.Match.EXACT_KEY : Hit.Match.KEY_PREFIX, h.score())));
        }
        return out;
    }

    @Override
    public List<Hit> completeTitle(String typed, int limit) {
        if (files.isEmpty()) {
            return List.of();
        }
        return underTheirKeys(PaperSearcher.preferring(files, () -> searcher.completeTitle(typed, limit, filter)));
    }

    @Override
    public List<Hit> related(dev.paperlink.corpus.model.Passage passage, int limit) {
        if (files.isEmpty()) {
            return List.of();
        }
        return underTheirKeys(PaperSearcher.preferring(files, () -> searcher.related(passage, limit, filter)));
    }

    @Override
    public void prepareRelated(dev.paperlink.corpus.model.Passage passage) {
        searcher.prepareRelated(passage); // one index, one cache of passages' embeddings
    }

    /** Each hit under the key its record in these files has. */
    private List<Hit> underTheirKeys(List<Hit> hits) {
        List<Hit> out = new ArrayList<>();
        for (Hit h : hits) {
            keyIn(h.paper(), "").ifPresent(k -> out.add(new Hit(rekeyed(h.paper(), k), h.match(), h.score())));
        }
        return out;
    }

    @Override
    public java.util.Map<String, Float> relatedScores(dev.paperlink.corpus.model.Passage passage, java.util.Collection<String> paperIds) {
        return files.isEmpty() ? java.util.Map.of() : searcher.relatedScores(passage, paperIds, filter);
    }

    /** The first key this paper's records in these files have that starts with {@code lowerPrefix}. */
    private Optional<String> keyIn(Paper paper, String lowerPrefix) {
        for (SourceSpan s : paper.sources()) {
            if (files.contains(s.file()) && !s.key().isEmpty() && s.key().toLowerCase(Locale.ROOT).startsWith(lowerPrefix)) {
                return Optional.of(s.key());
            }
        }
        return Optional.empty();
    }

    /** The paper under {@code key}, its other keys as aliases. */
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
}
