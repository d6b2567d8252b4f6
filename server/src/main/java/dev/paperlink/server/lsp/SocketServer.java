package dev.paperlink.server.lsp;

import dev.paperlink.server.config.ServerConfig;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.SequenceInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code serve --port}: one editor over TCP on 127.0.0.1, and nobody else. Each connection first
 * passes a {@link Handshake} (LSP headers, an initialize with the token) within a time limit, on
 * a thread of its own, so a silent or slow connection holds up no other. The first to pass is
 * served; later ones are answered with an error and closed; refused ones do not end the server.
 * The server ends when the client it serves does. Half a message that stops coming for
 * {@code halfMessage} ends that client (one gone half-open).
 */
final class SocketServer {
    /** How long a connection has for its first message, and half a message for the rest of it. */
    record Timeouts(Duration handshake, Duration halfMessage) {
        static final Timeouts DEFAULT = new Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(30));
    }

    private static final int MAX_HANDSHAKES = 8;
    /** A served socket's read timeout: how often a blocked read looks at the time (see FrameGuard). */
    private static final int POLL_MILLIS = 1_000;

    private final ServerConfig config;
    private final ServerToken token;
    private final Timeouts timeouts;
    private final PrintStream log;
    private final Semaphore handshakes = new Semaphore(MAX_HANDSHAKES);
    private final AtomicBoolean taken = new AtomicBoolean();
    private final CompletableFuture<Integer> served = new CompletableFuture<>();

    private SocketServer(ServerConfig config, ServerToken token, Timeouts timeouts, PrintStream log) {
        this.config = config;
        this.token = token;
        this.timeouts = timeouts;
        this.log = log;
    }

    /** Listens on 127.0.0.1:{@code port} (0: any free port) until the one client served ends; its exit code. */
    static int serve(ServerConfig config, int port, Path tokenFile, Timeouts timeouts, PrintStream log)
            throws IOException, InterruptedException {
        try (ServerSocket listening = new ServerSocket()) {
            listening.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            int bound = listening.getLocalPort();
            ServerToken token = ServerToken.create(tokenFile != null ? tokenFile : ServerToken.defaultFile(bound));
            try {
                log.println("[paperlink info] listening on 127.0.0.1:" + bound + " for one client; it must send the token of "
                        + token.file() + " in initializationOptions.token");
                log.println("[paperlink info] token: " + token.value());
                return new SocketServer(config, token, timeouts, log).acceptUntilServed(listening);
            } finally {
                token.delete();
            }
        }
    }

    private int acceptUntilServed(ServerSocket listening) throws IOException, InterruptedException {
        served.whenComplete((code, e) -> closeQuietly(listening));
        while (!served.isDone()) {
            Socket s;
            try {
                s = listening.accept();
            } catch (SocketException e) {
                if (served.isDone()) {
                    break;
                }
                throw e;
            }
            if (!handshakes.tryAcquire()) {
                log.println("[paperlink warn] refused a connection from port " + s.getPort() + ": " + MAX_HANDSHAKES
                        + " others are still to show their first message");
                closeQuietly(s);
                continue;
            }
            Thread.ofPlatform().daemon().name("paperlink-connection-" + s.getPort()).start(() -> connection(s));
        }
        try {
            return served.get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException("serving the client failed", e.getCause());
        }
    }

    private void connection(Socket s) {
        boolean released = false;
        boolean serving = false;
        try (s) {
            AtomicBoolean shaken = new AtomicBoolean();
            CompletableFuture.delayedExecutor(timeouts.handshake().toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
                if (!shaken.get()) {
                    closeQuietly(s); // the whole handshake has a time limit, not each read
                }
            });
            InputStream in = new BufferedInputStream(s.getInputStream(), 1 << 16);
            OutputStream out = s.getOutputStream();
            Handshake.Outcome outcome;
            try {
                outcome = new Handshake(in, token.value()).read();
            } catch (IOException e) {
                outcome = new Handshake.Outcome.Refused("no complete first message within "
                        + timeouts.handshake().toSeconds() + " s", new byte[0]);
            }
            shaken.set(true);
            switch (outcome) {
                case Handshake.Outcome.Refused r -> {
                    log.println("[paperlink warn] refused a connection from port " + s.getPort() + ": " + r.why());
                    out.write(r.reply());
                }
                case Handshake.Outcome.Accepted a when !taken.compareAndSet(false, true) -> {
                    log.println("[paperlink warn] refused a second client (port " + s.getPort() + "): one client per server");
                    out.write(Handshake.error(a.id(), "PaperLink: this server already serves an editor (one per server): "
                            + "start another 'paperlink serve' for this one"));
                }
                case Handshake.Outcome.Accepted a -> {
                    handshakes.release();
                    released = true;
                    serving = true;
                    log.println("[paperlink info] serving the client on port " + s.getPort());
                    s.setSoTimeout(POLL_MILLIS);
                    s.setKeepAlive(true);
                    InputStream whole = new SequenceInputStream(new ByteArrayInputStream(a.frame()), in);
                    served.complete(ServerLauncher.serve(config, whole, out, log, timeouts.halfMessage().toMillis()));
                }
            }
            out.flush();
        } catch (IOException e) {
            log.println("[paperlink warn] a connection failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            served.completeExceptionally(e);
        } finally {
            if (!released) {
                handshakes.release();
            }
            if (serving) {
                served.complete(1); // ended by a failure: the server ends with it (a no-op after a normal end)
            }
        }
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            // closing is all that was wanted
        }
    }
}
