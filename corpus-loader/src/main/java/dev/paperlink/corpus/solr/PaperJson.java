package dev.paperlink.corpus.solr;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperlink.corpus.model.Paper;

import java.io.UncheckedIOException;
import java.util.List;

/**
 * A paper's source records as the collection stores them (the stored field {@code record}): JSON
 * of the records' components, nothing derived. Reading them back and merging
 * ({@link SolrCluster#merged()}) gives the paper, as the embedded index's binary codec does.
 */
final class PaperJson {
    /** A stored cluster: the paper's generated key (or "") and its records. */
    record Stored(String generatedKey, List<Paper> parts) {
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .setSerializationInclusion(JsonInclude.Include.NON_EMPTY)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final TypeReference<Stored> STORED = new TypeReference<>() { };

    private PaperJson() {
    }

    static String write(SolrCluster c) {
        try {
            return JSON.writeValueAsString(new Stored(c.generatedKey(), c.parts()));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What completion shows of a cluster (the stored field {@code brief}): its records without
     * abstracts and raw fields, a third of the bytes a keystroke's question would send and read
     * (the whole paper comes with hover and definition, by key).
     */
    static String writeBrief(SolrCluster c) {
        List<Paper> brief = c.parts().stream().map(p -> p.toBuilder().abstractText("").raws(java.util.Map.of()).build()).toList();
        return write(new SolrCluster(c.id(), c.generatedKey(), brief));
    }

    static SolrCluster read(String id, String json) {
        try {
            Stored s = JSON.readValue(json, STORED);
            return new SolrCluster(id, s.generatedKey() == null ? "" : s.generatedKey(), s.parts() == null ? List.of() : s.parts());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
