package dev.paperlink.corpus.index;

import dev.paperlink.corpus.merge.RecordMerger;
import dev.paperlink.corpus.model.Paper;

import java.util.List;

/** One paper in the index: its stable id, its generated key (if any) and its source records. */
record Cluster(String id, String generatedKey, List<Paper> parts) {

    Cluster {
        parts = List.copyOf(parts);
    }

    Paper merged() {
        return RecordMerger.merge(id, generatedKey, parts);
    }

    /** The distinct de-duplication terms of all its records (titles hashed), as the index stores them. */
    List<String> matchTerms() {
        java.util.LinkedHashSet<String> terms = new java.util.LinkedHashSet<>();
        parts.forEach(p -> terms.addAll(dev.paperlink.corpus.merge.MatchKeys.hashed(p).index()));
        return List.copyOf(terms);
    }

    Cluster with(Paper part) {
        java.util.ArrayList<Paper> all = new java.util.ArrayList<>(parts);
        all.add(part);
        return new Cluster(id, generatedKey, all);
    }
}
