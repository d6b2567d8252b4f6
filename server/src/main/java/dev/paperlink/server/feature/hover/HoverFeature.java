package dev.paperlink.server.feature.hover;

import dev.paperlink.server.feature.FeatureParams;
import dev.paperlink.server.feature.KeyAtCursor;
import dev.paperlink.server.feature.PaperLookup;
import dev.paperlink.server.render.CitationFormatter;
import dev.paperlink.server.render.Markdown;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Hover on a citation key (or on the key of a .bib entry): the paper's card. An unknown key gets
 * a hover saying so, with the nearest known keys.
 */
public final class HoverFeature {
    static final int NEAREST = 5;

    private HoverFeature() {
    }

    public static Optional<HoverResult> find(FeatureParams p) {
        Optional<KeyAtCursor> at = KeyAtCursor.find(p);
        if (at.isEmpty()) {
            return Optional.empty();
        }
        String key = at.get().key();
        PaperLookup lookup = p.lookup();
        p.cancel().check();
        String usage = dev.paperlink.server.feature.references.Usage.line(p.citations(), key);
        String cited = usage.isEmpty() ? "" : "\n\n" + Markdown.escape(usage);
        return Optional.of(lookup.byKey(key)
                .map(paper -> new HoverResult(at.get().range(), CitationFormatter.card(paper, p.config().abstractMaxChars(), p.files()) + cited, true))
                .orElseGet(() -> new HoverResult(at.get().range(), unknown(key, lookup.keysNear(key, NEAREST)) + cited, false)));
    }

    static String unknown(String key, List<String> near) {
        String s = "Unknown citation key **" + Markdown.escape(key) + "**";
        if (near.isEmpty()) {
            return s + ": it is in no bibliography PaperLink knows.";
        }
        return s + ". Did you mean " + near.stream().map(k -> "**" + Markdown.escape(k) + "**").collect(Collectors.joining(", ")) + "?";
    }
}
