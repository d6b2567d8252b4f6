package dev.paperlink.corpus.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;

import java.util.Map;

/**
 * The analyzers, all on {@link WordTokenizer} (words lower-cased, accents folded): "words" (for
 * completion), words without stop words (queries), word prefixes (the word being typed), and
 * "english" (abstracts: possessives and stop words removed, plurals stemmed).
 */
final class Analyzers {
    private Analyzers() {
    }

    /** Lower case, accents folded, nothing removed: what the user types is what is matched. */
    static Analyzer words() {
        return of(WordTokenizer.Options.FOLDED);
    }

    /** {@link #words()} without English stop words: for queries over word fields (the index keeps them). */
    static Analyzer wordsWithoutStopWords() {
        return of(WordTokenizer.Options.FOLDED.withStopWords(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET));
    }

    /**
     * The prefixes of each word from {@link PaperFields#EDGE_MIN} to {@link PaperFields#EDGE_MAX}
     * characters (not the words themselves: those are in the words field).
     */
    static Analyzer wordPrefixes() {
        return of(new WordTokenizer.Options(null, false, false, PaperFields.EDGE_MIN, PaperFields.EDGE_MAX));
    }

    /** English: folded, possessives and stop words removed, plurals stemmed (minimal stemming: cheap, and rarely wrong). */
    static Analyzer english() {
        return of(new WordTokenizer.Options(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true, true, 0, 0));
    }

    static Analyzer perField() {
        return new PerFieldAnalyzerWrapper(words(), Map.of(
                PaperFields.ABSTRACT, english(),
                PaperFields.TITLE_EDGE, wordPrefixes()));
    }

    private static Analyzer of(WordTokenizer.Options options) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                return new TokenStreamComponents(new WordTokenizer(options));
            }

            @Override
            protected TokenStream normalize(String field, TokenStream in) {
                return new ASCIIFoldingFilter(new LowerCaseFilter(in));
            }
        };
    }
}
