package dev.paperlink.corpus.index;

import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.AttributeSource;
import org.apache.lucene.util.automaton.CompiledAutomaton;
import org.apache.lucene.util.automaton.LevenshteinAutomata;

import java.io.IOException;
import java.util.Map;

/**
 * "This word with at most one typo" (an insertion, deletion, substitution or transposition) as a
 * query, its compiled automaton remembered for the most recent words. Building and compiling a
 * Levenshtein automaton costs more than running it against the term dictionary, and completion
 * asks about the same words again and again: at every keystroke for the words already typed, in
 * two fields, in each pass of {@link PaperSearcher#completeTitle}. Queries are immutable, so one
 * serves every search.
 */
final class TypoQueries {
    private final Map<String, CompiledAutomaton> recent;

    TypoQueries(int capacity) {
        this.recent = Recent.map(capacity);
    }

    /**
     * Terms of {@code field} within one edit of {@code word} (the word itself included), the first
     * letter kept: people rarely mistype it, and it narrows the walk of the term dictionary.
     */
    Query oneEditFrom(String field, String word) {
        return new OneEdit(field, word, automaton(word));
    }

    private CompiledAutomaton automaton(String word) {
        synchronized (recent) {
            CompiledAutomaton a = recent.get(word);
            if (a != null) {
                return a;
            }
        }
        // Built outside the lock: two threads may build the same automaton, and either copy is right.
        int first = Character.charCount(word.codePointAt(0));
        // Finite and already minimal: nothing for CompiledAutomaton to analyse (as FuzzyQuery builds them).
        CompiledAutomaton a = new CompiledAutomaton(
                new LevenshteinAutomata(word.substring(first), true).toAutomaton(1, word.substring(0, first)), true, false);
        synchronized (recent) {
            recent.put(word, a);
        }
        return a;
    }

    /** Matches the terms its automaton accepts, with a constant score (the caller boosts it). */
    private static final class OneEdit extends MultiTermQuery {
        private final String word;
        private final CompiledAutomaton automaton;

        OneEdit(String field, String word, CompiledAutomaton automaton) {
            super(field, CONSTANT_SCORE_BLENDED_REWRITE);
            this.word = word;
            this.automaton = automaton;
        }

        @Override
        protected TermsEnum getTermsEnum(Terms terms, AttributeSource atts) throws IOException {
            return automaton.getTermsEnum(terms);
        }

        @Override
        public void visit(QueryVisitor visitor) {
            if (visitor.acceptField(field)) {
                automaton.visit(visitor, this, field);
            }
        }

        @Override
        public String toString(String f) {
            return (field.equals(f) ? "" : field + ":") + word + "~1";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof OneEdit other && other.field.equals(field) && other.word.equals(word);
        }

        @Override
        public int hashCode() {
            return 31 * field.hashCode() + word.hashCode();
        }
    }
}
