package dev.paperlink.server.feature.related;

import dev.paperlink.corpus.model.Paper;

import java.util.List;

/**
 * A paper suggested for a passage.
 *
 * @param score  how related (BM25 with feedback: comparable within one answer only)
 * @param shared the passage's words the paper's title or abstract has too, most telling first
 */
public record RelatedPaper(Paper paper, float score, List<String> shared) {

    /** Why it is offered, for a completion item's detail: "related · 2019 · Vaswani". */
    public String why() {
        StringBuilder sb = new StringBuilder("related");
        if (!paper.year().isEmpty()) {
            sb.append(" · ").append(paper.year());
        }
        paper.authors().stream().filter(a -> !a.isOthers()).findFirst().ifPresent(a -> sb.append(" · ")
                .append(a.isLiteral() ? a.literal() : a.family()).append(paper.authors().size() > 1 ? " et al." : ""));
        return sb.toString();
    }
}
