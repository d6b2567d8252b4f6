package dev.paperlink.server.feature.references;

import java.util.List;

/**
 * What the workspace cites and defines: every citation of every note in the workspace folders
 * (open or not) and every entry key of its bibliography files. Keys are compared ignoring case,
 * as BibTeX does. Implemented by {@code citations.CitationIndex}; features only ask.
 */
public interface WorkspaceCitations {
    WorkspaceCitations EMPTY = new WorkspaceCitations() {
        @Override
        public List<Occurrence> citations(String key) {
            return List.of();
        }

        @Override
        public List<Occurrence> entries(String key) {
            return List.of();
        }

        @Override
        public boolean ready() {
            return false;
        }

        @Override
        public boolean citesAll() {
            return false;
        }
    };

    /** Every citation of the key in the workspace's notes, by file then position. */
    List<Occurrence> citations(String key);

    /** The entries with this key in the workspace's bibliography files. */
    List<Occurrence> entries(String key);

    /** Whether every file of the workspace has been read once (before, answers are partial). */
    boolean ready();

    /** Whether some note cites every entry ({@code \nocite{*}}). */
    boolean citesAll();

    /** Whether a note cites the key. */
    default boolean cited(String key) {
        return !citations(key).isEmpty();
    }
}
