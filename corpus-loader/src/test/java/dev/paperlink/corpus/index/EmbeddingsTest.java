package dev.paperlink.corpus.index;

import dev.paperlink.corpus.Corpus;
import dev.paperlink.corpus.EmbeddingStatus;
import dev.paperlink.corpus.IndexListener;
import dev.paperlink.corpus.embed.Embedder;
import dev.paperlink.corpus.model.Hit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 11: embeddings are made after the words, in batches, incrementally with the index (a
 * changed paper is embedded again, another model's vectors are not used), and related papers use
 * them only once every paper has its vector. A toy model stands in for the real one: it knows that
 * zebras are striped horses, which no word of the query says.
 */
class EmbeddingsTest {
    @TempDir
    Path tmp;

    /** Three meanings (zebras, translation, animals at large) and a little of a fourth in every text. */
    static final class ToyModel implements Embedder {
        private final String name;
        final java.util.concurrent.atomic.AtomicInteger texts = new java.util.concurrent.atomic.AtomicInteger();

        ToyModel(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public int dimensions() {
            return 4;
        }

        @Override
        public List<float[]> embed(List<String> texts) {
            List<float[]> out = new ArrayList<>();
            this.texts.addAndGet(texts.size());
            for (String t : texts) {
                String l = t.toLowerCase(Locale.ROOT);
                float[] v = {count(l, "zebra", "striped"), count(l, "translat", "language"), count(l, "animal"), 0.1f};
                float n = (float) Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2] + v[3] * v[3]);
                out.add(new float[] {v[0] / n, v[1] / n, v[2] / n, v[3] / n});
            }
            return out;
        }

        private static float count(String text, String... stems) {
            float n = 0;
            for (String s : stems) {
                n += text.split(s, -1).length - 1;
            }
            return n;
        }
    }

    @Test
    void embeddingsAreMadeAfterTheWordsAndUsedOnceComplete() throws IOException {
        Path bib = tmp.resolve("refs.bib");
        StringBuilder entries = new StringBuilder("@article{equus2020, title = {Zebra Coat Patterns}, abstract = {Why the zebra has its coat.}}\n");
        for (int i = 0; i < 150; i++) {
            entries.append("@article{filler").append(i).append(", title = {Filler paper ").append(i)
                    .append(" about horses and many other animals}, abstract = {Horses of kind ").append(i).append(".}}\n");
        }
        Files.writeString(bib, entries);
        try (Corpus corpus = Corpus.open(tmp.resolve("index"))) {
            corpus.index(List.of(bib), IndexListener.NONE);
            assertTrue(corpus.embeddingStatus().isEmpty(), "no model: no embeddings");
            corpus.useEmbedder(Optional.of(new ToyModel("toy")));
            assertEquals(new EmbeddingStatus("toy", 0, 151), corpus.embeddingStatus().orElseThrow());
            assertFalse(top(corpus, "striped horses").contains("equus2020"), "words alone: horses are everywhere, stripes nowhere");

            assertEquals(new EmbeddingStatus("toy", 100, 51), corpus.embedMissing(100).orElseThrow(), "a batch at a time");
            assertFalse(top(corpus, "striped horses").contains("equus2020"), "not used while some are missing");
            assertTrue(corpus.embedMissing(100).orElseThrow().complete());
            assertEquals("equus2020", top(corpus, "striped horses").get(0), "words and meaning: the zebra paper first");

            Files.writeString(bib, entries.toString().replace("Why the zebra has its coat.", "Why the zebra has stripes."));
            corpus.index(List.of(bib), IndexListener.NONE);
            EmbeddingStatus changed = corpus.embeddingStatus().orElseThrow();
            assertEquals(1, changed.missing(), "the changed paper lost its vector: " + changed);
            assertTrue(corpus.embedMissing(1000).orElseThrow().complete());

            // the sentence being typed is embedded ahead; the question about it then asks the model nothing
            ToyModel model = new ToyModel("toy");
            corpus.useEmbedder(Optional.of(model));
            top(corpus, "zebra");
            corpus.prepareRelated(dev.paperlink.corpus.model.Passage.of("The coat of the striped horse"));
            long end = System.nanoTime() + 5_000_000_000L;
            while (model.texts.get() < 2 && System.nanoTime() < end) {
                Thread.onSpinWait();
            }
            int before = model.texts.get();
            assertEquals("equus2020", top(corpus, "the coat of the striped horse \\cite{}.").get(0));
            assertEquals(before, model.texts.get(), "embedded ahead: the same words are the same passage");

            corpus.useEmbedder(Optional.of(new ToyModel("another toy")));
            assertEquals(151, corpus.embeddingStatus().orElseThrow().missing(), "another model's vectors are not this one's");
        }
    }

    private static List<String> top(Corpus corpus, String passage) {
        return corpus.related(passage, 3).stream().map(Hit::paper).map(p -> p.key()).toList();
    }
}
