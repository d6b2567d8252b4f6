package dev.paperlink.corpus.solr;

import dev.paperlink.corpus.model.Hit;
import dev.paperlink.corpus.source.Identifiers;
import org.apache.solr.client.solrj.util.ClientUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The completion and search queries, in Solr's standard query syntax, with the embedded index's
 * tiers as constant scores ({@code ^=}): exact key ({@value #EXACT_KEY}) &gt; key prefix
 * ({@value #KEY_PREFIX}) &gt; title prefix ({@value #TITLE_PREFIX}) &gt; word matches (BM25).
 * Prefixes are single terms of edge-n-gram fields made at index time ({@code key_edge},
 * {@code title_edge}, {@code author_edge}); typos are fuzzy terms of one edit.
 */
final class SolrQueries {
    static final float EXACT_KEY = 100_000f;
    static final float KEY_PREFIX = 50_000f;
    static final float TITLE_PREFIX = 20_000f;
    /** key_edge holds prefixes up to this long (schema.xml); a longer one is a prefix query on key_lc. */
    static final int KEY_EDGE_MAX = 40;
    static final int WORD_EDGE_MAX = 20;
    private static final Pattern YEAR = Pattern.compile("(19|20)\\d\\d");

    private SolrQueries() {
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

    static String esc(String s) {
        return ClientUtils.escapeQueryChars(s);
    }

    /** Key completion, or null for an empty prefix. */
    static String keyPrefix(String prefix) {
        String p = prefix.strip().toLowerCase(Locale.ROOT);
        if (p.isEmpty()) {
            return null;
        }
        String prefixClause = p.length() <= KEY_EDGE_MAX ? "key_edge:" + esc(p) : "key_lc:" + esc(p) + "*";
        return "+(" + prefixClause + ")^=" + (int) KEY_PREFIX + " (key_lc:" + esc(p) + ")^=" + (int) (EXACT_KEY - KEY_PREFIX);
    }

    static String exactKey(String key) {
        return "key_lc:" + esc(key.toLowerCase(Locale.ROOT));
    }

    /** The words of typed text as the schema's "words" analyzer makes them: lower case, accents folded. */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        for (String w : Identifiers.foldToAscii(text).toLowerCase(Locale.ROOT).split("[^\\p{Alnum}]+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    /**
     * Title completion (the embedded CompletionQueries.title): every word must match a title word
     * or an author's family name (the last one as a prefix), a four-digit year among other words
     * must be the year; titles that start with the text rank first. Null when there is nothing to ask.
     *
     * @param strict false to let one word go unmatched (the fallback when nothing matches)
     * @param typos  whether words of 4+ letters may match with one edit
     */
    static String title(String typed, boolean strict, boolean typos) {
        List<String> tokens = words(typed);
        if (tokens.isEmpty()) {
            return null;
        }
        boolean lastIsPartial = !typed.isEmpty() && Character.isLetterOrDigit(typed.charAt(typed.length() - 1));
        List<String> clauses = new ArrayList<>();
        List<String> years = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            String w = tokens.get(i);
            boolean partial = lastIsPartial && i == tokens.size() - 1;
            if (YEAR.matcher(w).matches() && tokens.size() > 1) {
                years.add("+(year:" + w + "^=2 title_words:" + w + ")");
                continue;
            }
            clauses.add(word(w, partial, typos));
        }
        StringBuilder q = new StringBuilder();
        if (strict) {
            clauses.forEach(c -> q.append('+').append(c).append(' '));
        } else {
            if (clauses.size() < 2) {
                return null;
            }
            // all but one word: the disjunction of every way to leave one out
            q.append("+(");
            for (int skip = 0; skip < clauses.size(); skip++) {
                q.append("(");
                for (int i = 0; i < clauses.size(); i++) {
                    if (i != skip) {
                        q.append('+').append(clauses.get(i)).append(' ');
                    }
                }
                q.append(") ");
            }
            q.append(") ");
        }
        years.forEach(y -> q.append(y).append(' '));
        String normalized = Identifiers.normalizedTitle(typed);
        if (normalized.length() >= 4) {
            String start = normalized.length() <= SolrDocuments.TITLE_START_CHARS ? normalized
                    : normalized.substring(0, SolrDocuments.TITLE_START_CHARS);
            q.append("(title_start:").append(esc(start)).append("*)^=").append((int) TITLE_PREFIX);
        }
        return q.toString().strip();
    }

    private static String word(String w, boolean partial, boolean typos) {
        String e = esc(w);
        StringBuilder b = new StringBuilder("(title_words:").append(e).append(" author_family:").append(e).append("^1.5");
        if (partial) {
            if (w.length() <= WORD_EDGE_MAX) {
                b.append(" (title_edge:").append(e).append(")^=1 (author_edge:").append(e).append(")^=1");
            } else {
                b.append(" (title_words:").append(e).append("*)^=1");
            }
        }
        if (typos && w.length() >= 4) {
            b.append(" (title_words:").append(e).append("~1)^=0.5");
            if (w.length() >= 6) {
                b.append(" (author_family:").append(e).append("~1)^=0.5");
            }
        }
        return b.append(')').toString();
    }

    /** BM25 over title, authors and abstract, with the key as an exact match. */
    static String fullText(String text) {
        List<String> tokens = words(text);
        if (tokens.isEmpty()) {
            return null;
        }
        String ws = String.join(" ", tokens.stream().map(SolrQueries::esc).toList());
        StringBuilder q = new StringBuilder("title_words:(" + ws + ")^3 abstract:(" + ws + ") authors:(" + ws + ")^2");
        String key = text.strip().toLowerCase(Locale.ROOT);
        if (!key.isEmpty() && !key.contains(" ")) {
            q.append(" (key_lc:").append(esc(key)).append(")^=").append((int) EXACT_KEY);
        }
        return q.toString();
    }

    /**
     * Related papers: the passage's words against {@code topic} (title, keywords, abstract; English
     * analysis, BM25 k1 0.9 b 0.4), the focus sentence at full weight and the text around it at its
     * weight. LaTeX commands, citation markers, math and numbers are taken out first.
     */
    /** The related query of a passage: the one {@code related}, {@code relatedScores} and the scores a keystroke brings all ask. */
    static String related(dev.paperlink.corpus.model.Passage passage) {
        return related(passage.focus(), passage.around(), passage.aroundWeight());
    }

    static String related(String focus, String around, float aroundWeight) {
        List<String> f = relatedWords(focus);
        List<String> a = relatedWords(around);
        if (f.isEmpty() && a.isEmpty()) {
            return null;
        }
        StringBuilder q = new StringBuilder();
        if (!f.isEmpty()) {
            q.append("topic:(").append(String.join(" ", f)).append(')');
        }
        if (!a.isEmpty() && aroundWeight > 0) {
            q.append(" topic:(").append(String.join(" ", a)).append(")^").append(aroundWeight);
        }
        return q.toString().strip();
    }

    private static final Pattern MARKUP = Pattern.compile("\\\\[a-zA-Z@]+\\*?(\\[[^\\]]*\\])?(\\{[^}]*\\})?|\\$[^$]*\\$|\\[@[^\\]]*\\]|@[\\w:-]+|https?://\\S+");

    static List<String> relatedWords(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String w : words(MARKUP.matcher(text).replaceAll(" "))) {
            if (w.length() > 1 && !w.chars().allMatch(Character::isDigit)) {
                out.add(esc(w));
            }
        }
        // a very long passage: its first words are enough (Solr's clause limit is 4096)
        return out.size() > 400 ? out.subList(0, 400) : out;
    }
}
