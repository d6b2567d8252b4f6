package dev.paperlink.corpus.source.hayagriva;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.paperlink.corpus.model.SourceFormat;
import dev.paperlink.corpus.source.RecordReader;
import dev.paperlink.corpus.source.RecordSink;
import dev.paperlink.corpus.source.Skip;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads Hayagriva, Typst's YAML bibliography: a map of citation keys to entries
 * ({@code type}, {@code title}, {@code author}, {@code date}, {@code parent}, {@code doi} or
 * {@code serial-number}, {@code url}, {@code abstract}...). Entries are read one at a time (a
 * tree of one entry, never of the file); a broken entry is a skip, broken YAML ends the file
 * with a skip at its line.
 */
public final class HayagrivaReader implements RecordReader {
    private static final YAMLMapper YAML = dev.paperlink.corpus.source.csl.CslYamlReader.YAML;

    @Override
    public void read(String file, Reader input, RecordSink sink) throws IOException {
        try (JsonParser parser = YAML.createParser(input)) {
            JsonToken t = parser.nextToken();
            if (t == null) {
                return;
            }
            if (t != JsonToken.START_OBJECT) {
                sink.skip(new Skip(file, line(parser), "not a map", "a Hayagriva file is a map of keys to entries"));
                return;
            }
            while ((t = parser.nextToken()) == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                int start = line(parser);
                parser.nextToken();
                JsonNode entry = YAML.readTree(parser);
                int end = Math.max(start, line(parser) - 1); // the end of a block mapping is reported at the next key
                HayagrivaMapper.Result r;
                try {
                    r = HayagrivaMapper.map(key, entry, file, start, end);
                } catch (RuntimeException e) {
                    r = HayagrivaMapper.Result.skipped(new Skip(file, start, "bad item", "cannot read entry '" + key + "': " + e));
                }
                if (r.paper() != null) {
                    sink.accept(r.paper());
                } else {
                    sink.skip(r.skip());
                }
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            int at = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
            sink.skip(new Skip(file, at, "syntax", "YAML syntax error: " + e.getOriginalMessage()));
        }
    }

    private static int line(JsonParser p) {
        return Math.max(1, p.currentTokenLocation().getLineNr());
    }
}
