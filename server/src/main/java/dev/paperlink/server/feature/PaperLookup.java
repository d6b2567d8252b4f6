package dev.paperlink.server.feature;

import dev.paperlink.corpus.model.Passage;
import java.util.Collection;
import java.util.Map;

import dev.paperlink.corpus.PaperQueries;
import dev.paperlink.corpus.model.Hit;
import dev.paperlink.corpus.model.Paper;

import java.util.List;
import java.util.Optional;

/**
 * The questions features ask about papers. Implemented over the corpus index
 * ({@link #of(PaperQueries)}), over a document's own bibliography ({@link InMemoryLookup}), and layered
 * ({@link LayeredLookup}: the document's bibliography first).
 */
public interface PaperLookup {
    PaperLookup EMPTY = new InMemoryLookup(List.of());

    /** The paper with this key or alias (exact, then ignoring case). */
    Optional<Paper> byKey(String key);

    /** Papers whose key or alias starts with {@code prefix} (ignoring case), the exact key first. */
    List<Hit> completeKey(String prefix, int limit);

    /** Papers matching the words typed: title words (the last one as a prefix), author names, a year. */
    List<Hit> completeTitle(String typed, int limit);

    /** Papers related to a passage, most related first (none where no index answers: a bibliography read here). */
    default List<Hit> related(Passage passage, int limit) {
        return List.of();
    }

    /** The passage a related question will soon be about: its embedding is made ahead (see {@code PaperQueries.prepareRelated}). */
    default void prepareRelated(Passage passage) {
    }

    /** The passage {@link #relatedScores} will soon be asked about, for what the next completion questions find (see {@code PaperQueries.expectScores}). */
    default void expectScores(Passage passage) {
    }

    /** A paper's id as {@link #relatedScores} knows it: its index id, or its key for a paper read here (which has none). */
    static String idOf(Paper p) {
        return p.id().isEmpty() ? "key:" + p.key() : p.id();
    }

    /** How related each of these papers ({@link #idOf}) is to the passage; papers sharing no word with it are left out. */
    default Map<String, Float> relatedScores(Passage passage, Collection<String> paperIds) {
        return Map.of();
    }

    /** Known keys close to {@code key} (typos, missing or extra characters), closest first. */
    default List<String> keysNear(String key, int limit) {
        return NearestKeys.near(key, limit, this::completeKey, this::completeTitle);
    }

    /** The index's answers: about the whole corpus, or the papers of some files ({@code Corpus.within}). */
    static PaperLookup of(PaperQueries queries) {
        return new PaperLookup() {
            @Override
            public Optional<Paper> byKey(String key) {
                return queries.byKey(key);
            }

            @Override
            public List<Hit> completeKey(String prefix, int limit) {
                return queries.completeKey(prefix, limit);
            }

            @Override
            public List<Hit> completeTitle(String typed, int limit) {
                return queries.completeTitle(typed, limit);
            }

            @Override
            public List<Hit> related(Passage passage, int limit) {
                return queries.related(passage, limit);
            }

            @Override
            public Map<String, Float> relatedScores(Passage passage, Collection<String> paperIds) {
                return queries.relatedScores(passage, paperIds);
            }

            @Override
            public void prepareRelated(Passage passage) {
                queries.prepareRelated(passage);
            }

            @Override
            public void expectScores(Passage passage) {
                queries.expectScores(passage);
            }
        };
    }
}
