package dev.paperlink.corpus.index;

import dev.paperlink.corpus.model.Hit;
import dev.paperlink.corpus.model.Passage;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.Query;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The answers to the last few related-papers questions, reused while the index does not change.
 * An editor asks the same question several times about one sentence: completion in its citation,
 * then the code actions (which a client asks for again at each move of the cursor), each for fewer
 * papers. A ranking of {@code n} papers begins with the ranking of fewer (the same query, the same
 * tie-breakers), as long as both ask for no more than the {@code depth} each ranking is drawn from.
 */
final class RelatedAnswers {
    /** One question: the index it was asked of (a new commit is a new reader), and everything that shapes its answer. */
    record Question(IndexReader reader, Passage passage, Query filter, Set<String> preferred, String model) {
    }

    private record Answer(int limit, List<Hit> hits) {
    }

    private final int depth;
    private IndexReader reader;
    private final Map<Question, Answer> recent;

    RelatedAnswers(int size, int depth) {
        this.depth = depth;
        this.recent = Recent.map(size);
    }

    /** The answer for {@code limit} papers, when a question asked before already holds it. */
    synchronized Optional<List<Hit>> get(Question q, int limit) {
        forgetOtherReaders(q.reader());
        Answer a = recent.get(q);
        if (a == null || !(a.limit() == limit || (limit < a.limit() && a.limit() <= depth))) {
            return Optional.empty();
        }
        return Optional.of(a.hits().subList(0, Math.min(limit, a.hits().size())));
    }

    synchronized void put(Question q, int limit, List<Hit> hits) {
        forgetOtherReaders(q.reader());
        Answer before = recent.get(q);
        if (before == null || before.limit() < limit) {
            recent.put(q, new Answer(limit, List.copyOf(hits)));
        }
    }

    /** Answers from an older commit are never right again (and would keep its reader alive). */
    private void forgetOtherReaders(IndexReader current) {
        if (current != reader) {
            recent.clear();
            reader = current;
        }
    }
}
