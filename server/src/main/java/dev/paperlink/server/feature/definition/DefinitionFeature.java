package dev.paperlink.server.feature.definition;

import dev.paperlink.corpus.model.Paper;
import dev.paperlink.corpus.model.SourceFormat;
import dev.paperlink.corpus.model.SourceSpan;
import dev.paperlink.server.document.Pos;
import dev.paperlink.server.document.Uris;
import dev.paperlink.server.feature.FeatureParams;
import dev.paperlink.server.feature.KeyAtCursor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Go to paper: from a citation key to the record's source. In a BibTeX file that is the key
 * inside its entry ({@link SourceSpan#keyLine()}/{@link SourceSpan#keyColumn()}); in other
 * formats (JSON, JSONL, page text) the record's first line. Sources whose key is the cited key
 * come first; when none has it (a merged paper cited by an alias of another format), every source.
 * When the document's own bibliography has the paper, only its entries there.
 * A source open in the editor is found where its buffer has the key now (its lines may have moved
 * since the index read the file). A Zotero database is not a target (its hover and link open the
 * item in Zotero, and its PDF).
 */
public final class DefinitionFeature {
    private DefinitionFeature() {
    }

    public static List<DefinitionTarget> find(FeatureParams p) {
        Optional<KeyAtCursor> at = KeyAtCursor.find(p);
        if (at.isEmpty() || at.get().inBibliography()) {
            return List.of();
        }
        String key = at.get().key();
        Optional<Paper> paper = p.lookup().byKey(key);
        if (paper.isEmpty()) {
            return List.of();
        }
        List<DefinitionTarget> exact = new ArrayList<>();
        List<DefinitionTarget> other = new ArrayList<>();
        java.util.Set<String> own = new java.util.HashSet<>();
        p.bibliography().files().forEach(n -> own.add(dev.paperlink.corpus.source.SourceFiles.name(n.file().path())));
        boolean inOwn = paper.get().sources().stream().anyMatch(s -> own.contains(s.file()));
        for (SourceSpan s : paper.get().sources()) {
            if (s.file().isEmpty() || (inOwn && !own.contains(s.file()))) {
                continue; // the document's own bibliography has it: its entry, not the corpus's copies
            }
            if (s.format() == SourceFormat.ZOTERO_SQLITE) {
                continue; // a database is no text to open at a line: its item is shown in Zotero through the links
            }
            DefinitionTarget t = p.bibliography().keyRange(s.file(), s.key())
                    .map(r -> new DefinitionTarget(Uris.fromFileName(s.file()), r[0], r[1], at.get().range()))
                    .orElseGet(() -> target(s, at.get()));
            if (s.key().toLowerCase(Locale.ROOT).equals(key.toLowerCase(Locale.ROOT))) {
                exact.add(t);
            } else {
                other.add(t);
            }
        }
        return exact.isEmpty() ? other : exact;
    }

    /** Where a record is: its key in a BibTeX file, else its first line. */
    public static DefinitionTarget location(SourceSpan s) {
        return target(s, new KeyAtCursor(s.key(), dev.paperlink.server.document.TextRange.empty(0), false));
    }

    static DefinitionTarget target(SourceSpan s, KeyAtCursor at) {
        String uri = Uris.fromFileName(s.file());
        if (s.format() == SourceFormat.BIBTEX && !s.key().isEmpty()) {
            int line = Math.max(0, s.keyLine() - 1);
            return new DefinitionTarget(uri, new Pos(line, s.keyColumn()), new Pos(line, s.keyColumn() + s.key().length()), at.range());
        }
        int line = Math.max(0, (s.keyLine() > 0 ? s.keyLine() : s.startLine()) - 1);
        return new DefinitionTarget(uri, new Pos(line, 0), new Pos(line, 0), at.range());
    }
}
