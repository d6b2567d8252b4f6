package dev.paperlink.server.feature.completion;

import dev.paperlink.server.document.TextRange;

/**
 * One completion item, protocol-free.
 *
 * @param label       the key
 * @param detail      authors and year
 * @param description the title
 * @param replace     what accepting the item replaces (the typed key, or the typed title words)
 * @param newText     what it inserts
 * @param filterText  what the client filters on (key, authors, title, year; or the title)
 * @param sortText    keeps our order in clients that sort
 * @param key         the key, for the lazy documentation of completionItem/resolve
 * @param byTitle     whether this item completes a title into a citation
 * @param add         what brings the paper into the document's bibliography once accepted (a paper of the corpus), or null
 */
public record CompletionCandidate(String label, String detail, String description, TextRange replace, String newText,
                                  String filterText, String sortText, String key, boolean byTitle,
                                  dev.paperlink.server.feature.bibedit.AddToBibliography.Request add) {

    public CompletionCandidate(String label, String detail, String description, TextRange replace, String newText,
                               String filterText, String sortText, String key, boolean byTitle) {
        this(label, detail, description, replace, newText, filterText, sortText, key, byTitle, null);
    }
}
