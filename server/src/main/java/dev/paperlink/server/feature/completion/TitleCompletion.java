package dev.paperlink.server.feature.completion;

import dev.paperlink.corpus.model.Hit;
import dev.paperlink.corpus.model.Paper;
import dev.paperlink.server.config.ServerConfig;
import dev.paperlink.server.document.TextRange;
import dev.paperlink.server.feature.FeatureParams;
import dev.paperlink.server.feature.PaperLookup;
import dev.paperlink.server.render.CitationFormatter;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * "Type a paper's title, get the link": outside citations, when the words just typed are the
 * start of a paper's title (at least two words, or one distinctive word of four or more
 * letters), offer those papers; accepting one replaces the typed words with a citation in the
 * document's syntax (or, with {@code titleCompletion = append}, writes the full title followed
 * by the citation). The longest run of typed words that starts a title wins.
 */
final class TitleCompletion {
    static final int MAX_WORDS = 6;
    private static final Set<String> STOPWORDS = Set.of(
            "about", "above", "after", "again", "also", "although", "among", "because", "been", "before", "being",
            "below", "between", "both", "cannot", "could", "does", "doing", "down", "during", "each", "either",
            "even", "every", "from", "further", "have", "having", "here", "into", "itself", "just", "like", "many",
            "more", "most", "much", "must", "neither", "only", "other", "over", "same", "should", "since", "some",
            "such", "than", "that", "their", "them", "then", "there", "these", "they", "this", "those", "though",
            "through", "under", "until", "very", "well", "were", "what", "when", "where", "which", "while", "will",
            "with", "within", "without", "would", "your", "using", "used", "uses", "show", "shows", "shown", "paper",
            "work", "works", "section", "figure", "table", "result", "results", "method", "methods", "example",
            "note", "notes", "first", "second", "third", "finally");

    private TitleCompletion() {
    }

    static CompletionResult complete(FeatureParams p) {
        String text = p.document().text();
        int cursor = p.offset();
        if (cursor == 0 || !isWordChar(text.charAt(cursor - 1)) || (cursor < text.length() && isWordChar(text.charAt(cursor)))) {
            return CompletionResult.EMPTY;
        }
        List<Integer> starts = wordStarts(text, cursor);
        PaperLookup lookup = p.lookup();
        int limit = p.config().completionLimit();
        for (int k = starts.size(); k >= 1; k--) {
            int start = starts.get(starts.size() - k);
            String typed = text.substring(start, cursor);
            if (k == 1 && !distinctive(typed)) {
                continue;
            }
            p.cancel().check();
            List<Hit> hits = lookup.completeTitle(typed, limit + 1).stream()
                    .filter(h -> h.match() == Hit.Match.TITLE_PREFIX)
                    .toList();
            if (!hits.isEmpty()) {
                return items(p, hits, new TextRange(start, cursor), limit);
            }
        }
        return CompletionResult.EMPTY;
    }

    private static CompletionResult items(FeatureParams p, List<Hit> hits, TextRange typed, int limit) {
        List<CompletionCandidate> items = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        ServerConfig config = p.config();
        for (Hit h : hits) {
            Paper paper = h.paper();
            if (items.size() == limit || !seen.add(paper.key())) {
                continue;
            }
            String cite = CompletionFeature.citation(paper.key(), p.document().kind(), config);
            String title = CitationFormatter.plain(paper.title());
            String newText = config.titleCompletion() == ServerConfig.TitleCompletion.APPEND ? title + " " + cite : cite;
            String detail = (CitationFormatter.plain(paper.key()) + " · " + CitationFormatter.detail(paper)).strip();
            items.add(new CompletionCandidate(title, detail, CitationFormatter.plain(paper.key()), typed, newText, title,
                    CompletionFeature.sortText(items.size()), paper.key(), true,
                    dev.paperlink.server.feature.bibedit.AddToBibliography.needed(p, paper).orElse(null)));
        }
        return new CompletionResult(items, true); // a longer or shorter run of words may match next time
    }

    /** Where the last words before the cursor start, on the same line, in text order (at most {@link #MAX_WORDS}). */
    static List<Integer> wordStarts(String text, int cursor) {
        List<Integer> starts = new ArrayList<>();
        int i = cursor;
        while (starts.size() < MAX_WORDS && i > 0) {
            int e = i;
            while (i > 0 && isWordChar(text.charAt(i - 1))) {
                i--;
            }
            if (i == e) {
                break;
            }
            if (i > 0 && (text.charAt(i - 1) == '\\' || text.charAt(i - 1) == '@')) {
                break; // a command or a citation, not prose
            }
            starts.add(0, i);
            int s = i;
            while (s > 0 && (text.charAt(s - 1) == ' ' || text.charAt(s - 1) == '\t' || text.charAt(s - 1) == ':'
                    || text.charAt(s - 1) == ',')) {
                s--;
            }
            if (s == i || s == 0 || !isWordChar(text.charAt(s - 1))) {
                break;
            }
            i = s;
        }
        return starts;
    }

    static boolean distinctive(String word) {
        int letters = (int) word.chars().filter(Character::isLetter).count();
        return letters >= 4 && !STOPWORDS.contains(word.toLowerCase(Locale.ROOT));
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '-' || c == '\'' || c == '’';
    }
}
