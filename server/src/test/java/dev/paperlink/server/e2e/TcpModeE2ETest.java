package dev.paperlink.server.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paperlink.server.testing.JsonRpcClient;
import dev.paperlink.server.testing.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 10, 3: {@code serve --port} over real sockets against the real server process. A browser's
 * {@code fetch()} (an HTTP request, an Origin header), a client without the token or with a wrong
 * one, and a silent connection are refused and closed, and the server goes on listening; the
 * client with the token is served; a second one is refused, not left hanging; half a message that
 * stops coming ends the client and the server with it.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class TcpModeE2ETest {
    @TempDir
    Path tmp;

    private ServerProcess start() throws IOException {
        return ServerProcess.start(tmp, "--port", "0", "--token-file", tmp.resolve("token").toString(),
                "--index-dir", tmp.resolve("index").toString(), "--handshake-timeout", "2", "--half-message-timeout", "2");
    }

    @Test
    void onlyTheClientWithTheTokenIsServed() throws Exception {
        try (ServerProcess server = start()) {
            int port = server.listeningPort(30);
            Path tokenFile = tmp.resolve("token");
            String token = Files.readString(tokenFile).strip();
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile)), "only the user reads the token");
            assertTrue(server.log().contains(token), "the token is printed on stderr");

            String http = "POST / HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nOrigin: http://evil.example\r\nContent-Type: text/plain\r\n"
                    + "Content-Length: " + initialize(token).length() + "\r\n\r\n" + initialize(token);
            String answer = exchange(port, http);
            assertTrue(answer.startsWith("HTTP/1.1 403"), "a browser's POST is refused as HTTP: " + answer);
            assertFalse(answer.contains("\"result\""), answer);

            String withOrigin = "Content-Length: " + initialize(token).length() + "\r\nOrigin: http://evil.example\r\n\r\n" + initialize(token);
            assertFalse(exchange(port, withOrigin).contains("\"result\""), "an Origin header is refused, even with the token");

            assertTrue(exchange(port, frame(initialize(null))).contains("token"), "no token: an error that says so");
            String wrong = exchange(port, frame(initialize("not-" + token)));
            assertTrue(wrong.contains("\"error\"") && wrong.contains("wrong token"), wrong);
            assertTrue(exchange(port, frame("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"shutdown\"}")).contains("\"error\""),
                    "anything before initialize is refused");

            long t0 = System.nanoTime();
            assertEquals("", exchange(port, ""), "a silent connection is closed");
            assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(15), "within the handshake's time limit");

            try (Socket editor = new Socket(InetAddress.getLoopbackAddress(), port);
                 JsonRpcClient c = new JsonRpcClient(editor.getInputStream(), editor.getOutputStream())) {
                JsonNode init = c.request("initialize", Map.of("capabilities", Map.of(), "initializationOptions", Map.of("token", token)));
                assertNotNull(init.get("capabilities"), "the editor with the token is served: " + init);
                c.notify("initialized", Map.of());

                String second = exchange(port, frame(initialize(token)));
                assertTrue(second.contains("already serves"), "a second client is refused at once: " + second);

                JsonNode hover = c.request("textDocument/hover", Map.of("textDocument", Map.of("uri", "file:///not/open.tex"),
                        "position", Map.of("line", 0, "character", 0)));
                assertTrue(hover.isNull(), "the first client is still served");
                c.request("shutdown", null);
                c.notify("exit", null);
                assertEquals(0, server.waitFor(30), "the server ends with its client; log:\n" + server.log());
            }
            assertFalse(Files.exists(tokenFile), "the token file is deleted at the end");
            assertTrue(server.log().contains("refused a connection"), server.log());
        }
    }

    @Test
    void halfAMessageThatStopsComingEndsTheClient() throws Exception {
        try (ServerProcess server = start()) {
            int port = server.listeningPort(30);
            String token = Files.readString(tmp.resolve("token")).strip();
            try (Socket editor = new Socket(InetAddress.getLoopbackAddress(), port);
                 JsonRpcClient c = new JsonRpcClient(editor.getInputStream(), editor.getOutputStream())) {
                c.request("initialize", Map.of("capabilities", Map.of(), "initializationOptions", Map.of("token", token)));
                c.sendRaw("Content-Length: 200\r\n\r\n{\"jsonrpc\":\"2.0\",".getBytes(StandardCharsets.US_ASCII));
                c.closed().get(30, TimeUnit.SECONDS);
            }
            assertEquals(1, server.waitFor(30), "the client went away without shutdown; log:\n" + server.log());
            assertTrue(server.log().contains("half a message"), server.log());
        }
    }

    private static String initialize(String token) {
        String options = token == null ? "{}" : "{\"token\":\"" + token + "\"}";
        return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"capabilities\":{},\"initializationOptions\":" + options + "}}";
    }

    private static String frame(String body) {
        return "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    /** Connects, sends {@code text}, and reads all the server answers until it closes the connection. */
    private static String exchange(int port, String text) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(20_000);
            s.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
            s.getOutputStream().flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
