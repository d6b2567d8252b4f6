package dev.paperlink.server.feature.related;

import dev.paperlink.server.document.TextDocument;
import dev.paperlink.server.document.TextRange;
import dev.paperlink.server.feature.FeatureParams;
import dev.paperlink.server.feature.completion.CompletionFeature;
import dev.paperlink.server.render.CitationFormatter;
import dev.paperlink.server.syntax.CitationScan;
import dev.paperlink.server.syntax.CitationScanner;

import java.util.ArrayList;
import java.util.List;

/**
 * "Cite a related paper…": for the sentence at the cursor (or the sentences a selection
 * touches), the {@value #ACTIONS} most related papers, each an action that cites it at the end of
 * the sentence, before its full stop, in the document's syntax; or, when the sentence has an empty
 * citation ({@code \cite{}}, {@code [@]}), puts its key there.
 */
public final class CiteRelated {
    public static final int ACTIONS = 5;

    /**
     * One action: its title, the paper, the text to insert at {@code offset}, and what brings the
     * paper into the document's bibliography when it is not there (null when it is).
     */
    public record Action(String title, RelatedPaper paper, int offset, String insert,
                         dev.paperlink.server.feature.bibedit.AddToBibliography.Request add) {
    }

    private CiteRelated() {
    }

    public static List<Action> actions(FeatureParams p, TextRange at) {
        TextDocument doc = p.document();
        String text = doc.text();
        if (CitationScanner.forKind(doc.kind()).isEmpty() || at.end() > text.length()) {
            return List.of();
        }
        CitationScan scan = CitationScanner.forKind(doc.kind()).get().scan(text);
        CitationContext context = CitationContext.around(text, doc.kind(), at, scan.refs());
        int offset = citationPlace(text, context.sentence());
        java.util.Optional<TextRange> empty = scan.slots().stream().map(CitationScan.Slot::range)
                .filter(r -> r.start() >= context.sentence().start() && r.end() <= context.sentence().end())
                .filter(r -> text.substring(r.start(), r.end()).isBlank()).findFirst();
        List<Action> out = new ArrayList<>();
        for (RelatedPaper r : RelatedFeature.find(p, context, DocumentTitle.of(doc.kind(), text), ACTIONS)) {
            if (empty.isPresent()) { // the sentence has an empty citation: the paper goes into it
                out.add(new Action(title(r), r, empty.get().start(), r.paper().key(), add(p, r)));
                continue;
            }
            String citation = CompletionFeature.citation(r.paper().key(), doc.kind(), p.config());
            String space = offset > 0 && !Character.isWhitespace(text.charAt(offset - 1)) ? (citation.startsWith("\\") ? "~" : " ") : "";
            out.add(new Action(title(r), r, offset, space + citation, add(p, r)));
        }
        return out;
    }

    private static dev.paperlink.server.feature.bibedit.AddToBibliography.Request add(FeatureParams p, RelatedPaper r) {
        return dev.paperlink.server.feature.bibedit.AddToBibliography.needed(p, r.paper()).orElse(null);
    }

    private static String title(RelatedPaper r) {
        return "Cite " + CitationFormatter.plain(r.paper().title()) + " (" + r.why().replaceFirst("^related · ", "") + ")";
    }

    /** Where a citation of the sentence goes: before its closing punctuation (and closing quotes), else after its last word. */
    static int citationPlace(String text, TextRange sentence) {
        int end = sentence.end();
        while (end > sentence.start() && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        int place = end;
        while (place > sentence.start() && "\"'”’)".indexOf(text.charAt(place - 1)) >= 0) {
            place--;
        }
        if (place > sentence.start() && ".?!:;".indexOf(text.charAt(place - 1)) >= 0) {
            return place - 1;
        }
        return end;
    }
}
