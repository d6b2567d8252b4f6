package dev.paperlink.corpus.index;

import dev.paperlink.corpus.model.Paper;
import dev.paperlink.corpus.model.SourceSpan;
import dev.paperlink.corpus.source.ItemSource;
import dev.paperlink.corpus.source.RecordSink;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Brings the records of an item source (a Zotero database) in the index up to date item by item:
 * the records whose revision changed, and those of items gone, are taken out of their papers
 * (papers with records from elsewhere keep those); then the new and changed items, and only
 * those, are read again. A source of 10,000 items with one changed reads and writes one.
 */
final class ItemRefresh {
    /** What one refresh did: records taken out, records read again. */
    record Counts(int removed, int read, int unchanged) {
    }

    private ItemRefresh() {
    }

    static Counts run(String source, ItemSource items, ClusterLookup lookup, ClusterWriter clusters, RecordSink sink)
            throws IOException {
        Map<Integer, String> now = items.revisions();
        Map<Integer, String> indexed = new HashMap<>();
        Map<String, Set<Integer>> byCluster = new HashMap<>();
        Map<String, Cluster> clustersById = new HashMap<>();
        if (lookup.hasSource(source)) {
            lookup.refresh();
            IndexSearcher searcher = new IndexSearcher(lookup.reader());
            TopDocs top = searcher.search(new TermQuery(new Term(PaperFields.SOURCE, source)), Integer.MAX_VALUE);
            for (Cluster c : PaperRecords.read(lookup.reader(), top.scoreDocs)) {
                for (Paper part : c.parts()) {
                    recordId(part, source).ifPresent(id -> {
                        indexed.put(id, part.raw().getOrDefault(ItemSource.REVISION, ""));
                        byCluster.computeIfAbsent(c.id(), k -> new HashSet<>()).add(id); // by id: hashing a whole cluster is costly
                        clustersById.put(c.id(), c);
                    });
                }
            }
        }
        Set<Integer> stale = new HashSet<>();
        indexed.forEach((id, rev) -> {
            if (!rev.equals(now.get(id))) {
                stale.add(id);
            }
        });
        int removed = 0;
        for (Map.Entry<String, Set<Integer>> e : byCluster.entrySet()) {
            Cluster c = clustersById.get(e.getKey());
            if (e.getValue().stream().noneMatch(stale::contains)) {
                continue;
            }
            List<Paper> kept = c.parts().stream()
                    .filter(p -> recordId(p, source).map(id -> !stale.contains(id)).orElse(true))
                    .toList();
            removed += c.parts().size() - kept.size();
            if (kept.isEmpty()) {
                clusters.delete(c.id());
            } else {
                clusters.write(new Cluster(c.id(), c.generatedKey(), kept));
            }
        }
        if (removed > 0) {
            lookup.refresh();
        }
        Set<Integer> fresh = new HashSet<>();
        now.forEach((id, rev) -> {
            if (!rev.equals(indexed.get(id))) {
                fresh.add(id);
            }
        });
        int[] read = {0};
        if (!fresh.isEmpty()) {
            items.read(fresh::contains, new RecordSink() {
                @Override
                public void accept(Paper paper) {
                    read[0]++;
                    sink.accept(paper);
                }

                @Override
                public void skip(dev.paperlink.corpus.source.Skip skip) {
                    sink.skip(skip);
                }
            });
        }
        return new Counts(removed, read[0], now.size() - fresh.size());
    }

    /** The item id of a record from this source (its first line), when it is one. */
    private static java.util.Optional<Integer> recordId(Paper part, String source) {
        for (SourceSpan s : part.sources()) {
            if (s.file().equals(source)) {
                return java.util.Optional.of(s.startLine());
            }
        }
        return java.util.Optional.empty();
    }
}
