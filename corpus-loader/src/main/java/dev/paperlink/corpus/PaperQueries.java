package dev.paperlink.corpus;

import dev.paperlink.corpus.model.Hit;
import dev.paperlink.corpus.model.Paper;
import dev.paperlink.corpus.model.Passage;

import java.util.List;
import java.util.Optional;

/**
 * The questions completion, hover and definition ask about papers. {@link Corpus} answers them
 * about all its papers; {@link Corpus#within} about the papers of some source files only (a
 * document's own bibliography served from the index): there a paper is shown under the key its
 * record has in those files (a paper merged from several sources may be known elsewhere by
 * another key), and a key is matched only among the keys written in those files.
 */
public interface PaperQueries {

    /** The paper with this key or alias (exact, then ignoring case). */
    Optional<Paper> byKey(String key);

    /**
     * Papers whose key or alias starts with {@code prefix} (ignoring case), the exact key first; a
     * paper found by an alias is shown under it. Within files, an empty prefix gives every paper,
     * newest first.
     */
    List<Hit> completeKey(String prefix, int limit);

    /**
     * Papers matching words typed so far: title words (the last word as a prefix, typos forgiven),
     * author family names and a year ({@code vaswani 2017}); titles starting with the text first.
     */
    List<Hit> completeTitle(String typed, int limit);

    /** Papers related to a passage, most related first (see {@code paperlink bench --related-eval}). */
    List<Hit> related(Passage passage, int limit);

    /**
     * How related each of these papers (by {@link Paper#id()}) is to the passage, on the scale of
     * {@link #related}'s scores without its feedback step: to order candidates found otherwise (by
     * a key prefix). Papers that share no word with the passage are left out.
     */
    java.util.Map<String, Float> relatedScores(Passage passage, java.util.Collection<String> paperIds);

    /**
     * A passage {@link #related} will probably be asked about soon (the sentence being typed,
     * before its {@code \cite{}}): its embedding is made in the background now, so that the
     * question does not wait for it. Cheap and never blocking; nothing without embeddings.
     */
    default void prepareRelated(Passage passage) {
    }

    /**
     * The passage {@link #relatedScores} will probably be asked about next, for the papers that the
     * completion questions asked meanwhile find: a corpus that pays for every round trip (Solr)
     * brings those scores with their answers instead of in a question of their own. A hint only:
     * every answer is the same without it. A blank passage: none expected.
     */
    default void expectScores(Passage passage) {
    }
}
