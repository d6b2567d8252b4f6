package dev.paperlink.cli.bench;

import dev.paperlink.corpus.Corpus;
import dev.paperlink.corpus.EmbeddingStatus;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Makes the embeddings a corpus is missing, with progress on stderr; the figures of the run. */
public final class Embed {
    /** Papers embedded per commit. */
    static final int PER_COMMIT = 2048;

    private Embed() {
    }

    /** @return model, papers embedded now, papers/s, the final status; nothing to do when none is missing */
    public static Map<String, Object> missing(Corpus corpus, PrintWriter err) throws IOException {
        Optional<EmbeddingStatus> start = corpus.embeddingStatus();
        Map<String, Object> figures = new LinkedHashMap<>();
        if (start.isEmpty()) {
            return figures;
        }
        figures.put("model", start.get().model());
        long t0 = System.nanoTime();
        long before = start.get().missing();
        EmbeddingStatus now = start.get();
        boolean first = true;
        while (now.missing() > 0 || first) { // once at least: the last call also merges away rewritten documents' old versions
            first = false;
            now = corpus.embedMissing(PER_COMMIT).orElseThrow();
            double secs = (System.nanoTime() - t0) / 1e9;
            long done = before - now.missing();
            err.printf("embeddings: %,d of %,d papers (%.0f papers/s)%n", now.embedded(), now.embedded() + now.missing(), done / Math.max(secs, 1e-9));
            err.flush();
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        figures.put("embeddedNow", before);
        figures.put("seconds", secs);
        figures.put("papersPerSecond", before == 0 ? 0 : before / secs);
        figures.put("papers", now.embedded());
        return figures;
    }
}
