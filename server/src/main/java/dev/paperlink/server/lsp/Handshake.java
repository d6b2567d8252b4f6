package dev.paperlink.server.lsp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The first message of a TCP connection, read strictly before anything reaches the protocol
 * library: LSP headers only ({@code Content-Length}, {@code Content-Type}; an HTTP request line,
 * an {@code Origin} or any other header is a web page or a stranger), then an {@code initialize}
 * request carrying the server's token in {@code initializationOptions.token}. A connection that
 * fails any of it is answered (an HTTP 403, a JSON-RPC error) and closed by the caller.
 */
final class Handshake {
    static final int MAX_FIRST_MESSAGE = 4 << 20;
    private static final int MAX_LINE = 8192;
    private static final int MAX_HEADERS = 8;
    private static final Pattern HTTP_REQUEST_LINE = Pattern.compile("^[A-Z]{3,10} \\S* HTTP/\\d.*");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the first message was. */
    sealed interface Outcome {
        /** A well-formed initialize with the right token: {@code frame} is handed on as it came. */
        record Accepted(byte[] frame, JsonNode id) implements Outcome {
        }

        /** Refused: why (for the log) and what to answer before closing. */
        record Refused(String why, byte[] reply) implements Outcome {
        }
    }

    private final InputStream in;
    private final byte[] token;

    /** @param in the connection, with a read timeout set: a timeout ends the handshake */
    Handshake(InputStream in, String token) {
        this.in = in;
        this.token = token.getBytes(StandardCharsets.US_ASCII);
    }

    Outcome read() throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        long length = -1;
        try {
            for (int n = 0; ; n++) {
                String line = line(frame);
                if (line == null) {
                    return refused("the connection closed before a message", new byte[0]);
                }
                if (line.isEmpty()) {
                    break;
                }
                if (n == 0 && HTTP_REQUEST_LINE.matcher(line).matches()) {
                    return refused("an HTTP request (" + shown(line) + ")", httpForbidden());
                }
                int colon = line.indexOf(':');
                String name = colon < 0 ? "" : line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                String value = colon < 0 ? "" : line.substring(colon + 1).strip();
                if (name.equals("origin")) {
                    return refused("a message with an Origin header (" + shown(value) + "): a web page", httpForbidden());
                }
                if (name.equals("content-length")) {
                    length = value.matches("\\d{1,8}") ? Long.parseLong(value) : -1;
                    if (length <= 0 || length > MAX_FIRST_MESSAGE) {
                        return refused("a first message whose Content-Length '" + shown(value) + "' is not from 1 to "
                                + MAX_FIRST_MESSAGE, new byte[0]);
                    }
                } else if (!name.equals("content-type")) {
                    return refused("not an LSP header: " + shown(line), new byte[0]);
                }
                if (n >= MAX_HEADERS) {
                    return refused("more than " + MAX_HEADERS + " header lines", new byte[0]);
                }
            }
            if (length < 0) {
                return refused("a first message without Content-Length", new byte[0]);
            }
            byte[] body = in.readNBytes((int) length);
            if (body.length < length) {
                return refused("the connection closed inside the first message", new byte[0]);
            }
            frame.write(body);
            return initialize(frame.toByteArray(), body);
        } catch (SocketTimeoutException e) {
            return refused("no complete first message in time", new byte[0]);
        }
    }

    private Outcome initialize(byte[] frame, byte[] body) {
        JsonNode message;
        try {
            message = JSON.readTree(body);
        } catch (IOException e) {
            return refused("a first message that is not JSON", new byte[0]);
        }
        JsonNode id = message.path("id");
        if (!message.path("method").asText().equals("initialize") || id.isMissingNode() || id.isNull()) {
            return refused("a first message that is not an initialize request", id.isMissingNode() ? new byte[0]
                    : error(id, "PaperLink: the first message on this port must be initialize, with the server's token"));
        }
        JsonNode options = message.path("params").path("initializationOptions");
        JsonNode given = options.has("token") ? options.path("token") : options.path("paperlink").path("token");
        if (!given.isTextual()) {
            return refused("an initialize without a token", error(id, "PaperLink: this port needs the server's token in "
                    + "initializationOptions.token (printed on the server's stderr and written to its token file)"));
        }
        if (!MessageDigest.isEqual(given.asText().getBytes(StandardCharsets.UTF_8), token)) {
            return refused("an initialize with a wrong token", error(id, "PaperLink: wrong token"));
        }
        return new Outcome.Accepted(frame, id);
    }

    /** One header line without its line break, kept in {@code frame} too; null at the end of input. */
    private String line(ByteArrayOutputStream frame) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            frame.write(c);
            if (c == '\n') {
                break;
            }
            if (b.size() >= MAX_LINE) {
                return "(a header line over " + MAX_LINE + " bytes)";
            }
            b.write(c);
        }
        if (c < 0 && b.size() == 0) {
            return null;
        }
        String s = b.toString(StandardCharsets.ISO_8859_1);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    private static Outcome refused(String why, byte[] reply) {
        return new Outcome.Refused(why, reply);
    }

    private static byte[] httpForbidden() {
        String body = "This port speaks the Language Server Protocol to one editor, not HTTP.\n";
        return ("HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII);
    }

    /** A JSON-RPC error response to the request {@code id}, framed. */
    static byte[] error(JsonNode id, String message) {
        ObjectNode error = JsonNodeFactory.instance.objectNode().put("code", -32600).put("message", message);
        ObjectNode response = JsonNodeFactory.instance.objectNode().put("jsonrpc", "2.0");
        response.set("id", id);
        response.set("error", error);
        byte[] body = response.toString().getBytes(StandardCharsets.UTF_8);
        byte[] head = ("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[head.length + body.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(body, 0, out, head.length, body.length);
        return out;
    }

    /** A header line as the log shows it: printable, at most 80 characters. */
    private static String shown(String s) {
        String t = s.replaceAll("\\p{Cntrl}", "?");
        return t.length() > 80 ? t.substring(0, 80) + "..." : t;
    }
}
