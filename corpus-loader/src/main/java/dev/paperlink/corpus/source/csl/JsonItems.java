package dev.paperlink.corpus.source.csl;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.Set;

/**
 * Streams the items of a JSON (or YAML, through Jackson's YAML parser) document one by one, so
 * that memory stays bounded by one item. Accepted shapes: an array of items; an object holding an
 * array of items under one of the given wrapper fields ({@code "items"}, {@code "references"});
 * or, when allowed, a single item object. Each item is read as a tree and handed over with its
 * 1-based start and end line.
 *
 * <p>Syntax errors end the stream: {@link Handler#error} gets the line of the problem (as Jackson
 * reports it) and a message; items read before the error have already been delivered.
 */
public final class JsonItems {

    /** Receives the items of a document. */
    public interface Handler {
        /** One item (any JSON value, usually an object) spanning the given 1-based lines. */
        void item(JsonNode item, int startLine, int endLine) throws IOException;

        /**
         * Whether a top-level object without an item array is an item (asked only when single
         * objects are allowed); say no to, e.g., Markdown front matter without references.
         */
        default boolean isSingleItem(ObjectNode object) {
            return true;
        }

        /** The document is broken at the given 1-based line; nothing more follows. */
        void error(int line, String message);
    }

    private final ObjectMapper mapper;
    private final Set<String> wrapperFields;
    private final boolean singleObjectIsItem;
    private final boolean yaml;

    /**
     * @param mapper             the mapper that created the parsers (for tree reading)
     * @param wrapperFields      fields of a top-level object that hold the item array
     * @param singleObjectIsItem whether a top-level object without such a field is itself one item
     * @param yaml               whether the parser reads YAML (end-of-item positions are reported on the next line there)
     */
    public JsonItems(ObjectMapper mapper, Set<String> wrapperFields, boolean singleObjectIsItem, boolean yaml) {
        this.mapper = mapper;
        this.wrapperFields = Set.copyOf(wrapperFields);
        this.singleObjectIsItem = singleObjectIsItem;
        this.yaml = yaml;
    }

    /** Streams the document read by {@code parser}; closes nothing. */
    public void stream(JsonParser parser, Handler handler) throws IOException {
        int lastLine = 1;
        try {
            JsonToken first = parser.nextToken();
            lastLine = line(parser.currentTokenLocation(), 1);
            if (first == null) {
                return; // empty document: no items
            }
            if (first == JsonToken.START_ARRAY) {
                streamArray(parser, handler);
            } else if (first == JsonToken.START_OBJECT) {
                streamObject(parser, handler);
            } else {
                handler.error(lastLine, "expected an array or an object of items, found " + describe(first));
            }
        } catch (HandlerFailure e) {
            throw e.unwrap();
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            int line = line(loc, line(safeLocation(parser), lastLine));
            handler.error(line, "invalid " + (yaml ? "YAML" : "JSON") + ": " + brief(e.getOriginalMessage()));
        } catch (RuntimeException e) {
            // parser back-ends (SnakeYAML) may throw their own unchecked exceptions on broken input
            handler.error(line(safeLocation(parser), lastLine), "invalid " + (yaml ? "YAML" : "JSON") + ": " + brief(e.getMessage()));
        }
    }

    /** An exception thrown by the handler, carried past the parser-error handling unchanged. */
    private static final class HandlerFailure extends RuntimeException {
        HandlerFailure(Exception cause) {
            super(cause);
        }

        IOException unwrap() throws IOException {
            if (getCause() instanceof IOException io) {
                return io;
            }
            throw (RuntimeException) getCause();
        }
    }

    private static void deliver(Handler handler, JsonNode node, int start, int end) {
        try {
            handler.item(node, start, end);
        } catch (IOException | RuntimeException e) {
            throw new HandlerFailure(e);
        }
    }

    /** Parser messages (SnakeYAML's carry a source excerpt over several lines) on one short line. */
    private static String brief(String message) {
        if (message == null) {
            return "unreadable input";
        }
        String m = message.replaceAll("\\s+", " ").strip();
        return m.length() > 300 ? m.substring(0, 300) + "..." : m;
    }

    private void streamArray(JsonParser parser, Handler handler) throws IOException {
        JsonToken t;
        while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) {
                throw new com.fasterxml.jackson.core.JsonParseException(parser, "unexpected end of input inside the item array");
            }
            readItem(parser, handler);
        }
    }

    private void readItem(JsonParser parser, Handler handler) throws IOException {
        int start = line(parser.currentTokenLocation(), 1);
        JsonNode node = mapper.readTree(parser);
        int end = endLine(parser, start);
        deliver(handler, node, start, end);
    }

    private int endLine(JsonParser parser, int start) {
        int end = line(parser.currentTokenLocation(), start);
        if (yaml && end > start) {
            // a YAML block ends where the next token begins: the last line of the item is the one before
            end = end - 1;
        }
        return Math.max(start, end);
    }

    private void streamObject(JsonParser parser, Handler handler) throws IOException {
        int start = line(parser.currentTokenLocation(), 1);
        ObjectNode single = singleObjectIsItem ? mapper.createObjectNode() : null;
        boolean sawWrapper = false;
        JsonToken t;
        while ((t = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (value == null) {
                break;
            }
            if (!sawWrapper && value == JsonToken.START_ARRAY && wrapperFields.contains(name)) {
                sawWrapper = true;
                single = null;
                streamArray(parser, handler);
            } else if (single != null) {
                single.set(name, mapper.readTree(parser));
            } else {
                parser.skipChildren();
            }
        }
        if (t != JsonToken.END_OBJECT) {
            throw new com.fasterxml.jackson.core.JsonParseException(parser, "unexpected end of input inside the top-level object");
        }
        if (single != null && handler.isSingleItem(single)) {
            deliver(handler, single, start, endLine(parser, start));
        }
    }

    private static JsonLocation safeLocation(JsonParser parser) {
        try {
            return parser.currentLocation();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static int line(JsonLocation loc, int fallback) {
        if (loc == null || loc.getLineNr() < 1) {
            return fallback;
        }
        return loc.getLineNr();
    }

    private static String describe(JsonToken t) {
        return switch (t) {
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.toString();
        };
    }
}
