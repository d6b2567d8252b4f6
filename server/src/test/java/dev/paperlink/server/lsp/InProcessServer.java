package dev.paperlink.server.lsp;

import dev.paperlink.server.config.ServerConfig;
import dev.paperlink.server.testing.JsonRpcClient;
import dev.paperlink.server.testing.TinyBibReader;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;

/**
 * The real server in this JVM, on its own thread, over a loopback socket (piped streams break
 * when one of the many threads that write to them ends), with a wire-level {@link JsonRpcClient}.
 * Documents' bibliographies are read by {@link TinyBibReader} (no dependency on the real reader).
 */
final class InProcessServer implements AutoCloseable {
    final JsonRpcClient client;
    final CompletableFuture<Integer> exitCode;
    private final Socket socket;

    private InProcessServer(JsonRpcClient client, CompletableFuture<Integer> exitCode, Socket socket) {
        this.client = client;
        this.exitCode = exitCode;
        this.socket = socket;
    }

    static InProcessServer start(ServerConfig config) throws IOException {
        ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        PrintStream stderr = System.err;
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try (listener; Socket s = listener.accept()) {
                exit.complete(ServerLauncher.serve(config, s.getInputStream(), s.getOutputStream(), stderr, f -> new TinyBibReader(), 0));
            } catch (Throwable e) {
                exit.completeExceptionally(e);
            }
        }, "in-process-server");
        t.setDaemon(true);
        t.start();
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
        return new InProcessServer(new JsonRpcClient(socket.getInputStream(), socket.getOutputStream()), exit, socket);
    }

    @Override
    public void close() throws IOException {
        client.close();
        socket.close();
    }
}
