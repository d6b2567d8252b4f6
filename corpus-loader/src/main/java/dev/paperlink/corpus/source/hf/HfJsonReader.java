package dev.paperlink.corpus.source.hf;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperlink.corpus.model.Author;
import dev.paperlink.corpus.model.Paper;
import dev.paperlink.corpus.model.PaperBuilder;
import dev.paperlink.corpus.model.SourceFormat;
import dev.paperlink.corpus.model.SourceSpan;
import dev.paperlink.corpus.source.Identifiers;
import dev.paperlink.corpus.source.RecordReader;
import dev.paperlink.corpus.source.RecordSink;
import dev.paperlink.corpus.source.Skip;

import java.io.IOException;
import java.io.Reader;
import java.util.Set;

/**
 * Reads Hugging Face daily-papers JSON, in two shapes:
 * <ul>
 *   <li>scraped files: an object {@code {"date", "papers": [records]}} or a bare array of records with
 *       {@code id, title, authors (strings), abstract, summary, url, pdfUrl, upvotes, publishedAt, arxivId};</li>
 *   <li>the official API ({@code /api/daily_papers}): an array of {@code {"paper": {"id", "title", "summary",
 *       "authors": [{"name"}], "publishedAt", "upvotes"}, "publishedAt", "title", ...}}.</li>
 * </ul>
 * Several root values (JSON lines) are read one after the other.
 * The file is streamed: one record at a time is turned into a tree, so memory is bounded by the
 * largest record. Provenance is the line span of the record's object in the file. Invalid JSON
 * gives one skip at the failing line; records before it are kept.
 */
