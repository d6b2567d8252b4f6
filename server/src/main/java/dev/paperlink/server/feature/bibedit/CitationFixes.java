package dev.paperlink.server.feature.bibedit;

import dev.paperlink.corpus.model.Paper;
import dev.paperlink.server.document.TextDocument;
import dev.paperlink.server.document.TextRange;
import dev.paperlink.server.feature.FeatureParams;
import dev.paperlink.server.feature.diagnostics.Problem;
import dev.paperlink.server.render.CitationFormatter;
import dev.paperlink.server.syntax.CitationRef;
import dev.paperlink.server.syntax.CitationScanner;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Quick fixes of the citations a range touches: a key the document's bibliography lacks and the
 * corpus has is added to it ("Add `key` to refs.bib", or, without a bibliography, "Create
 * references.bib with `key`", which also names the new file in the document); an unknown key is
 * replaced by one of the {@value #NEAREST} nearest known keys; a key that matches an entry only
 * ignoring case gets the entry's case.
 */
public final class CitationFixes {
    static final int NEAREST = 3;

    /**
     * One fix.
     *
     * @param edits   changes of the document itself
     * @param command what the server runs after the edits (the paper brought into a bibliography), or null
     * @param code    the code of the diagnostic it fixes
     * @param range   the citation's key
     */
    public record Fix(String title, List<TextChange> edits, AddToBibliography.Request command, String code, TextRange range) {
        public Fix {
            edits = List.copyOf(edits);
        }
    }

    private CitationFixes() {
    }

    public static List<Fix> at(FeatureParams p, TextRange range) {
        TextDocument doc = p.document();
        if (CitationScanner.forKind(doc.kind()).isEmpty() || range.end() > doc.text().length()) {
            return List.of();
        }
        List<Fix> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (CitationRef r : CitationScanner.refs(doc.kind(), doc.text())) {
            if (r.isEmpty() || r.open() || r.range().end() < range.start() || r.range().start() > range.end() || !seen.add(r.key())) {
                continue;
            }
            p.cancel().check();
            fixes(p, r, out);
        }
        return out;
    }

    private static void fixes(FeatureParams p, CitationRef r, List<Fix> out) {
        String key = r.key();
        Optional<Paper> own = p.bibliography().lookup().byKey(key);
        if (own.isPresent()) {
            entryCase(own.get(), key).ifPresent(k -> out.add(new Fix("Change to `" + k + "` (the entry's case)",
                    List.of(new TextChange(r.range().start(), r.range().end(), k)), null, Problem.KEY_CASE, r.range())));
            return;
        }
        Optional<Paper> inCorpus = p.corpus().byKey(key);
        if (inCorpus.isPresent()) {
            Optional<BibliographyTarget> target = BibliographyTarget.of(p);
            if (target.isPresent()) {
                out.add(new Fix("Add `" + key + "` to " + target.get().file().getFileName(), List.of(),
                        new AddToBibliography.Request(p.document().uri(), key, null), Problem.NOT_IN_BIBLIOGRAPHY, r.range()));
            } else if (p.bibliography().files().isEmpty() && p.document().directory().isPresent()) {
                Path file = p.document().directory().get().resolve(BibliographyTarget.NEW_FILE);
                BibliographyDeclaration.add(p.document().kind(), p.document().text(), BibliographyTarget.NEW_FILE).ifPresent(line ->
                        out.add(new Fix("Create " + BibliographyTarget.NEW_FILE + " with `" + key + "`", List.of(line),
                                new AddToBibliography.Request(p.document().uri(), key, file.toString()), Problem.NOT_IN_BIBLIOGRAPHY, r.range())));
            }
        }
        var near = inCorpus.isPresent() ? p.bibliography().lookup().keysNear(key, NEAREST) : p.lookup().keysNear(key, NEAREST);
        for (String k : near) {
            out.add(new Fix("Replace with `" + CitationFormatter.plain(k) + "`", List.of(new TextChange(r.range().start(), r.range().end(), k)),
                    null, inCorpus.isPresent() ? Problem.NOT_IN_BIBLIOGRAPHY : Problem.UNKNOWN_KEY, r.range()));
        }
    }

    /** The key as the entry writes it, when the citation has it in another case only. */
    public static Optional<String> entryCase(Paper entry, String cited) {
        if (entry.allKeys().contains(cited)) {
            return Optional.empty();
        }
        return entry.allKeys().stream().filter(k -> k.equalsIgnoreCase(cited)).findFirst();
    }
}
