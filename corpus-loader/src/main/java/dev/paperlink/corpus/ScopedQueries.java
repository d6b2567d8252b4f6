package dev.paperlink.corpus;

import dev.paperlink.corpus.model.Hit;
import dev.paperlink.corpus.model.Paper;

import java.util.List;
import java.util.Optional;

/**
 * The questions of {@link Corpus} asked of the papers of some source files only: a document's own
 * bibliography served from the index ({@link Corpus#within}). A paper is shown under the key its
 * record has in those files (a paper merged from several sources may be known elsewhere by
 * another key); a key is matched only among the keys written in those files.
 */
public interface ScopedQueries {

    /** The paper whose record in these files has this key (exact spelling first, then ignoring case). */
    Optional<Paper> byKey(String key);

    /** Papers with a key in these files that starts with {@code prefix} (all of them, newest first, for an empty prefix). */
    List<Hit> completeKey(String prefix, int limit);

    /** As {@link Corpus#completeTitle}, among these files' papers. */
    List<Hit> completeTitle(String typed, int limit);
}
