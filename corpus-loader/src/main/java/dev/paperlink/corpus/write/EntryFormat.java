package dev.paperlink.corpus.write;

import java.util.Locale;
import java.util.Optional;

/** The formats a paper can be written in: what {@code paperlink export --format} and the editor's "add to bibliography" write. */
public enum EntryFormat {
    BIBTEX("bibtex"),
    BIBLATEX("biblatex"),
    CSL_JSON("csl-json"),
    CSL_YAML("csl-yaml"),
    HAYAGRIVA("hayagriva");

    private final String label;

    EntryFormat(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<EntryFormat> ofLabel(String label) {
        for (EntryFormat f : values()) {
            if (f.label.equalsIgnoreCase(label)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /**
     * The format of a bibliography file, by its extension: {@code .bib} BibTeX (BibLaTeX when
     * {@code biblatex}), {@code .json} CSL-JSON, {@code .yaml}/{@code .yml} CSL-YAML, or Hayagriva
     * when the file is named by a Typst document.
     */
    public static Optional<EntryFormat> forFile(String fileName, boolean biblatex, boolean typst) {
        String n = fileName.toLowerCase(Locale.ROOT);
        if (n.endsWith(".bib") || n.endsWith(".bibtex") || n.endsWith(".biblatex")) {
            return Optional.of(biblatex || n.endsWith(".biblatex") ? BIBLATEX : BIBTEX);
        }
        if (n.endsWith(".json")) {
            return Optional.of(CSL_JSON);
        }
        if (n.endsWith(".yaml") || n.endsWith(".yml")) {
            return Optional.of(typst ? HAYAGRIVA : CSL_YAML);
        }
        return Optional.empty();
    }

    public boolean isBibtex() {
        return this == BIBTEX || this == BIBLATEX;
    }
}
