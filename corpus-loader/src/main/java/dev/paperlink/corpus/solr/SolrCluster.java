package dev.paperlink.corpus.solr;

import dev.paperlink.corpus.merge.MatchKeys;
import dev.paperlink.corpus.merge.RecordMerger;
import dev.paperlink.corpus.model.Paper;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** One paper of the collection: its stable id, its generated key (if any) and its source records (as the embedded index's cluster). */
record SolrCluster(String id, String generatedKey, List<Paper> parts) {

    SolrCluster {
        parts = List.copyOf(parts);
    }

    Paper merged() {
        return RecordMerger.merge(id, generatedKey, parts);
    }

    /** The distinct de-duplication terms of all its records (titles hashed). */
    List<String> matchTerms() {
        LinkedHashSet<String> terms = new LinkedHashSet<>();
        parts.forEach(p -> terms.addAll(MatchKeys.hashed(p).index()));
        return List.copyOf(terms);
    }

    SolrCluster with(Paper part) {
        List<Paper> all = new ArrayList<>(parts);
        all.add(part);
        return new SolrCluster(id, generatedKey, all);
    }
}
