package dev.paperlink.corpus.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The analyzers, all on the standard tokenizer with case and accents folded: "words" (for
 * completion), words without stop words (queries), word prefixes (the word being typed), and
 * "english" (abstracts: stop words removed, plurals stemmed).
 */
final class Analyzers {
    private Analyzers() {
    }

    /** Lower case, accents folded, nothing removed: what the user types is what is matched. */
    static Analyzer words() {
        return chain(Analyzers::folded);
    }

    /** {@link #words()} without English stop words: for queries over word fields (the index keeps them). */
    static Analyzer wordsWithoutStopWords() {
        return chain(ts -> new StopFilter(folded(ts), EnglishAnalyzer.ENGLISH_STOP_WORDS_SET));
    }

    /**
     * The prefixes of each word from {@link PaperFields#EDGE_MIN} to {@link PaperFields#EDGE_MAX}
     * characters (not the words themselves: those are in the words field).
     */
    static Analyzer wordPrefixes() {
        return chain(ts -> new EdgeNGramTokenFilter(folded(ts), PaperFields.EDGE_MIN, PaperFields.EDGE_MAX, false));
    }

    /** English: folded, stop words removed, plurals stemmed (minimal stemming: cheap, and rarely wrong). */
    static Analyzer english() {
        return chain(ts -> new EnglishMinimalStemFilter(
                new StopFilter(folded(new EnglishPossessiveFilter(ts)), EnglishAnalyzer.ENGLISH_STOP_WORDS_SET)));
    }

    static Analyzer perField() {
        return new PerFieldAnalyzerWrapper(words(), Map.of(
                PaperFields.ABSTRACT, english(),
                PaperFields.TITLE_EDGE, wordPrefixes()));
    }

    private static TokenStream folded(TokenStream in) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(in));
    }

    private static Analyzer chain(UnaryOperator<TokenStream> filters) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                StandardTokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, filters.apply(source));
            }

            @Override
            protected TokenStream normalize(String field, TokenStream in) {
                return folded(in);
            }
        };
    }
}
