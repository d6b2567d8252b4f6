package dev.paperlink.server.feature.completion;

import dev.paperlink.server.feature.related.CitationContext;
import dev.paperlink.server.feature.related.DocumentTitle;
import dev.paperlink.server.feature.related.RelatedFeature;
import dev.paperlink.server.feature.related.RelatedPaper;
import dev.paperlink.server.syntax.CitationScan;
import java.util.HashMap;
import java.util.Map;

import dev.paperlink.corpus.model.Hit;
import dev.paperlink.corpus.model.Paper;
import dev.paperlink.corpus.model.Passage;
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
        CitationScan scan = scanner.get().scan(doc.text());
        Optional<CitationRef> ref = scan.at(p.offset());
        if (ref.isPresent()) {
            return keys(p, ref.get(), scan);
        }
        return TitleCompletion.complete(p);
    }

    private static final Passage NO_PASSAGE = Passage.of("");

    /** Typed prefixes this short are looked for among the papers related to the sentence first. */
    static final int SHORT_PREFIX = 2;
    /** How many related papers a short prefix is looked for among. */
    static final int RELATED_CANDIDATES = 200;

    private static CompletionResult keys(FeatureParams p, CitationRef ref, CitationScan scan) {
        String typed = p.document().text().substring(ref.range().start(), p.offset());
        int limit = p.config().completionLimit();
        PaperLookup bib = p.bibliography().lookup();
        Optional<CitationContext> context = p.config().related().inCompletion()
                ? Optional.of(CitationContext.around(p.document().text(), p.document().kind(), ref.range(), scan.refs()))
                : Optional.empty();
        Set<String> cited = context.map(CitationContext::citedInSentence).orElse(Set.of());
        // Papers related to the sentence first, when little or nothing is typed (their detail says so)
        Map<String, String> why = new HashMap<>();
        List<Hit> ordered = new ArrayList<>();
        if (context.isPresent() && typed.length() <= SHORT_PREFIX) {
            String ownTitle = DocumentTitle.of(p.document().kind(), p.document().text());
            for (RelatedPaper r : RelatedFeature.find(p, context.get(), ownTitle, typed.isEmpty() ? limit + 1 : RELATED_CANDIDATES)) {
                if (typed.isEmpty() || matchesTyped(r.paper(), typed)) {
                    ordered.add(new Hit(r.paper(), Hit.Match.RELATED, r.score()));
                    why.put(PaperLookup.idOf(r.paper()), r.why());
                }
            }
        }
        // then the document's bibliography, then the corpus (only once something is typed: it is large);
        // key prefix before title/author words, papers inside each tier by how they fit the sentence.
        // Each query asks only for what can still be shown, plus one to learn that more match;
        // once more than the limit are known, the rest is not asked at all.
        List<List<Hit>> tiers = new ArrayList<>();
        tiers.add(bib.completeKey(typed, room(limit, ordered, tiers)));
        if (room(limit, ordered, tiers) > 0) {
            tiers.add(bib.completeTitle(typed, room(limit, ordered, tiers)));
        }
        if (!typed.isEmpty() && room(limit, ordered, tiers) > 0) {
            p.cancel().check();
            // the sentence the candidates will be ordered by (byContext): a remote corpus sends its scores with them
            p.corpus().expectScores(context.map(c -> c.passage(p.config().relatedParagraphWeight())).orElse(NO_PASSAGE));
            tiers.add(p.corpus().completeKey(typed, room(limit, ordered, tiers)));
        }
        if (!typed.isEmpty() && room(limit, ordered, tiers) > 0) {
            p.cancel().check();
            tiers.add(p.corpus().completeTitle(typed, room(limit, ordered, tiers)));
        }
        ordered.addAll(context.isPresent() && !typed.isEmpty() ? byContext(p, context.get(), tiers) : tiers.stream().flatMap(List::stream).toList());
        List<CompletionCandidate> items = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        boolean more = false;
        Set<String> seenIds = new HashSet<>();
        // Papers the sentence cites already: not offered again while little is typed, else last
        // (a key typed on purpose still finds its paper)
        List<Hit> citedLast = new ArrayList<>();
        for (Hit h : ordered) {
            if (!cited.contains(h.paper().key())) {
                citedLast.add(h);
            }
        }
        if (typed.length() > SHORT_PREFIX) {
            ordered.stream().filter(h -> cited.contains(h.paper().key())).forEach(citedLast::add);
        }
        for (Hit h : citedLast) {
            Paper paper = h.paper();
            if (!seen.add(paper.key()) || (!paper.id().isEmpty() && !seenIds.add(paper.id()))) {
                continue; // a paper once, under the first key found for it
            }
            if (items.size() == limit) {
                more = true;
                break;
            }
            String reason = why.get(PaperLookup.idOf(paper));
            String detail = reason != null ? CitationFormatter.plain(reason) : CitationFormatter.detail(paper);
            items.add(new CompletionCandidate(CitationFormatter.plain(paper.key()), detail,
                    CitationFormatter.plain(paper.title()), ref.range(), paper.key(),
                    ShownText.forEditor(filterText(paper, typed), 2 * ShownText.EDITOR_MAX), sortText(items.size()), paper.key(), false,
                    dev.paperlink.server.feature.bibedit.AddToBibliography.needed(p, paper).orElse(null)));
        }
        // while the index is still reading the bibliography, the client should ask again
        return new CompletionResult(items, more || p.bibliography().pending());
    }

    /** Each tier's papers by how well they fit the sentence (one scoring query for all), the tiers in their order. */
    private static List<Hit> byContext(FeatureParams p, CitationContext context, List<List<Hit>> tiers) {
        List<String> ids = tiers.stream().flatMap(List::stream).map(h -> PaperLookup.idOf(h.paper())).distinct().toList();
        p.cancel().check();
        Map<String, Float> fit = ids.isEmpty() ? Map.of() : p.lookup().relatedScores(context.passage(p.config().relatedParagraphWeight()), ids);
        List<Hit> out = new ArrayList<>();
        for (List<Hit> tier : tiers) {
            Map<Hit.Match, List<Hit>> byMatch = new java.util.LinkedHashMap<>();
            tier.forEach(h -> byMatch.computeIfAbsent(h.match(), m -> new ArrayList<>()).add(h));
            for (List<Hit> same : byMatch.values()) {
                List<Hit> sorted = new ArrayList<>(same);
                sorted.sort(java.util.Comparator.comparing((Hit h) -> fit.getOrDefault(PaperLookup.idOf(h.paper()), 0f)).reversed()); // stable
                out.addAll(sorted);
            }
        }
        return out;
    }

    /** Whether a paper matches a short typed prefix: its key, a title word or an author's family name starts with it. */
    static boolean matchesTyped(Paper paper, String typed) {
        String t = typed.toLowerCase(java.util.Locale.ROOT);
        if (paper.allKeys().stream().anyMatch(k -> k.toLowerCase(java.util.Locale.ROOT).startsWith(t))) {
            return true;
        }
        for (String w : (paper.title()).toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (w.startsWith(t)) {
                return true;
            }
        }
        return paper.authors().stream().anyMatch(a -> a.family().toLowerCase(java.util.Locale.ROOT).startsWith(t));
    }

    /** How many more hits are worth asking for: the free places, plus one to learn that more match. */
    private static int room(int limit, List<Hit> first, List<List<Hit>> tiers) {
        return room(limit, first.size() + tiers.stream().mapToInt(List::size).sum());
    }

    private static int room(int limit, int sofar) {
        return Math.max(0, limit + 1 - sofar);
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
        return resolve(lookup, key, config, dev.paperlink.server.feature.references.WorkspaceCitations.EMPTY);
    }

    /** The card, and how often and where the workspace cites the key. */
    public static Optional<String> resolve(PaperLookup lookup, String key, ServerConfig config,
                                           dev.paperlink.server.feature.references.WorkspaceCitations citations) {
        return resolve(lookup, key, config, citations, dev.paperlink.server.render.FileExistence.NONE);
    }

    /** The card (with the attachment files {@code files} says exist), and how often and where the workspace cites the key. */
    public static Optional<String> resolve(PaperLookup lookup, String key, ServerConfig config,
                                           dev.paperlink.server.feature.references.WorkspaceCitations citations,
                                           dev.paperlink.server.render.FileExistence files) {
        String usage = dev.paperlink.server.feature.references.Usage.line(citations, key);
        return lookup.byKey(key).map(p -> CitationFormatter.card(p, config.abstractMaxChars(), files)
                + (usage.isEmpty() ? "" : "\n\n" + dev.paperlink.server.render.Markdown.escape(usage)));
    }

    /** The citation completion writes for a key in a document of this kind. */
    public static String citation(String key, DocumentKind kind, ServerConfig config) {
        InsertionStyle style = config.insertionStyle();
        if (style == InsertionStyle.AUTO && kind == DocumentKind.TYPST) {
            return key.chars().allMatch(c -> dev.paperlink.server.syntax.TypstCitationScanner.isLabelChar((char) c))
                    && !key.endsWith(".") && !key.endsWith(":") ? "@" + key : "#cite(label(\"" + key + "\"))";
        }
        if (style == InsertionStyle.AUTO && kind == DocumentKind.ORG) {
            return "[cite:@" + key + "]";
        }
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
