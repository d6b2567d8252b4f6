package dev.paperlink.server.feature.references;

import dev.paperlink.server.feature.FeatureParams;
import dev.paperlink.server.feature.KeyAtCursor;
import dev.paperlink.server.feature.definition.DefinitionFeature;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Find references of the key under the cursor (in a citation, or on a .bib entry's key): every
 * citation of it in the workspace's notes, and with {@code includeDeclaration} its entries in
 * the workspace's bibliography files first (else, for a key only the corpus has, its record there).
 */
public final class ReferencesFeature {
    private ReferencesFeature() {
    }

    public static List<Occurrence> find(FeatureParams p, boolean includeDeclaration) {
        Optional<KeyAtCursor> at = KeyAtCursor.find(p);
        if (at.isEmpty()) {
            return List.of();
        }
        String key = at.get().key();
        List<Occurrence> out = new ArrayList<>();
        if (includeDeclaration) {
            List<Occurrence> entries = p.citations().entries(key);
            if (entries.isEmpty() && !at.get().inBibliography()) {
                DefinitionFeature.find(p).forEach(t -> out.add(new Occurrence(t.uri(), null, t.start(), t.end(), key)));
            }
            out.addAll(entries);
        }
        p.cancel().check();
        out.addAll(p.citations().citations(key));
        return out;
    }
}
