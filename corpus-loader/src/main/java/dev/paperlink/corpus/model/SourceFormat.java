package dev.paperlink.corpus.model;

/** Every record format PaperLink reads. The name is what {@code paperlink stats} prints. */
public enum SourceFormat {
    BIBTEX("bibtex"),
    CSL_JSON("csl-json"),
    CSL_YAML("csl-yaml"),
    ZOTERO_JSON("zotero-json"),
    ARXIV_JSONL("arxiv-jsonl"),
    HF_PAGE_TEXT("hf-page-text"),
    HF_JSON("hf-json"),
    HAYAGRIVA("hayagriva"),
    /** A Zotero database ({@code zotero.sqlite}), read from a private copy; Better BibTeX keys beside it. */
    ZOTERO_SQLITE("zotero-sqlite");

    private final String label;

    SourceFormat(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether keys in this format are written by the user (and so win over every other key). */
    public boolean hasUserKeys() {
        return this == BIBTEX || this == HAYAGRIVA;
    }
}
