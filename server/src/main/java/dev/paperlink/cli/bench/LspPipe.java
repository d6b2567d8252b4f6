package dev.paperlink.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The client side of an LSP connection for benchmarks: JSON-RPC with Content-Length framing over a
 * server process's pipes (Jackson, no LSP4J, so what is timed is what a real client sees). The
 * server's requests are answered with null; its notifications are queued.
 */
public final class LspPipe implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final InputStream in;
    private final OutputStream out;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final BlockingQueue<JsonNode> notifications = new LinkedBlockingQueue<>();

    public LspPipe(Process process) {
        this.process = process;
        this.in = process.getInputStream();
        this.out = process.getOutputStream();
        Thread t = new Thread(this::readLoop, "bench-lsp-reader");
        t.setDaemon(true);
        t.start();
    }

    public JsonNode request(String method, Object params) throws IOException {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> f = new CompletableFuture<>();
        pending.put(id, f);
        ObjectNode msg = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", id).put("method", method);
        msg.set("params", JSON.valueToTree(params));
        send(msg);
        try {
            JsonNode r = f.get(120, TimeUnit.SECONDS);
            if (r.has("error")) {
                throw new IOException(method + " failed: " + r.get("error"));
            }
            return r.get("result");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IOException(method + ": " + e, e);
        }
    }

    public void notify(String method, Object params) throws IOException {
        ObjectNode msg = JSON.createObjectNode().put("jsonrpc", "2.0").put("method", method);
        msg.set("params", JSON.valueToTree(params));
        send(msg);
    }

    /** Waits for a notification of this method whose params satisfy {@code ok}. */
    public JsonNode await(String method, java.util.function.Predicate<JsonNode> ok, int seconds) throws IOException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        try {
            while (System.nanoTime() < end) {
                JsonNode n = notifications.poll(100, TimeUnit.MILLISECONDS);
                if (n != null && method.equals(n.path("method").asText()) && ok.test(n.get("params"))) {
                    return n.get("params");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new IOException("no " + method + " within " + seconds + " s");
    }

    /** The notifications queued so far (and not awaited), oldest first; the queue is left empty. */
    public java.util.List<JsonNode> drain() {
        java.util.List<JsonNode> out = new java.util.ArrayList<>();
        notifications.drainTo(out);
        return out;
    }

    private synchronized void send(JsonNode msg) throws IOException {
        byte[] body = JSON.writeValueAsBytes(msg);
        out.write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    private void readLoop() {
        try {
            while (true) {
                int length = -1;
                String line;
                while (!(line = readLine()).isEmpty()) {
                    if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                        length = Integer.parseInt(line.substring(15).strip());
                    }
                }
                JsonNode msg = JSON.readTree(in.readNBytes(length));
                if (msg.has("method") && msg.has("id")) {
                    ObjectNode r = JSON.createObjectNode().put("jsonrpc", "2.0");
                    r.set("id", msg.get("id"));
                    r.putNull("result");
                    send(r);
                } else if (msg.has("method")) {
                    notifications.add(msg);
                } else {
                    CompletableFuture<JsonNode> f = pending.remove(msg.get("id").asInt());
                    if (f != null) {
                        f.complete(msg);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            pending.values().forEach(f -> f.completeExceptionally(e));
        }
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (c != '\r') {
                b.write(c);
            }
        }
        if (c < 0) {
            throw new IOException("end of stream");
        }
        return b.toString(StandardCharsets.US_ASCII);
    }

    /** shutdown, exit, and the server's exit code. */
    public int shutdown() throws IOException, InterruptedException {
        return shutdown(30);
    }

    /** As {@link #shutdown()}, waiting up to {@code seconds} for the process to end (a JVM writing its AOT cache at exit takes a while). */
    public int shutdown(int seconds) throws IOException, InterruptedException {
        request("shutdown", null);
        notify("exit", null);
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
