package dev.paperlink.corpus.source.csl;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paperlink.corpus.model.SourceFormat;
import dev.paperlink.corpus.source.RecordSink;
import dev.paperlink.corpus.source.Skip;

import java.io.IOException;
import java.util.Set;

/** Streams CSL items from a parser (JSON or YAML) through {@link CslMapper} to a sink. */
final class CslItemStream {
    private CslItemStream() {
    }

    static void read(ObjectMapper mapper, JsonParser parser, boolean yaml, String file, SourceFormat format, RecordSink sink)
            throws IOException {
        JsonItems items = new JsonItems(mapper, Set.of("items", "references"), true, yaml);
        items.stream(parser, new JsonItems.Handler() {
            @Override
            public void item(JsonNode item, int startLine, int endLine) {
                CslMapper.Result r;
                try {
                    r = CslMapper.map(item, file, format, startLine, endLine);
                } catch (RuntimeException e) {
                    r = new CslMapper.Result(null, new Skip(file, startLine, "bad item", "cannot read item: " + e));
                }
                if (r.paper() != null) {
                    sink.accept(r.paper());
                } else {
                    sink.skip(r.skip());
                }
            }

            @Override
            public boolean isSingleItem(ObjectNode object) {
                // a CSL item has an id and a type; front matter without references has neither
                return object.has("id") || object.has("type");
            }

            @Override
            public void error(int line, String message) {
                sink.skip(new Skip(file, line, "syntax", message));
            }
        });
    }
}
