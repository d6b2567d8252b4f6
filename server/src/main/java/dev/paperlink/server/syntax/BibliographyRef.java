package dev.paperlink.server.syntax;

import dev.paperlink.server.document.TextRange;

import java.nio.file.Path;

/**
 * A bibliography file named by a document: {@code \bibliography{refs}} (".bib" added when the
 * name has no extension, as BibTeX does), {@code \addbibresource{refs.bib}}, or an entry of the
 * YAML front matter's {@code bibliography:}.
 *
 * @param file  the file name, relative to the document's folder unless absolute
 * @param range where the name is written
 */
public record BibliographyRef(String file, TextRange range) {

    /** The file, resolved against the document's folder; a NUL (no file name holds one) becomes U+FFFD, so the file is "not found". */
    public Path resolve(Path documentDir) {
        String name = file.replace('\u0000', '\ufffd');
        Path p = Path.of(name.startsWith("~/") ? dev.paperlink.corpus.CorpusPaths.home() + name.substring(1) : name);
        return (p.isAbsolute() || documentDir == null ? p : documentDir.resolve(p)).normalize();
    }
}
