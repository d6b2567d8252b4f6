package dev.paperlink.corpus.source.zotero;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.paperlink.corpus.source.RecordReader;
import dev.paperlink.corpus.source.RecordSink;
import dev.paperlink.corpus.source.Skip;
import dev.paperlink.corpus.source.csl.JsonItems;

import java.io.IOException;
import java.io.Reader;
import java.util.Set;

/**
 * Reads Zotero / Better BibTeX JSON library exports: an object with an {@code items} array (plus
 * {@code config}, {@code collections}... which are ignored), or a bare array of Zotero items.
 * Items are streamed one at a time; notes, attachments and annotations stored as top-level items
 * are not papers and are passed over silently. See {@link ZoteroMapper} for the field mapping.
 */
public final class ZoteroJsonReader implements RecordReader {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    public ZoteroJsonReader() {
    }

    @Override
    public void read(String file, Reader input, RecordSink sink) throws IOException {
        JsonItems items = new JsonItems(JSON, Set.of("items"), false, false);
        try (JsonParser parser = JSON.createParser(input)) {
            items.stream(parser, new JsonItems.Handler() {
                @Override
                public void item(JsonNode item, int startLine, int endLine) {
                    ZoteroMapper.Result r;
                    try {
                        r = ZoteroMapper.map(item, file, startLine, endLine);
                    } catch (RuntimeException e) {
                        r = ZoteroMapper.Result.skipped(new Skip(file, startLine, "bad item", "cannot read item: " + e));
                    }
                    if (r.paper() != null) {
                        sink.accept(r.paper());
                    } else if (r.skip() != null) {
                        sink.skip(r.skip());
                    }
                }

                @Override
                public void error(int line, String message) {
                    sink.skip(new Skip(file, line, "syntax", message));
                }
            });
        }
    }
}
