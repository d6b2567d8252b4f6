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

    /** The same paper with the records of these files ranked first: their fields win where they have them. */
    Cluster preferring(java.util.Set<String> files) {
        java.util.List<Paper> ranked = new java.util.ArrayList<>(parts);
        ranked.sort(java.util.Comparator.comparingInt(p -> p.sources().stream().anyMatch(s -> files.contains(s.file())) ? 0 : 1));
        return new Cluster(id, generatedKey, ranked);
    }

    Cluster with(Paper part) {
        java.util.ArrayList<Paper> all = new java.util.ArrayList<>(parts);
        all.add(part);
        return new Cluster(id, generatedKey, all);
    }
}
