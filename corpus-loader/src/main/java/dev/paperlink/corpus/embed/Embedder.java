package dev.paperlink.corpus.embed;

import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * A text embedding model, optional: found with {@link ServiceLoader} when its jar is on the class
 * path (paperlink-embeddings.jar beside paperlink.jar; see the embeddings module). Without one,
 * related papers are ranked by words alone.
 */
public interface Embedder {
    /** The model's name, kept with the vectors made by it (vectors of another model are made again). */
    String name();

    int dimensions();

    /** One unit-length vector per text, in order. */
    List<float[]> embed(List<String> texts);

    /** The first embedder on the class path, unless {@code PAPERLINK_EMBEDDINGS=off}. */
    static Optional<Embedder> available() {
        if ("off".equalsIgnoreCase(System.getenv("PAPERLINK_EMBEDDINGS")) || "off".equalsIgnoreCase(System.getProperty("paperlink.embeddings"))) {
            return Optional.empty();
        }
        return ServiceLoader.load(Embedder.class).findFirst();
    }
}
