package dev.paperlink.server.feature;

import dev.paperlink.corpus.model.Hit;
import dev.paperlink.corpus.model.Paper;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A lookup without some keys: the indexed records an edited bibliography buffer has changed or
 * removed (the buffer's own version, if any, comes from the layer above).
 */
public record WithoutKeys(PaperLookup inner, Set<String> lowerCaseKeys) implements PaperLookup {

    public static PaperLookup of(PaperLookup inner, Set<String> lowerCaseKeys) {
        return lowerCaseKeys.isEmpty() ? inner : new WithoutKeys(inner, Set.copyOf(lowerCaseKeys));
    }

    @Override
    public Optional<Paper> byKey(String key) {
        return hidden(key) ? Optional.empty() : inner.byKey(key).filter(p -> !hidden(p.key()));
    }

    @Override
    public List<Hit> completeKey(String prefix, int limit) {
        return kept(inner.completeKey(prefix, limit + lowerCaseKeys.size()), limit);
    }

    @Override
    public List<Hit> completeTitle(String typed, int limit) {
        return kept(inner.completeTitle(typed, limit + lowerCaseKeys.size()), limit);
    }

    @Override
    public List<Hit> related(dev.paperlink.corpus.model.Passage passage, int limit) {
        return kept(inner.related(passage, limit + lowerCaseKeys.size()), limit);
    }

    @Override
    public java.util.Map<String, Float> relatedScores(dev.paperlink.corpus.model.Passage passage, java.util.Collection<String> paperIds) {
        return inner.relatedScores(passage, paperIds);
    }

    private boolean hidden(String key) {
        return lowerCaseKeys.contains(key.toLowerCase(Locale.ROOT));
    }

    private List<Hit> kept(List<Hit> hits, int limit) {
        List<Hit> out = new ArrayList<>(Math.min(limit, hits.size()));
        for (Hit h : hits) {
            if (out.size() == limit) {
                break;
            }
            if (!hidden(h.paper().key())) {
                out.add(h);
            }
        }
        return out;
    }
}
