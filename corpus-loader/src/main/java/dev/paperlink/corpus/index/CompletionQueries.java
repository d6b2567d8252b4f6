package dev.paperlink.corpus.index;

import dev.paperlink.corpus.model.Hit;
import dev.paperlink.corpus.source.Identifiers;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The queries behind completion and search, and the ranking tiers they encode. Each tier is a
 * constant score far above the next, so a better tier always wins and, inside a tier, word
 * scores, then popularity and year (the sort's tie-breakers) decide:
 * exact key ({@value #EXACT_KEY}) &gt; key prefix ({@value #KEY_PREFIX}) &gt; title prefix
 * ({@value #TITLE_PREFIX}) &gt; word matches (BM25, well under {@value #TITLE_PREFIX}).
 */
final class CompletionQueries {
    static final float EXACT_KEY = 100_000f;
    static final float KEY_PREFIX = 50_000f;
    static final float TITLE_PREFIX = 20_000f;
    private static final Pattern YEAR = Pattern.compile("(19|20)\\d\\d");
    /** About 20 KB per word: 256 words (5 MB) cover what a person types in a while. */
    private static final TypoQueries TYPOS = new TypoQueries(256);

    /** A query and the way to tell, from a hit's score, which tier it matched in. */
    record Built(Query query, Function<Float, Hit.Match> classifier) {
    }

    private CompletionQueries() {
    }

    static Hit.Match tierOf(float score) {
        if (score >= EXACT_KEY) {
            return Hit.Match.EXACT_KEY;
        }
        if (score >= KEY_PREFIX) {
            return Hit.Match.KEY_PREFIX;
        }
        if (score >= TITLE_PREFIX) {
            return Hit.Match.TITLE_PREFIX;
        }
        return Hit.Match.WORDS;
    }

    static Built keyPrefix(String prefix) {
        String p = prefix.strip().toLowerCase(Locale.ROOT);
        if (p.isEmpty()) {
            return new Built(null, CompletionQueries::tierOf);
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        b.add(constant(new TermQuery(new Term(PaperFields.KEY_LC, p)), EXACT_KEY - KEY_PREFIX), Occur.SHOULD);
        Query prefixQuery = p.length() <= PaperFields.KEY_EDGE_MAX
                ? new TermQuery(new Term(PaperFields.KEY_EDGE, p))
                : new PrefixQuery(new Term(PaperFields.KEY_LC, p));
        b.add(constant(prefixQuery, KEY_PREFIX), Occur.MUST);
        return new Built(b.build(), CompletionQueries::tierOf);
    }

    /**
     * Title completion: every typed word must match a title word or an author's family name
     * (the last one as a prefix), with one typo allowed in words of 4+ letters (two in 8+);
     * a four-digit year must be the year. Titles that start with the typed text rank first.
     *
     * @param strict false to let one word go unmatched (the fallback when nothing matches); never
     *               the year: "vaswani 2017" lists no paper of 2016 or 2018
     * @param typos  whether words may match with one typo
     */
    static Built title(String typed, Analyzer words, boolean strict, boolean typos) {
        List<String> tokens = analyze(words, PaperFields.TITLE_WORDS, typed);
        if (tokens.isEmpty()) {
            return new Built(null, CompletionQueries::tierOf);
        }
        boolean lastIsPartial = !typed.isEmpty() && Character.isLetterOrDigit(typed.charAt(typed.length() - 1));
        BooleanQuery.Builder wordClauses = new BooleanQuery.Builder();
        List<Query> years = new ArrayList<>();
        int clauses = 0;
        for (int i = 0; i < tokens.size(); i++) {
            String w = tokens.get(i);
            boolean partial = lastIsPartial && i == tokens.size() - 1;
            if (YEAR.matcher(w).matches() && tokens.size() > 1) {
                years.add(yearOrWord(w));
                continue;
            }
            wordClauses.add(word(w, partial, typos), strict ? Occur.MUST : Occur.SHOULD);
            clauses++;
        }
        if (!strict) {
            if (clauses < 2) {
                return new Built(null, CompletionQueries::tierOf);
            }
            wordClauses.setMinimumNumberShouldMatch(clauses - 1);
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        if (clauses > 0) {
            b.add(wordClauses.build(), Occur.MUST);
        }
        years.forEach(y -> b.add(y, Occur.MUST));
        String normalized = Identifiers.normalizedTitle(typed);
        // "Starts with" of one to three letters says little and would expand to most titles.
        if (normalized.length() >= 4) {
            b.add(constant(new PrefixQuery(new Term(PaperFields.TITLE_START, PaperDocuments.titleStart(normalized))), TITLE_PREFIX),
                    Occur.SHOULD);
        }
        return new Built(b.build(), CompletionQueries::tierOf);
    }

    /** BM25 over title, authors and abstract, with the key as an exact match; every word may be a name. */
    static Built fullText(String text, Analyzer english, Analyzer words, Analyzer titleWords) {
        return fullText(text, english, words, titleWords, w -> true);
    }

    /**
     * BM25 over title, authors and abstract, with the key as an exact match. A topical query is
     * decided by title and abstract: only the words {@code nameLike} takes for names (more often a
     * family name than a title word in this index: "vaswani", not "translation") are looked for
     * among the authors, so an author field that reads "Group, Machine Translation" does not put a
     * 1993 paper first for "neural machine translation attention".
     */
    static Built fullText(String text, Analyzer english, Analyzer words, Analyzer titleWords, java.util.function.Predicate<String> nameLike) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        Query title = new QueryBuilder(titleWords).createBooleanQuery(PaperFields.TITLE_WORDS, text);
        Query abs = new QueryBuilder(english).createBooleanQuery(PaperFields.ABSTRACT, text);
        String names = String.join(" ", analyze(words, PaperFields.AUTHORS, text).stream().filter(nameLike).toList());
        Query authors = names.isEmpty() ? null : new QueryBuilder(words).createBooleanQuery(PaperFields.AUTHORS, names);
        int n = 0;
        if (title != null) {
            b.add(new BoostQuery(title, 3f), Occur.SHOULD);
            n++;
        }
        if (abs != null) {
            b.add(abs, Occur.SHOULD);
            n++;
        }
        if (authors != null) {
            b.add(new BoostQuery(authors, 2f), Occur.SHOULD);
            n++;
        }
        String key = text.strip().toLowerCase(Locale.ROOT);
        if (!key.isEmpty() && !key.contains(" ")) {
            b.add(constant(new TermQuery(new Term(PaperFields.KEY_LC, key)), EXACT_KEY), Occur.SHOULD);
            n++;
        }
        return new Built(n == 0 ? null : b.build(), s -> s >= EXACT_KEY ? Hit.Match.EXACT_KEY : Hit.Match.WORDS);
    }

    private static Query word(String w, boolean partial, boolean typos) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        b.add(new TermQuery(new Term(PaperFields.TITLE_WORDS, w)), Occur.SHOULD);
        b.add(new BoostQuery(new TermQuery(new Term(PaperFields.AUTHOR_FAMILY, w)), 1.5f), Occur.SHOULD);
        if (partial) {
            b.add(constant(titleWordPrefix(w), 1f), Occur.SHOULD);
            b.add(constant(new PrefixQuery(new Term(PaperFields.AUTHOR_FAMILY, w)), 1f), Occur.SHOULD);
        }
        // One edit (a typo: insertion, deletion, substitution, transposition) in words of 4+ letters,
        // 6+ for names; two edits would cost milliseconds per query to build and match too much.
        if (typos && w.length() >= 4) {
            b.add(constant(TYPOS.oneEditFrom(PaperFields.TITLE_WORDS, w), 0.5f), Occur.SHOULD);
            if (w.length() >= 6) {
                b.add(constant(TYPOS.oneEditFrom(PaperFields.AUTHOR_FAMILY, w), 0.5f), Occur.SHOULD);
            }
        }
        return b.build();
    }

    /**
     * Title words that start with {@code w}. A prefix query over the title words is fast enough
     * even for one letter (a few thousand terms in the ACL anthology; docs/benchmarks.md); indexed
     * word prefixes answered no faster and cost a tenth of the indexing time.
     */
    private static Query titleWordPrefix(String w) {
        return new PrefixQuery(new Term(PaperFields.TITLE_WORDS, w));
    }

    private static Query yearOrWord(String y) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        b.add(constant(new TermQuery(new Term(PaperFields.YEAR, y)), 2f), Occur.SHOULD);
        b.add(new TermQuery(new Term(PaperFields.TITLE_WORDS, y)), Occur.SHOULD);
        return b.build();
    }

    private static Query constant(Query q, float boost) {
        return new BoostQuery(new ConstantScoreQuery(q), boost);
    }

    static List<String> analyze(Analyzer analyzer, String field, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
