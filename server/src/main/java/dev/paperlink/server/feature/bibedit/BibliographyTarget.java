package dev.paperlink.server.feature.bibedit;

import dev.paperlink.corpus.write.EntryFormat;
import dev.paperlink.server.bibliography.DocumentBibliography;
import dev.paperlink.server.document.TextDocument;
import dev.paperlink.server.feature.FeatureParams;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The file a paper cited from the corpus goes into, and its format: of the files the document
 * names (as {@code BibliographyScanner} finds them), the one the setting
 * {@code paperlink.bibliography.target} names (by the name the document writes, or its path),
 * else the first. BibLaTeX when LaTeX names it with {@code \addbibresource}; Hayagriva for a
 * YAML file named by a Typst document.
 */
public record BibliographyTarget(Path file, EntryFormat format) {
    /** The file a document without a bibliography gets. */
    public static final String NEW_FILE = "references.bib";

    public static Optional<BibliographyTarget> of(FeatureParams p) {
        List<DocumentBibliography.Named> files = p.bibliography().files();
        String wanted = p.config().bibliography().target();
        DocumentBibliography.Named chosen = null;
        for (DocumentBibliography.Named n : files) {
            if (wanted != null && (n.ref().file().equals(wanted) || n.file().path().toString().equals(wanted)
                    || n.file().path().endsWith(wanted))) {
                chosen = n;
                break;
            }
        }
        if (chosen == null) {
            chosen = files.stream().filter(n -> format(p.document(), n).isPresent()).findFirst().orElse(null);
        }
        if (chosen == null) {
            return Optional.empty();
        }
        DocumentBibliography.Named c = chosen;
        return format(p.document(), c).map(f -> new BibliographyTarget(c.file().path(), f));
    }

    /** A file of this name, in the format its name and the document say. */
    public static Optional<BibliographyTarget> named(TextDocument doc, Path file) {
        return EntryFormat.forFile(file.getFileName().toString(), false, typst(doc)).map(f -> new BibliographyTarget(file, f));
    }

    private static Optional<EntryFormat> format(TextDocument doc, DocumentBibliography.Named n) {
        boolean biblatex = doc.kind() == dev.paperlink.server.document.DocumentKind.LATEX && !n.inherited()
                && biblatex(doc.text(), n.ref().range().start());
        return EntryFormat.forFile(n.file().path().getFileName().toString(), biblatex, typst(doc));
    }

    private static boolean typst(TextDocument doc) {
        return doc.path().map(x -> x.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".typ")).orElse(false);
    }

    /** Whether the name at {@code at} is the argument of biblatex's {@code \addbibresource} (or its kin). */
    static boolean biblatex(String text, int at) {
        int slash = text.lastIndexOf('\\', Math.min(at, text.length()));
        if (slash < 0) {
            return false;
        }
        String command = text.substring(slash + 1, Math.min(text.length(), slash + 15));
        return command.startsWith("addbibresource") || command.startsWith("addglobalbib") || command.startsWith("addsectionbib");
    }
}
