package dev.paperlink.corpus.write;

import dev.paperlink.corpus.model.Paper;
import dev.paperlink.corpus.source.Identifiers;

/** Field values every writer writes the same way. */
final class Written {
    private Written() {
    }

    /** The DOI as the record wrote it (its case), when that is the paper's DOI; else the paper's (lower case). */
    static String doi(Paper p) {
        for (String field : new String[] {"doi", "DOI"}) {
            String raw = p.raw().getOrDefault(field, "").strip();
            if (!raw.isEmpty() && Identifiers.doi(raw).equals(p.doi())) {
                return raw.replaceFirst("(?i)^(https?://(dx\\.)?doi\\.org/|doi:)", "");
            }
        }
        return p.doi();
    }

    /** The paper's URL, else its arXiv page. */
    static String url(Paper p) {
        return p.url().isEmpty() && !p.arxivId().isEmpty() ? "https://arxiv.org/abs/" + p.arxivId() : p.url();
    }
}
