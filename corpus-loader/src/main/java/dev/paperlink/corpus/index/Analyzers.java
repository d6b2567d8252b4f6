package dev.paperlink.corpus.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;

import java.util.Map;

/**
 * The analyzers, all on {@link WordTokenizer} (words lower-cased, accents folded): "words" (for
 * completion), words without stop words (queries) and "english" (abstracts: possessives and stop words removed, plurals stemmed).
 */
final class Analyzers {
    /**
     * Words dropped from abstracts (and from queries over them): Lucene's English stop words and
     * the other English function words (pronouns, auxiliaries, prepositions, conjunctions). BM25
     * gives them next to no weight anyway; they were a tenth of the abstracts' words.
     */
    static final CharArraySet ENGLISH_FUNCTION_WORDS = functionWords();

    private Analyzers() {
    }

    private static CharArraySet functionWords() {
        CharArraySet words = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, false);
        words.addAll(java.util.List.of(("about above after again against all also am any aren't because been before being "
                + "below between both can can't cannot could couldn't did didn't do does doesn't doing don't down during "
                + "each few from further had hadn't has hasn't have haven't having he her here hers herself him himself "
                + "his how however i i'm into its itself just me might more most must my myself nor now off once only "
                + "other ought our ours ourselves out over own same shall she should shouldn't so some than thus them "
                + "themselves those through too under until up upon very wasn't we we're were weren't what when where "
                + "whether which while who whom whose why within without won't would wouldn't you your yours yourself "
                + "yourselves").split(" ")));
        return CharArraySet.unmodifiableSet(words);
    }

    /** Lower case, accents folded, nothing removed: what the user types is what is matched. */
    static Analyzer words() {
        return of(WordTokenizer.Options.FOLDED);
    }

    /** {@link #words()} without English stop words: for queries over word fields (the index keeps them). */
    static Analyzer wordsWithoutStopWords() {
        return of(WordTokenizer.Options.FOLDED.withStopWords(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET));
    }

    /** English: folded, possessives and stop words removed, plurals stemmed (minimal stemming: cheap, and rarely wrong). */
    static Analyzer english() {
        return of(new WordTokenizer.Options(ENGLISH_FUNCTION_WORDS, true, true));
    }

    /** Topic words: folded, possessives and Lucene's 33 English stop words removed, Porter-stemmed ("learning" as "learn"). */
    static Analyzer topic() {
        WordTokenizer.Options options = new WordTokenizer.Options(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true, false);
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                WordTokenizer words = new WordTokenizer(options);
                return new TokenStreamComponents(words, new org.apache.lucene.analysis.en.PorterStemFilter(words));
            }

            @Override
            protected TokenStream normalize(String field, TokenStream in) {
                return new ASCIIFoldingFilter(new LowerCaseFilter(in));
            }
        };
    }

    static Analyzer perField() {
        return new PerFieldAnalyzerWrapper(words(), Map.of(PaperFields.ABSTRACT, english(), PaperFields.TOPIC, topic()));
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
