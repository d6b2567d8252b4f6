package dev.paperlink.server.feature.rename;

import dev.paperlink.corpus.model.Paper;
import dev.paperlink.server.feature.FeatureParams;
import dev.paperlink.server.feature.KeyAtCursor;
import dev.paperlink.server.feature.references.Occurrence;
import dev.paperlink.server.render.CitationFormatter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Rename a citation key (from a citation or from its .bib entry): the entry's key in the
 * workspace bibliography file that defines it and every citation of it in the workspace's notes,
 * as one edit. Refused when the workspace has not been read yet, when no workspace file defines
 * the key (a key of the read-only corpus), when the new key is not a valid key, or when it exists
 * already.
 */
public final class RenameFeature {
    /** Characters no key may hold: they end a key in BibTeX, LaTeX, pandoc, Typst or Org. */
    static final Pattern VALID = Pattern.compile("[^\\s,{}()\\[\\]\"'#%=~\\\\@;<>`]+");

    private RenameFeature() {
    }

    /** prepareRename: the key under the cursor and its range, or why it cannot be renamed. */
    public static RenameOutcome prepare(FeatureParams p) {
        Optional<KeyAtCursor> at = KeyAtCursor.find(p);
        if (at.isEmpty()) {
            return new RenameOutcome.Refused("No citation key here to rename.");
        }
        Optional<String> refused = definedInWorkspace(p, at.get().key());
        return refused.<RenameOutcome>map(RenameOutcome.Refused::new)
                .orElseGet(() -> new RenameOutcome.Renamable(at.get().range(), at.get().key()));
    }

    public static RenameOutcome rename(FeatureParams p, String newKey) {
        RenameOutcome prepared = prepare(p);
        if (!(prepared instanceof RenameOutcome.Renamable r)) {
            return prepared;
        }
        String key = r.key();
        String to = newKey == null ? "" : newKey.strip();
        if (!VALID.matcher(to).matches()) {
            return new RenameOutcome.Refused("'" + CitationFormatter.plain(to) + "' is not a valid citation key "
                    + "(no blanks and none of , { } ( ) [ ] \" ' # % = ~ \\ @ ; < > `).");
        }
        if (to.equals(key)) {
            return new RenameOutcome.Edits(List.of());
        }
        if (!to.equalsIgnoreCase(key)) {
            List<Occurrence> taken = p.citations().entries(to);
            if (!taken.isEmpty()) {
                return new RenameOutcome.Refused("The key '" + to + "' already exists (" + taken.get(0).shortPlace() + ").");
            }
            Optional<Paper> known = p.lookup().byKey(to);
            if (known.isPresent()) {
                return new RenameOutcome.Refused("The key '" + to + "' already exists"
                        + known.get().primarySource().map(s -> " (" + CitationFormatter.source(s) + ")").orElse("") + ".");
            }
        }
        Map<String, List<KeyEdit>> byFile = new LinkedHashMap<>();
        Map<String, Integer> versions = new LinkedHashMap<>();
        List<Occurrence> all = new ArrayList<>(p.citations().entries(key));
        p.cancel().check();
        all.addAll(p.citations().citations(key));
        for (Occurrence o : all) {
            byFile.computeIfAbsent(o.uri(), u -> new ArrayList<>()).add(new KeyEdit(o.start(), o.end(), to));
            versions.putIfAbsent(o.uri(), o.version());
        }
        List<FileEdit> files = new ArrayList<>();
        byFile.forEach((uri, edits) -> files.add(new FileEdit(uri, versions.get(uri), edits)));
        return new RenameOutcome.Edits(files);
    }

    /** Empty when a workspace file defines the key; else why the key cannot be renamed. */
    private static Optional<String> definedInWorkspace(FeatureParams p, String key) {
        if (!p.citations().ready()) {
            return Optional.of("PaperLink is still reading the workspace's files; try again in a moment.");
        }
        if (!p.citations().entries(key).isEmpty()) {
            return Optional.empty();
        }
        Optional<Paper> paper = p.lookup().byKey(key);
        Optional<dev.paperlink.corpus.model.SourceSpan> other = paper.flatMap(Paper::primarySource)
                .filter(s -> s.format() != dev.paperlink.corpus.model.SourceFormat.BIBTEX && s.format() != dev.paperlink.corpus.model.SourceFormat.HAYAGRIVA);
        if (other.isPresent() && other.get().format() == dev.paperlink.corpus.model.SourceFormat.ZOTERO_SQLITE) {
            return Optional.of("'" + CitationFormatter.plain(key) + "' comes from your Zotero library (" + CitationFormatter.source(other.get())
                    + "): PaperLink does not change Zotero; change the item's citation key in Better BibTeX, and PaperLink follows.");
        }
        if (other.isPresent()) { // a CSL or Zotero file, in the workspace or not: its ids are not entry keys PaperLink edits
            return Optional.of("'" + CitationFormatter.plain(key) + "' is defined in " + CitationFormatter.source(other.get())
                    + " (" + other.get().format().label() + "): PaperLink renames the keys of .bib and Hayagriva files only; change its id there by hand.");
        }
        if (paper.isPresent()) {
            String where = paper.get().primarySource().map(s -> " (" + CitationFormatter.source(s) + ")").orElse("");
            return Optional.of("'" + CitationFormatter.plain(key) + "' is defined only in the corpus" + where
                    + ", not in a bibliography file of the workspace: PaperLink does not edit the corpus.");
        }
        return Optional.of("'" + CitationFormatter.plain(key) + "' is defined in no bibliography file of the workspace.");
    }
}
