package dev.paperlink.corpus;

/**
 * How far the papers' embeddings are: made for {@code embedded} papers, still to make for
 * {@code missing}. Related papers are ranked with them once none is missing.
 */
public record EmbeddingStatus(String model, long embedded, long missing) {
    public boolean complete() {
        return missing == 0 && embedded > 0;
    }
}
