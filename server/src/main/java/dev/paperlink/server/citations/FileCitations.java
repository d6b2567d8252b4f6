package dev.paperlink.server.citations;

import dev.paperlink.server.feature.references.Occurrence;

import java.util.List;

/**
 * What one workspace file contributes: its citations (a note) or its entry keys (a bibliography).
 *
 * @param citesAll whether the note has {@code \nocite{*}}
 */
record FileCitations(String uri, Integer version, List<Occurrence> citations, List<Occurrence> entries, boolean citesAll) {

    FileCitations {
        citations = List.copyOf(citations);
        entries = List.copyOf(entries);
    }
}
