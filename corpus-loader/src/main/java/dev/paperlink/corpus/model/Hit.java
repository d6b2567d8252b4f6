package dev.paperlink.corpus.model;

/**
 * A search or completion answer: the paper, how it matched and its score (higher is better;
 * only comparable within one answer).
 */
public record Hit(Paper paper, Match match, float score) {

    /** How a hit matched, best first; the ranking tiers of completion. */
    public enum Match {
        EXACT_KEY, KEY_PREFIX, TITLE_PREFIX, WORDS, RELATED
    }
}
