package dev.paperlink.corpus.source.csl;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.paperlink.corpus.model.SourceFormat;
import dev.paperlink.corpus.source.RecordReader;
import dev.paperlink.corpus.source.RecordSink;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads CSL-JSON: an array of CSL items, a single item, or an object with an {@code items}
 * array. Items are streamed one at a time; see {@link CslMapper} for the field mapping.
 */
public final class CslJsonReader implements RecordReader {
    static final ObjectMapper JSON = JsonMapper.builder().build();

    public CslJsonReader() {
    }

    @Override
    public void read(String file, Reader input, RecordSink sink) throws IOException {
        try (JsonParser parser = JSON.createParser(input)) {
            CslItemStream.read(JSON, parser, false, file, SourceFormat.CSL_JSON, sink);
        }
    }
}
