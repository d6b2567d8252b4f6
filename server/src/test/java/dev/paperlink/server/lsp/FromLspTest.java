package dev.paperlink.server.lsp;

import dev.paperlink.server.document.TextDocument;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Issue 10, 8: a change without text (JSON {@code "text": null}) never inserts the characters "null". */
class FromLspTest {

    @Test
    void aChangeWithoutTextInsertsNothing() {
        TextDocument d = TextDocument.of("file:///x/a.tex", "latex", 1, "keep this text");
        // as the protocol's JSON decoder makes them from {"text": null} (the constructors refuse null)
        com.google.gson.Gson gson = new com.google.gson.Gson();
        TextDocumentContentChangeEvent ranged = gson.fromJson(
                "{\"range\":{\"start\":{\"line\":0,\"character\":4},\"end\":{\"line\":0,\"character\":9}},\"text\":null}",
                TextDocumentContentChangeEvent.class);
        TextDocumentContentChangeEvent whole = gson.fromJson("{\"text\":null}", TextDocumentContentChangeEvent.class);
        assertEquals("keep text", d.apply(2, FromLsp.changes(List.of(ranged))).text());
        assertEquals("keep this text", d.apply(2, FromLsp.changes(List.of(whole))).text());
    }
}
