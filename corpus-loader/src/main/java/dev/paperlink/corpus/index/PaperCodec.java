package dev.paperlink.corpus.index;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.paperlink.corpus.model.Paper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Source records to and from the bytes stored in the index (JSON). */
final class PaperCodec {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .setSerializationInclusion(JsonInclude.Include.NON_EMPTY);
    private static final ObjectWriter WRITER = MAPPER.writerFor(new TypeReference<List<Paper>>() { });
    private static final ObjectReader READER = MAPPER.readerFor(new TypeReference<List<Paper>>() { });

    private PaperCodec() {
    }

    static byte[] encode(List<Paper> parts) {
        try {
            return WRITER.writeValueAsBytes(parts);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Paper> decode(byte[] bytes, int offset, int length) {
        try {
            return READER.readValue(bytes, offset, length);
        } catch (IOException e) {
            throw new UncheckedIOException("corrupt stored record in the index: " + e.getMessage(), e);
        }
    }
}
