package dev.paperlink.solrtests.lsp;

// A copy of the server tests' JsonRpcClient: this module cannot have the server on its classpath (it holds Lucene 10).

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A minimal LSP client written against the wire format (Content-Length framing, JSON-RPC 2.0)
 * with Jackson, deliberately not LSP4J: tests that use it prove what actually goes over the pipe.
 * Answers the server's requests: {@code workspace/configuration} with the given settings section,
 * progress creation and capability registration with null.
 */
public final class JsonRpcClient implements AutoCloseable {
    public static final ObjectMapper JSON = new ObjectMapper();

    private final InputStream in;
    private final OutputStream out;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<JsonNode> notifications = new CopyOnWriteArrayList<>();
    private final List<JsonNode> serverRequests = new CopyOnWriteArrayList<>();
    private final Thread reader;
    private volatile JsonNode configuration = JsonNodeFactory.instance.objectNode();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();

    public JsonRpcClient(InputStream fromServer, OutputStream toServer) {
        this.in = fromServer;
        this.out = toServer;
        this.reader = new Thread(this::readLoop, "test-jsonrpc-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private final Map<String, java.util.function.Function<JsonNode, JsonNode>> answers = new ConcurrentHashMap<>();

    /** How the client answers the server's requests of a method (given their params): e.g. applying {@code workspace/applyEdit}. */
    public void answer(String method, java.util.function.Function<JsonNode, JsonNode> handler) {
        answers.put(method, handler);
    }

    /** What {@code workspace/configuration} answers for the {@code paperlink} section. */
    public void setConfiguration(JsonNode section) {
        this.configuration = section;
    }

    public JsonNode request(String method, Object params) {
        return request(method, params, 60);
    }

    public JsonNode request(String method, Object params, int timeoutSeconds) {
        CompletableFuture<JsonNode> f = requestAsync(method, params).future();
        JsonNode response;
        try {
            response = f.get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(method + ": " + e, e);
        }
        if (response.has("error")) {
            throw new AssertionError(method + " failed: " + response.get("error"));
        }
        return response.get("result");
    }

    /** A request whose whole response (result or error) is awaited by the caller. */
    public record Pending(int id, CompletableFuture<JsonNode> future) {
    }

    public Pending requestAsync(String method, Object params) {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> f = new CompletableFuture<>();
        pending.put(id, f);
        ObjectNode msg = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", id).put("method", method);
        msg.set("params", JSON.valueToTree(params));
        send(msg.toString());
        return new Pending(id, f);
    }

    public void notify(String method, Object params) {
        ObjectNode msg = JSON.createObjectNode().put("jsonrpc", "2.0").put("method", method);
        msg.set("params", JSON.valueToTree(params));
        send(msg.toString());
    }

    /** Sends bytes as they are, no framing (to test malformed frames). */
    public synchronized void sendRaw(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw new AssertionError("cannot write to the server: " + e, e);
        }
    }

    /** Sends a body as it is (to test malformed messages). */
    public synchronized void send(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try {
            out.write(("Content-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw new AssertionError("cannot write to the server: " + e, e);
        }
    }

    public List<JsonNode> notifications(String method) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode n : notifications) {
            if (method.equals(n.path("method").asText())) {
                out.add(n.get("params"));
            }
        }
        return out;
    }

    public List<JsonNode> serverRequests(String method) {
        return serverRequests.stream().filter(n -> method.equals(n.path("method").asText())).map(n -> n.get("params")).toList();
    }

    /** Waits for the latest diagnostics published on {@code uri} to satisfy {@code ok}; returns them. */
    public JsonNode awaitDiagnostics(String uri, Predicate<JsonNode> ok, int timeoutSeconds) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        JsonNode last = null;
        while (System.nanoTime() < end) {
            last = null;
            for (JsonNode p : notifications("textDocument/publishDiagnostics")) {
                if (uri.equals(p.path("uri").asText())) {
                    last = p.get("diagnostics");
                }
            }
            if (last != null && ok.test(last)) {
                return last;
            }
            sleep(50);
        }
        throw new AssertionError("diagnostics of " + uri + " never matched; last: " + last);
    }

    /** Waits until a notification of this method satisfies {@code ok}. */
    public JsonNode awaitNotification(String method, Predicate<JsonNode> ok, int timeoutSeconds) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (System.nanoTime() < end) {
            for (JsonNode p : notifications(method)) {
                if (ok.test(p)) {
                    return p;
                }
            }
            sleep(50);
        }
        throw new AssertionError("no " + method + " notification matched; got " + notifications(method));
    }

    public CompletableFuture<Void> closed() {
        return closed;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private void readLoop() {
        try {
            while (true) {
                int length = -1;
                String line;
                while (!(line = readLine()).isEmpty()) {
                    if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                        length = Integer.parseInt(line.substring(15).strip());
                    }
                }
                if (length < 0) {
                    throw new IOException("a message without Content-Length");
                }
                byte[] body = in.readNBytes(length);
                if (body.length < length) {
                    throw new IOException("stream ended inside a message");
                }
                handle(JSON.readTree(body));
            }
        } catch (IOException | RuntimeException e) {
            pending.values().forEach(f -> f.completeExceptionally(new IOException("connection closed: " + e.getMessage())));
            closed.complete(null);
        }
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                break;
            }
            if (c != '\r') {
                b.write(c);
            }
        }
        if (c < 0 && b.size() == 0) {
            throw new IOException("end of stream");
        }
        return b.toString(StandardCharsets.US_ASCII);
    }

    private void handle(JsonNode msg) {
        if (msg.has("method") && msg.has("id")) {
            serverRequests.add(msg);
            JsonNode result = JsonNodeFactory.instance.nullNode();
            if ("workspace/configuration".equals(msg.get("method").asText())) {
                result = JSON.createArrayNode().add(configuration);
            }
            var handler = answers.get(msg.get("method").asText());
            if (handler != null) {
                result = handler.apply(msg.get("params"));
            }
            ObjectNode response = JSON.createObjectNode().put("jsonrpc", "2.0");
            response.set("id", msg.get("id"));
            response.set("result", result);
            send(response.toString());
        } else if (msg.has("method")) {
            notifications.add(msg);
        } else if (msg.has("id")) {
            CompletableFuture<JsonNode> f = pending.remove(msg.get("id").asInt());
            if (f != null) {
                f.complete(msg);
            }
        }
    }

    @Override
    public void close() {
        reader.interrupt();
    }
}
