package dev.paperlink.server.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paperlink.server.testing.JsonRpcClient;
import dev.paperlink.server.testing.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 10, 5: one malformed frame does not make the server deaf. Over the real pipes of a
 * server process, each kind of bad frame is sent, then a normal request, which must be answered.
 */
@Timeout(value = 3, unit = java.util.concurrent.TimeUnit.MINUTES)
class MalformedFramesE2ETest {
    @TempDir
    Path tmp;

    @Test
    void everyBadFrameIsDroppedAndTheNextRequestAnswered() throws Exception {
        String hover = "{\"jsonrpc\":\"2.0\",\"id\":999,\"method\":\"textDocument/hover\",\"params\":{\"textDocument\":{\"uri\":\"file:///x.tex\"},"
                + "\"position\":{\"line\":0,\"character\":0}}}";
        Map<String, byte[]> bad = new LinkedHashMap<>();
        bad.put("no Content-Length", ("Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n" + hover).getBytes(StandardCharsets.UTF_8));
        bad.put("a negative Content-Length", ("Content-Length: -5\r\n\r\n" + hover).getBytes(StandardCharsets.UTF_8));
        bad.put("a non-numeric Content-Length", ("Content-Length: twelve\r\n\r\n" + hover).getBytes(StandardCharsets.UTF_8));
        bad.put("a too small Content-Length", ("Content-Length: 10\r\n\r\n" + hover).getBytes(StandardCharsets.UTF_8));
        bad.put("a truncated body", ("Content-Length: 5000\r\n\r\n" + hover.substring(0, 40)).getBytes(StandardCharsets.UTF_8));
        byte[] utf16 = hover.getBytes(StandardCharsets.UTF_16LE);
        bad.put("a UTF-16 body", concat(("Content-Type: application/vscode-jsonrpc; charset=utf-16\r\nContent-Length: " + utf16.length
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII), utf16));
        String broken = "{\"jsonrpc\":\"2.0\",\"method\":\"x\",\"params\":\"" + "a".repeat(10_000) + "\",}";
        bad.put("a 10 KB body with a JSON syntax error", frame(broken));
        String deep = "{\"jsonrpc\":\"2.0\",\"method\":\"x\",\"params\":" + "[".repeat(300) + "]".repeat(300) + "}";
        bad.put("300 levels of nesting", frame(deep));
        bad.put("an HTTP request", "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: http://evil.example\r\n\r\n{}".getBytes(StandardCharsets.UTF_8));

        try (ServerProcess server = ServerProcess.start(tmp, "--index-dir", tmp.resolve("index").toString())) {
            JsonRpcClient c = server.client();
            c.request("initialize", Map.of("capabilities", Map.of()));
            c.notify("initialized", Map.of());
            for (Map.Entry<String, byte[]> e : bad.entrySet()) {
                c.sendRaw(e.getValue());
                JsonNode answer;
                try {
                    answer = c.request("textDocument/hover", Map.of("textDocument", Map.of("uri", "file:///not/open.tex"),
                            "position", Map.of("line", 0, "character", 0)));
                } catch (AssertionError lost) {
                    throw new AssertionError(e.getKey() + ": no answer; the server's log:\n" + server.log(), lost);
                }
                assertTrue(answer.isNull(), e.getKey() + ": then a request is answered (" + answer + ")");
            }
            assertTrue(server.log().contains("dropped a malformed message"), server.log());
            c.request("shutdown", null);
            c.notify("exit", null);
            assertEquals(0, server.waitFor(20), server.log());
        }
    }

    private static byte[] frame(String body) {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        return concat(("Content-Length: " + b.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII), b);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
