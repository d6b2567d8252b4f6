package dev.paperlink.embeddings;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.paperlink.corpus.embed.Embedder;

import java.util.ArrayList;
import java.util.List;

/**
 * all-MiniLM-L6-v2, quantized to 8 bits (ONNX, from langchain4j's Maven artifact: nothing is
 * downloaded), 384 dimensions, unit vectors. The model is loaded at the first call, into a session
 * of one thread that does not spin ({@link OneThreadMiniLm}).
 */
public final class MiniLmEmbedder implements Embedder {
    private volatile EmbeddingModel model;

    @Override
    public String name() {
        return "all-MiniLM-L6-v2-q";
    }

    @Override
    public int dimensions() {
        return 384;
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        List<TextSegment> segments = new ArrayList<>(texts.size());
        for (String t : texts) {
            segments.add(TextSegment.from(t.isBlank() ? "." : t));
        }
        List<Embedding> embeddings = model().embedAll(segments).content();
        List<float[]> out = new ArrayList<>(embeddings.size());
        for (Embedding e : embeddings) {
            out.add(unit(e.vector()));
        }
        return out;
    }

    private EmbeddingModel model() {
        EmbeddingModel m = model;
        if (m == null) {
            synchronized (this) {
                m = model;
                if (m == null) {
                    m = OneThreadMiniLm.load();
                    model = m;
                }
            }
        }
        return m;
    }

    private static float[] unit(float[] v) {
        double n = 0;
        for (float x : v) {
            n += x * x;
        }
        float scale = n == 0 ? 0 : (float) (1 / Math.sqrt(n));
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * scale;
        }
        return out;
    }
}
