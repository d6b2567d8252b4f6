package dev.paperlink.corpus.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;

import java.util.Map;

/** The analyzers: "words" (folded, for completion) and "english" (stemmed, for search). */
final class Analyzers {
    private Analyzers() {
    }

    /** Lower case, accents folded, nothing removed: what the user types is what is matched. */
    static Analyzer words() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                StandardTokenizer source = new StandardTokenizer();
                TokenStream ts = new LowerCaseFilter(source);
                ts = new ASCIIFoldingFilter(ts);
                return new TokenStreamComponents(source, ts);
            }

            @Override
            protected TokenStream normalize(String field, TokenStream in) {
                return new ASCIIFoldingFilter(new LowerCaseFilter(in));
            }
        };
    }

    /** {@link #words()} without English stop words: for queries over word fields (the index keeps them). */
    static Analyzer wordsWithoutStopWords() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                StandardTokenizer source = new StandardTokenizer();
                TokenStream ts = new LowerCaseFilter(source);
                ts = new ASCIIFoldingFilter(ts);
                ts = new StopFilter(ts, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
                return new TokenStreamComponents(source, ts);
            }
        };
    }

    /** Words, then every prefix of each word up to {@link PaperFields#EDGE_MAX} characters. */
    static Analyzer wordPrefixes() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                StandardTokenizer source = new StandardTokenizer();
                TokenStream ts = new LowerCaseFilter(source);
                ts = new ASCIIFoldingFilter(ts);
                ts = new EdgeNGramTokenFilter(ts, 1, PaperFields.EDGE_MAX, true);
                return new TokenStreamComponents(source, ts);
            }
        };
    }

    /** English: folded, stop words removed, plurals stemmed (minimal stemming: cheap, and rarely wrong). */
    static Analyzer english() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                StandardTokenizer source = new StandardTokenizer();
                TokenStream ts = new EnglishPossessiveFilter(source);
                ts = new LowerCaseFilter(ts);
                ts = new ASCIIFoldingFilter(ts);
                ts = new StopFilter(ts, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
                ts = new EnglishMinimalStemFilter(ts);
                return new TokenStreamComponents(source, ts);
            }
        };
    }

    static Analyzer perField() {
        Analyzer words = words();
        Analyzer english = english();
        return new PerFieldAnalyzerWrapper(words, Map.of(
                PaperFields.ABSTRACT, english,
                PaperFields.TITLE_EDGE, wordPrefixes()));
    }
}
