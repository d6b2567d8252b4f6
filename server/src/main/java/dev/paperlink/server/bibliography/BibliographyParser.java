package dev.paperlink.server.bibliography;

import dev.paperlink.corpus.model.Paper;
import dev.paperlink.corpus.model.SourceFormat;
import dev.paperlink.corpus.source.RecordReader;
import dev.paperlink.corpus.source.RecordSink;
import dev.paperlink.corpus.source.Skip;
import dev.paperlink.server.document.LineIndex;
import dev.paperlink.server.feature.InMemoryLookup;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads the whole text of a bibliography file with the corpus loader's record readers, for the
 * files the index cannot stand for (an edited CSL buffer, a changed {@code @string}) and for
 * tests. No IO: the caller hands over the text. A reader that throws is reported as a skip at
 * line 1; it never escapes.
 */
public final class BibliographyParser {
    private BibliographyParser() {
    }

    /** The format of a bibliography file from its extension (.bib/.bibtex/.biblatex, .json, .yaml/.yml). */
    public static Optional<SourceFormat> format(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
        return switch (ext) {
            case "bib", "bibtex", "biblatex" -> Optional.of(SourceFormat.BIBTEX);
            case "json" -> Optional.of(SourceFormat.CSL_JSON);
            case "yaml", "yml" -> Optional.of(SourceFormat.CSL_YAML);
            default -> Optional.empty();
        };
    }

    /** A named file of no format {@link #format} knows. */
    public static BibliographyFile unknownFormat(Path path) {
        return BibliographyFile.unreadable(path, "not a bibliography format PaperLink reads (.bib, .json, .yaml)");
    }

    public static BibliographyFile parse(Path path, String text, Function<SourceFormat, RecordReader> readers) {
        Optional<SourceFormat> format = format(path);
        if (format.isEmpty()) {
            return unknownFormat(path);
        }
        if (format.get() == SourceFormat.CSL_YAML) { // a .yml is CSL-YAML or Hayagriva (Typst's): the content says which
            format = Optional.of(dev.paperlink.corpus.source.FormatSniffer.sniff("yml", text.substring(0, Math.min(text.length(), 16 * 1024)))
                    .orElse(SourceFormat.CSL_YAML));
        }
        List<Paper> papers = new ArrayList<>();
        List<Skip> skips = new ArrayList<>();
        String name = path.toString();
        try {
            readers.apply(format.get()).read(name, new StringReader(text), new RecordSink() {
                @Override
                public void accept(Paper paper) {
                    papers.add(paper);
                }

                @Override
                public void skip(Skip skip) {
                    skips.add(skip);
                }
            });
        } catch (IOException | RuntimeException e) {
            skips.add(new Skip(name, 1, "reader error", "could not read " + path.getFileName() + ": " + e));
        }
        boolean bibtex = format.get() == SourceFormat.BIBTEX;
        return new BibliographyFile(path, format.get(), BibliographyFile.Served.TEXT, new InMemoryLookup(papers), java.util.Set.of(),
                skips, com.google.common.base.Suppliers.memoize(() -> bibtex ? BibChunks.scan(text) : BibChunks.EMPTY)::get,
                LineIndex.of(text), null);
    }
}
