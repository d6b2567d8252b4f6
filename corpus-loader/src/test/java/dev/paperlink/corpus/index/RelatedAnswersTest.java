package dev.paperlink.corpus.index;

import dev.paperlink.corpus.Corpus;
import dev.paperlink.corpus.IndexListener;
import dev.paperlink.corpus.model.Hit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The answers kept for the last related questions are the answers a new searcher gives: a shorter
 * list is the start of the longer one asked before (words alone and with embeddings), and a new
 * commit is asked again.
 */
class RelatedAnswersTest {
    @TempDir
    Path tmp;

    private static final String[] WORDS = {"zebra", "horse", "stripes", "coat", "savanna", "grass", "translation", "language",
            "animal", "pattern", "camouflage", "predator", "herd", "migration", "water", "night"};

    @Test
    void aShorterAnswerIsTheStartOfTheLongerOneAndANewCommitIsAskedAgain() throws IOException {
        Path bib = tmp.resolve("refs.bib");
        Random random = new Random(11);
        StringBuilder entries = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            entries.append("@article{p").append(i).append(", title = {").append(words(random, 4)).append("}, abstract = {")
                    .append(words(random, 20)).append("}}\n");
        }
        Files.writeString(bib, entries);
        String passage = "Zebra stripes are a coat pattern that confuses a predator at night, as the herd moves to water";
        try (Corpus corpus = Corpus.open(tmp.resolve("index"))) {
            corpus.index(List.of(bib), IndexListener.NONE);
            for (boolean embedded : new boolean[] {false, true}) {
                if (embedded) {
                    corpus.useEmbedder(Optional.of(new EmbeddingsTest.ToyModel("toy")));
                    corpus.embedMissing(1000);
                }
                List<String> long51 = keys(corpus.related(passage, 51));
                List<String> short6 = keys(corpus.related(passage, 6));
                assertEquals(long51.subList(0, 6), short6, "the start of the longer answer");
                try (Corpus fresh = Corpus.openReadOnly(tmp.resolve("index"))) {
                    fresh.useEmbedder(embedded ? Optional.of(new EmbeddingsTest.ToyModel("toy")) : Optional.empty());
                    assertEquals(keys(fresh.related(passage, 6)), short6, "what a searcher without kept answers finds (embedded: " + embedded + ")");
                    assertEquals(long51, keys(fresh.related(passage, 51)));
                }
            }
            Files.writeString(bib, entries + "@article{zebra2024, title = {Zebra stripes confuse a predator at night}, abstract = {"
                    + passage + ".}}\n");
            corpus.index(List.of(bib), IndexListener.NONE);
            corpus.embedMissing(1000);
            assertEquals("zebra2024", keys(corpus.related(passage, 6)).get(0), "a new commit: asked again");
        }
    }

    private static String words(Random random, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return b.toString();
    }

    private static List<String> keys(List<Hit> hits) {
        return hits.stream().map(h -> h.paper().key()).toList();
    }
}