public final class HfJsonReader implements RecordReader {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build())
            .build();
    /** Fields of a wrapper object whose array holds the records. */
    private static final Set<String> RECORD_ARRAYS = Set.of("papers", "data", "items", "results", "dailyPapers");

    public HfJsonReader() {
    }

    @Override
    public void read(String file, Reader input, RecordSink sink) throws IOException {
        JsonParser p = FACTORY.createParser(input);
        p.setCodec(MAPPER);
        int lastLine = 1;
        try (p) {
            JsonToken t;
            // one root value, or several (JSON lines / concatenated JSON): each is read in turn
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.START_ARRAY) {
                    readArray(file, p, sink, "");
                } else if (t == JsonToken.START_OBJECT) {
                    readWrapperOrRecord(file, p, sink);
                } else {
                    sink.skip(new Skip(file, line(p), "not HF JSON", "expected a JSON array or object"));
                    return;
                }
                lastLine = line(p);
            }
        } catch (JsonProcessingException e) {
            int at = e.getLocation() != null && e.getLocation().getLineNr() > 0 ? e.getLocation().getLineNr() : lastLine;
            sink.skip(new Skip(file, at, "invalid JSON", "invalid JSON: " + e.getOriginalMessage()));
        } catch (RuntimeException e) {
            sink.skip(new Skip(file, lastLine, "invalid JSON", "cannot read JSON: " + e));
        }
    }

    /** The top-level object: a wrapper with a records array (and page fields such as "date"), or one record. */
    private void readWrapperOrRecord(String file, JsonParser p, RecordSink sink) throws IOException {
        int start = line(p);
        String pageDate = "";
        boolean sawArray = false;
        com.fasterxml.jackson.databind.node.ObjectNode fields = MAPPER.createObjectNode();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            if (v == JsonToken.START_ARRAY && RECORD_ARRAYS.contains(name)) {
                sawArray = true;
                readArray(file, p, sink, pageDate);
            } else {
                JsonNode value = p.readValueAsTree();
                fields.set(name, value);
                if ("date".equals(name) && value != null && value.isTextual()) {
                    pageDate = value.asText();
                }
            }
        }
        if (!sawArray) {
            // a single record object at top level
            if (fields.has("title") || fields.has("paper")) {
                emit(file, fields, start, line(p), sink, "");
            } else {
                sink.skip(new Skip(file, start, "not HF JSON", "object has neither a papers array nor a title"));
            }
        }
    }

    private void readArray(String file, JsonParser p, RecordSink sink, String pageDate) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) {
                throw new com.fasterxml.jackson.core.JsonParseException(p, "unexpected end of input in array");
            }
            int start = line(p);
            JsonNode node = p.readValueAsTree();
            int end = line(p);
            if (node == null || !node.isObject()) {
                sink.skip(new Skip(file, start, "not a record", "array element is not an object"));
                continue;
            }
            try {
                emit(file, node, start, end, sink, pageDate);
            } catch (RuntimeException e) {
                sink.skip(new Skip(file, start, "invalid record", "cannot read record: " + e));
            }
        }
    }

    private static int line(JsonParser p) {
        int n = p.currentTokenLocation().getLineNr();
        return Math.max(n, 1);
    }

    private static void emit(String file, JsonNode node, int start, int end, RecordSink sink, String pageDate) {
        Paper paper = toPaper(node, pageDate, SourceSpan.line(file, SourceFormat.HF_JSON, start));
        if (paper == null) {
            sink.skip(new Skip(file, start, "no title", "record without a title"));
            return;
        }
        SourceSpan span = new SourceSpan(file, SourceFormat.HF_JSON, start, end, start, 0, "");
        sink.accept(paper.toBuilder().sources(java.util.List.of(span)).build());
    }

    /** The paper of one record (scraped or API shape), or null when it has no title. */
    static Paper toPaper(JsonNode item, String pageDate, SourceSpan span) {
        JsonNode paper = item.path("paper").isObject() ? item.get("paper") : item;
        String title = HfText.collapse(first(paper, item, "title"));
        if (title.isEmpty()) {
            return null;
        }
        PaperBuilder b = Paper.builder().title(title).entryType("misc");
        String rawAbstract = first(paper, item, "abstract");
        if (rawAbstract.isBlank()) {
            rawAbstract = first(paper, item, "summary");
        }
        b.abstractText(HfText.cleanScraped(rawAbstract));

        String arxivId = Identifiers.arxivId(first(paper, item, "arxivId"));
        if (arxivId.isEmpty()) {
            arxivId = Identifiers.arxivId(first(paper, item, "id"));
        }
        if (arxivId.isEmpty()) {
            arxivId = Identifiers.arxivId(first(paper, item, "pdfUrl"));
        }
        b.arxivId(arxivId);
        String url = first(paper, item, "url");
        if (!arxivId.isEmpty()) {
            b.url("https://arxiv.org/abs/" + arxivId);
        } else if (url.startsWith("http")) {
            b.url(url);
        }

        JsonNode authors = paper.path("authors");
        if (!authors.isArray()) {
            authors = item.path("authors");
        }
        if (authors.isArray()) {
            for (JsonNode a : authors) {
                String name = a.isObject() ? a.path("name").asText("") : a.isValueNode() ? a.asText("") : "";
                Author author = HfText.author(name);
                if (author != null) {
                    b.author(author);
                }
            }
        }

        String published = first(paper, item, "publishedAt");
        String date = HfText.isoDate(published);
        b.date(date).year(date.isEmpty() ? "" : date.substring(0, 4));

        JsonNode upvotes = paper.has("upvotes") ? paper.get("upvotes") : item.path("upvotes");
        if (upvotes.isIntegralNumber()) {
            b.popularity(upvotes.asLong());
        } else if (upvotes.isTextual() && upvotes.asText().strip().matches("\\d{1,18}")) {
            b.popularity(Long.parseLong(upvotes.asText().strip()));
        }
        JsonNode tags = item.path("tags");
        if (tags.isArray()) {
            for (JsonNode tag : tags) {
                if (tag.isTextual()) {
                    b.keyword(tag.asText());
                }
            }
        }
        b.source(span);
        for (var field : paper.properties()) {
            if (field.getValue().isValueNode() && !field.getValue().isNull()) {
                b.raw(field.getKey(), field.getValue().asText());
            }
        }
        if (paper != item) {
            for (var field : item.properties()) {
                if (field.getValue().isValueNode() && !field.getValue().isNull()) {
                    b.raw("item." + field.getKey(), field.getValue().asText());
                }
            }
        }
        if (!pageDate.isEmpty()) {
            b.raw("pageDate", pageDate);
        }
        return b.build();
    }

    /** A text field of the paper object, else of the outer item; empty if absent or not a scalar. */
    private static String first(JsonNode paper, JsonNode item, String field) {
        JsonNode v = paper.get(field);
        if (v == null || v.isNull() || !v.isValueNode()) {
            v = item.get(field);
        }
        return v == null || v.isNull() || !v.isValueNode() ? "" : v.asText("");
    }
}
