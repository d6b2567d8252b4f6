package dev.paperlink.server.feature.completion;

import dev.paperlink.corpus.model.Hit;
import dev.paperlink.corpus.model.Paper;
import dev.paperlink.corpus.model.ShownText;
import dev.paperlink.server.config.ServerConfig;
import dev.paperlink.server.config.ServerConfig.InsertionStyle;
import dev.paperlink.server.document.DocumentKind;
import dev.paperlink.server.document.TextDocument;
import dev.paperlink.server.document.TextRange;
import dev.paperlink.server.feature.FeatureParams;
import dev.paperlink.server.feature.PaperLookup;
import dev.paperlink.server.render.CitationFormatter;
import dev.paperlink.server.syntax.CitationRef;
import dev.paperlink.server.syntax.CitationScanner;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Completion: of keys inside a citation (or after {@code @}), and of paper titles outside
 * citations. Keys: the document's bibliography first, then the corpus; matched by key prefix and
 * by title/author words. Documentation is left for {@link #resolve}.
 */
public final class CompletionFeature {
    private CompletionFeature() {
    }

    public static CompletionResult complete(FeatureParams p) {
        TextDocument doc = p.document();
        Optional<CitationScanner> scanner = CitationScanner.forKind(doc.kind());
        if (scanner.isEmpty() || p.offset() < 0 || p.offset() > doc.text().length()) {
            return CompletionResult.EMPTY;
        }
        Optional<CitationRef> ref = scanner.get().scan(doc.text()).at(p.offset());
        if (ref.isPresent()) {
            return keys(p, ref.get());
        }
        return TitleCompletion.complete(p);
    }

    private static CompletionResult keys(FeatureParams p, CitationRef ref) {
        String typed = p.document().text().substring(ref.range().start(), p.offset());
        int limit = p.config().completionLimit();
        PaperLookup bib = p.bibliography().lookup();
        List<Hit> ordered = new ArrayList<>();
        // the document's bibliography, then the corpus (only once something is typed: it is large);
        // key prefix before title/author words
        // Each query asks only for what can still be shown, plus one to learn that more match;
        // once more than the limit are known, the rest is not asked at all.
        ordered.addAll(bib.completeKey(typed, limit + 1));
        if (room(limit, ordered) > 0) {
            ordered.addAll(bib.completeTitle(typed, room(limit, ordered)));
        }
        if (!typed.isEmpty() && room(limit, ordered) > 0) {
            p.cancel().check();
            ordered.addAll(p.corpus().completeKey(typed, room(limit, ordered)));
        }
        if (!typed.isEmpty() && room(limit, ordered) > 0) {
            p.cancel().check();
            ordered.addAll(p.corpus().completeTitle(typed, room(limit, ordered)));
        }
        List<CompletionCandidate> items = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        boolean more = false;
        Set<String> seenIds = new HashSet<>();
        for (Hit h : ordered) {
            Paper paper = h.paper();
            if (!seen.add(paper.key()) || (!paper.id().isEmpty() && !seenIds.add(paper.id()))) {
                continue; // a paper once, under the first key found for it
            }
            if (items.size() == limit) {
                more = true;
                break;
            }
            items.add(new CompletionCandidate(CitationFormatter.plain(paper.key()), CitationFormatter.detail(paper),
                    CitationFormatter.plain(paper.title()), ref.range(), paper.key(),
                    ShownText.forEditor(filterText(paper, typed), 2 * ShownText.EDITOR_MAX), sortText(items.size()), paper.key(), false));
        }
        // while the index is still reading the bibliography, the client should ask again
        return new CompletionResult(items, more || p.bibliography().pending());
    }

    /** How many more hits are worth asking for: the free places, plus one to learn that more match. */
    private static int room(int limit, List<Hit> sofar) {
        return Math.max(0, limit + 1 - sofar.size());
    }

    /**
     * Key, authors, title and year, so that clients which filter on the typed text keep items
     * found by title words; the typed text is put first when the key does not start with it.
     */
    static String filterText(Paper p, String typed) {
        StringBuilder sb = new StringBuilder(p.key());
        if (!typed.isEmpty() && !p.key().toLowerCase(java.util.Locale.ROOT).startsWith(typed.toLowerCase(java.util.Locale.ROOT))) {
            sb.insert(0, typed + " ");
        }
        p.authors().forEach(a -> sb.append(' ').append(a.sortName()));
        sb.append(' ').append(p.title()).append(' ').append(p.year());
        return sb.toString().strip();
    }

    static String sortText(int rank) {
        return String.format("%04d", rank);
    }

    /** The documentation of an item, filled lazily: the paper's Markdown card. */
    public static Optional<String> resolve(PaperLookup lookup, String key, ServerConfig config) {
        return lookup.byKey(key).map(p -> CitationFormatter.card(p, config.abstractMaxChars()));
    }

    /** The citation completion writes for a key in a document of this kind. */
    public static String citation(String key, DocumentKind kind, ServerConfig config) {
        InsertionStyle style = config.insertionStyle();
        if (style == InsertionStyle.AUTO) {
            style = kind == DocumentKind.LATEX ? InsertionStyle.LATEX : InsertionStyle.PANDOC;
        }
        return switch (style) {
            case LATEX -> "\\" + config.latexCommand() + "{" + key + "}";
            case PANDOC -> "[@" + pandocKey(key) + "]";
            case PANDOC_BARE -> "@" + pandocKey(key);
            case AUTO -> throw new IllegalStateException();
        };
    }

    /** Keys pandoc cannot read bare (ending in punctuation, odd characters) are written {@code @{...}}. */
    static String pandocKey(String key) {
        boolean plain = !key.isEmpty() && Character.isLetterOrDigit(key.charAt(0))
                && Character.isLetterOrDigit(key.charAt(key.length() - 1))
                && key.chars().allMatch(c -> Character.isLetterOrDigit(c) || "_:.#$%&-+?<>~/".indexOf(c) >= 0);
        return plain ? key : "{" + key + "}";
    }

    static TextRange range(int start, int end) {
        return new TextRange(start, end);
    }
}
