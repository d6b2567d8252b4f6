package dev.paperlink.server.feature.related;

import dev.paperlink.corpus.model.Hit;
import dev.paperlink.corpus.model.Paper;
import dev.paperlink.corpus.source.Identifiers;
import dev.paperlink.server.document.TextDocument;
import dev.paperlink.server.document.TextRange;
import dev.paperlink.server.feature.FeatureParams;
import dev.paperlink.server.syntax.CitationRef;
import dev.paperlink.server.syntax.CitationScanner;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Papers related to a place of a note: the sentence a citation (or a selection) is in, with its
 * paragraph as a weaker signal ({@link CitationContext}), asked of the document's bibliography and
 * the corpus together. Papers already cited in that sentence, and the paper being written itself
 * (same title), are not suggested.
 */
public final class RelatedFeature {
    private RelatedFeature() {
    }

    public static List<RelatedPaper> find(FeatureParams p, TextRange at, int limit) {
        TextDocument doc = p.document();
        String text = doc.text();
        List<CitationRef> refs = CitationScanner.refs(doc.kind(), text);
        CitationContext context = CitationContext.around(text, doc.kind(), at, refs);
        return find(p, context, DocumentTitle.of(doc.kind(), text), limit);
    }

    /**
     * The sentence at {@code offset} (the place just typed) will likely be asked about soon, when
     * a citation is typed in it: the corpus makes its embedding ahead.
     */
    public static void prepare(FeatureParams p, int offset) {
        TextDocument doc = p.document();
        String text = doc.text();
        if (!p.config().related().inCompletion() || CitationScanner.forKind(doc.kind()).isEmpty() || offset < 0 || offset > text.length()) {
            return;
        }
        CitationContext context = CitationContext.around(text, doc.kind(), new TextRange(offset, offset), List.of());
        p.corpus().prepareRelated(context.passage(p.config().relatedParagraphWeight()));
    }

    /** @param ownTitle the document's normalised title ("" for none): a paper of that title is not suggested */
    public static List<RelatedPaper> find(FeatureParams p, CitationContext context, String ownTitle, int limit) {
        if (context.sentenceText().isBlank() && context.paragraphText().isBlank()) {
            return List.of();
        }
        p.cancel().check();
        List<Hit> hits = p.lookup().related(context.passage(p.config().relatedParagraphWeight()), limit + context.citedInSentence().size() + 1);
        Set<String> cited = lowerCase(context.citedInSentence());
        List<RelatedPaper> out = new ArrayList<>();
        SharedWords why = SharedWords.of(context.sentenceText() + " " + context.paragraphText());
        for (Hit h : hits) {
            Paper paper = h.paper();
            if (out.size() == limit) {
                break;
            }
            if (paper.allKeys().stream().anyMatch(k -> cited.contains(k.toLowerCase(Locale.ROOT)))
                    || (!ownTitle.isEmpty() && Identifiers.normalizedTitle(paper.title()).equals(ownTitle))) {
                continue;
            }
            out.add(new RelatedPaper(paper, h.score(), why.in(paper)));
        }
        return out;
    }

    private static Set<String> lowerCase(Set<String> keys) {
        Set<String> out = new java.util.HashSet<>();
        keys.forEach(k -> out.add(k.toLowerCase(Locale.ROOT)));
        return out;
    }
}
