package dev.paperlink.corpus.write;

/** What appending a paper to a bibliography file comes to. */
public sealed interface AppendPlan {

    /** Insert {@code text} at {@code offset} of the file's text (the rest of the file stays as it is). */
    record Insert(int offset, String text) implements AppendPlan {
    }

    /** The file has this paper already, under {@code key}: nothing to do. */
    record Present(String key) implements AppendPlan {
    }

    /** The file has another entry under this key (compared ignoring case, as BibTeX does): nothing is written. */
    record Taken(String key, String otherTitle) implements AppendPlan {
    }

    /** The file cannot take an entry without being rewritten (a CSL-JSON file that is not an array). */
    record Unusable(String reason) implements AppendPlan {
    }
}
