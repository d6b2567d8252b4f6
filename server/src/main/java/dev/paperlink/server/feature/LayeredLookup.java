package dev.paperlink.server.feature;

import dev.paperlink.corpus.model.Hit;
import dev.paperlink.corpus.model.Paper;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A document's view of papers: its own bibliography first, then the corpus (workspace
 * bibliographies and configured sources). Keys found in the first layer hide the same key in the
 * second.
 */
public record LayeredLookup(PaperLookup first, PaperLookup second) implements PaperLookup {

    @Override
    public Optional<Paper> byKey(String key) {
        Optional<Paper> p = first.byKey(key);
        return p.isPresent() ? p : second.byKey(key);
    }

    @Override
    public List<Hit> completeKey(String prefix, int limit) {
        return merge(first.completeKey(prefix, limit), second.completeKey(prefix, limit), limit);
    }

    @Override
    public List<Hit> completeTitle(String typed, int limit) {
        return merge(first.completeTitle(typed, limit), second.completeTitle(typed, limit), limit);
    }

    /** Both layers' related papers by score (one index's scores: comparable), the first layer's key for a paper in both. */
    @Override
    public List<Hit> related(dev.paperlink.corpus.model.Passage passage, int limit) {
        List<Hit> all = new ArrayList<>();
        Set<String> seen = new HashSet<>(); // ids, and keys: a bibliography read here has papers without ids
        for (List<Hit> layer : List.of(first.related(passage, limit), second.related(passage, limit))) {
            for (Hit h : layer) {
                boolean fresh = h.paper().id().isEmpty() || seen.add("id:" + h.paper().id());
                for (String k : h.paper().allKeys()) {
                    fresh &= seen.add("key:" + k.toLowerCase(java.util.Locale.ROOT));
                }
                if (fresh) {
                    all.add(h);
                }
            }
        }
        all.sort(java.util.Comparator.comparing(Hit::score).reversed()); // stable: the first layer first on ties
        return all.size() > limit ? List.copyOf(all.subList(0, limit)) : all;
    }

    @Override
    public void expectScores(dev.paperlink.corpus.model.Passage passage) {
        first.expectScores(passage);
        second.expectScores(passage);
    }

    @Override
    public java.util.Map<String, Float> relatedScores(dev.paperlink.corpus.model.Passage passage, java.util.Collection<String> paperIds) {
        java.util.Map<String, Float> out = new java.util.HashMap<>(second.relatedScores(passage, paperIds));
        out.putAll(first.relatedScores(passage, paperIds));
        return out;
    }

    @Override
    public List<String> keysNear(String key, int limit) {
        Set<String> keys = new LinkedHashSet<>(first.keysNear(key, limit));
        keys.addAll(second.keysNear(key, limit));
        return NearestKeys.rank(key, keys, limit);
    }

    static List<Hit> merge(List<Hit> a, List<Hit> b, int limit) {
        List<Hit> out = new ArrayList<>(a);
        Set<String> seen = new HashSet<>();
        a.forEach(h -> seen.add(h.paper().key()));
        for (Hit h : b) {
            if (out.size() >= limit) {
                break;
            }
            if (seen.add(h.paper().key())) {
                out.add(h);
            }
        }
        return out.size() > limit ? out.subList(0, limit) : out;
    }
}
