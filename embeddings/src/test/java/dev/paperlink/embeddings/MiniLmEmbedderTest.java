package dev.paperlink.embeddings;

import dev.paperlink.corpus.embed.Embedder;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The packaged model loads without a download and puts a sentence nearer the paper it is about. */
class MiniLmEmbedderTest {

    @Test
    void aSentenceIsNearerThePaperItIsAbout() {
        Embedder e = Embedder.available().orElseThrow(() -> new AssertionError("the service file names the embedder"));
        assertEquals("all-MiniLM-L6-v2-q", e.name());
        List<float[]> v = e.embed(List.of(
                "Self-attention replaced recurrence in neural machine translation.",
                "Attention Is All You Need. The dominant sequence transduction models are based on recurrent networks; we propose the Transformer, based solely on attention.",
                "Deep Residual Learning for Image Recognition. Residual connections ease the training of very deep convolutional networks."));
        assertEquals(3, v.size());
        assertEquals(384, v.get(0).length);
        assertEquals(1.0, dot(v.get(0), v.get(0)), 1e-4, "unit length");
        assertTrue(dot(v.get(0), v.get(1)) > dot(v.get(0), v.get(2)) + 0.1, "nearer the Transformer than ResNet");
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
