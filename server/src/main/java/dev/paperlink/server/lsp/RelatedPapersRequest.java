package dev.paperlink.server.lsp;

import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentIdentifier;

import java.util.List;

/**
 * {@code paperlink/relatedPapers}: the papers related to a range of a document (a selection, or
 * the sentence at an empty range), for clients with panels and pickers.
 */
final class RelatedPapersRequest {
    static final String METHOD = "paperlink/relatedPapers";

    /** {@code {textDocument, range, limit?}} */
    record Params(TextDocumentIdentifier textDocument, Range range, Integer limit) {
    }

    /**
     * One paper: {@code why} names the words it shares with the passage; {@code citation} is what
     * citing it inserts in this document's syntax.
     */
    record Item(String key, String title, List<String> authors, String year, float score, String why, String citation) {
    }

    private RelatedPapersRequest() {
    }
}
