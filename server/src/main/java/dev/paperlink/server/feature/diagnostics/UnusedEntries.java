package dev.paperlink.server.feature.diagnostics;

import dev.paperlink.server.bibliography.BibChunks;
import dev.paperlink.server.document.DocumentKind;
import dev.paperlink.server.feature.FeatureParams;
import dev.paperlink.server.feature.KeyAtCursor;
import dev.paperlink.server.feature.references.WorkspaceCitations;

import java.util.ArrayList;
import java.util.List;

/**
 * Entries of a workspace .bib file that no note of the workspace cites: a hint each (shown faded,
 * as unnecessary code), when {@code paperlink.diagnostics.unusedEntries} allows it for a file of
 * that many entries. Never before the workspace has been read, never when a note cites every
 * entry ({@code \nocite{*}}), and never for a file outside the workspace (the corpus).
 */
public final class UnusedEntries {
    private UnusedEntries() {
    }

    public static List<Problem> check(FeatureParams p) {
        WorkspaceCitations citations = p.citations();
        if (p.document().kind() != DocumentKind.BIBTEX || !citations.ready()) {
            return List.of();
        }
        BibChunks c = KeyAtCursor.entries(p);
        List<Integer> entries = new ArrayList<>();
        for (int i = 0; i < c.size(); i++) {
            if (c.kind(i) == BibChunks.Kind.ENTRY && c.hasKey(i)) {
                entries.add(i);
            }
        }
        // the size first: a big file asks the index nothing (no rescan of its buffer after each edit)
        if (entries.isEmpty() || !p.config().unusedEntries().flags(entries.size()) || citations.citesAll()
                || citations.entries(c.key(entries.get(0))).stream().noneMatch(o -> o.uri().equals(p.document().uri()))) {
            return List.of(); // too many to flag, or not a file of the workspace
        }
        List<Problem> out = new ArrayList<>();
        for (int i : entries) {
            if (!citations.cited(c.key(i))) {
                out.add(new Problem(c.keyPosition(i), c.keyEndPosition(i), Problem.Severity.HINT, Problem.UNUSED_ENTRY,
                        "'" + c.key(i) + "' is cited by no document of the workspace"));
            }
        }
        return out;
    }
}
