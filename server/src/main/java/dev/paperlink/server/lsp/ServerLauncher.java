package dev.paperlink.server.lsp;

import dev.paperlink.server.config.ServerConfig;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Starts the server over stdio or a socket on 127.0.0.1. Stdio: the real stdout is captured for
 * the protocol first and {@code System.out} is pointed at stderr, so that nothing else (a
 * library's println) can corrupt the protocol.
 */
public final class ServerLauncher {
    private ServerLauncher() {
    }

    /** Serves one client over stdin/stdout until the input closes or {@code exit}; returns the exit code. */
    public static int stdio(ServerConfig config) throws InterruptedException {
        InputStream in = System.in;
        OutputStream out = new java.io.FileOutputStream(java.io.FileDescriptor.out);
        PrintStream stderr = System.err;
        System.setOut(stderr);
        return serve(config, in, out, stderr);
    }

    /**
     * Listens on 127.0.0.1:{@code port} (0 = any free port) and serves the first client that shows
     * the token written to {@code tokenFile} (null: the default place); see {@link SocketServer}.
     */
    public static int socket(ServerConfig config, int port, java.nio.file.Path tokenFile,
                             java.time.Duration handshake, java.time.Duration halfMessage) throws IOException, InterruptedException {
        PrintStream stderr = System.err;
        System.setOut(stderr);
        return SocketServer.serve(config, port, tokenFile, new SocketServer.Timeouts(handshake, halfMessage), stderr);
    }

    static int serve(ServerConfig config, InputStream in, OutputStream out, PrintStream stderr) throws InterruptedException {
        return serve(config, in, out, stderr, 0);
    }

    /** @param halfMessageMillis over a socket: how long half a message may wait for its rest (see FrameGuard) */
    static int serve(ServerConfig config, InputStream in, OutputStream out, PrintStream stderr, long halfMessageMillis)
            throws InterruptedException {
        return serve(config, in, out, stderr, dev.paperlink.corpus.source.Readers::forFormat, halfMessageMillis);
    }

    static int serve(ServerConfig config, InputStream in, OutputStream out, PrintStream stderr,
                     java.util.function.Function<dev.paperlink.corpus.model.SourceFormat, dev.paperlink.corpus.source.RecordReader> readers,
                     long halfMessageMillis) throws InterruptedException {
        int[] code = {-1};
        Thread main = Thread.currentThread();
        PaperLinkLanguageServer server = new PaperLinkLanguageServer(config, c -> {
            code[0] = c;
            main.interrupt();
        }, stderr, readers);
        ExecutorService listener = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "paperlink-jsonrpc");
            t.setDaemon(true);
            return t;
        });
        Launcher<LanguageClient> launcher = new LSPLauncher.Builder<LanguageClient>()
                .setLocalService(server)
                .setRemoteInterface(LanguageClient.class)
                .setInput(new FrameGuard(in, stderr, halfMessageMillis)) // only well-formed frames reach LSP4J's reader
                .setOutput(out)
                .setExecutorService(listener)
                .wrapMessages(consumer -> guard(consumer, stderr))
                .create();
        server.connect(launcher.getRemoteProxy());
        try {
            launcher.startListening().get();
        } catch (InterruptedException e) {
            // exit was called
        } catch (ExecutionException e) {
            server.log().error("the connection failed", e.getCause());
        }
        if (code[0] < 0) { // the client went away without exit
            code[0] = server.isShutdown() ? 0 : 1;
            if (!server.isShutdown()) {
                server.shutdown();
            }
        }
        listener.shutdownNow();
        return code[0];
    }

    /**
     * Logs a message that cannot be handled (or sent) instead of letting it end the connection.
     * Only to stderr: logging to the client here could fail the same way, again and again.
     */
    private static MessageConsumer guard(MessageConsumer next, PrintStream stderr) {
        return message -> {
            try {
                next.consume(message);
            } catch (RuntimeException e) {
                stderr.println("[paperlink error] cannot handle message " + abbreviate(String.valueOf(message)) + ": " + e);
            }
        };
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
