package dev.paperlink.server.lsp;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * The client's byte stream as LSP4J reads it, made of well-formed frames only. LSP4J's reader
 * loses step for good on one bad frame (a missing, negative, non-numeric or too-small
 * {@code Content-Length}, a truncated body, another charset, a big body with a JSON syntax
 * error or deep nesting), and every later message is lost while the process stays up. Here each
 * frame is read whole and checked first: headers, a length from 1 byte to {@value #MAX_BODY},
 * UTF-8, JSON that parses to at most {@value #MAX_DEPTH} levels. A bad one is logged and dropped,
 * and reading resynchronises on the next {@code Content-Length:} header, also one inside what
 * was taken for the bad body.
 */
final class FrameGuard extends InputStream {
    static final int MAX_BODY = 256 << 20;
    static final int MAX_DEPTH = 200;
    static final int MAX_HEADER_LINE = 8192;
    private static final byte[] HEADER = "content-length:".getBytes(StandardCharsets.US_ASCII);
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build()).build();

    private final InputStream raw;
    private final PrintStream log;
    /** Bytes to read again before the raw stream (what followed a header found inside a bad body). */
    private byte[] again = new byte[0];
    private int againPos;
    /** The good frame being handed out: its header, then its body (kept apart: a body may be tens of MB). */
    private byte[] head = new byte[0];
    private byte[] body = new byte[0];
    private int pos;

    /** How long a message begun may go without another byte (0: for ever, as on stdio). */
    private final long halfMessageNanos;
    /** Whether some bytes of the next message have come, and when the last one did. */
    private boolean inMessage;
    private long lastByteNanos;

    FrameGuard(InputStream raw, PrintStream log) {
        this(raw, log, 0);
    }

    /**
     * @param halfMessageMillis over a socket with a read timeout: how long half a message may wait
     *                          for the rest before the connection is given up (a client gone
     *                          half-open); between messages the client may be silent for ever
     */
    FrameGuard(InputStream raw, PrintStream log, long halfMessageMillis) {
        this.raw = new BufferedInputStream(raw, 1 << 16);
        this.log = log;
        this.halfMessageNanos = halfMessageMillis * 1_000_000;
    }

    @Override
    public int read() throws IOException {
        if (pos == head.length + body.length && !nextFrame()) {
            return -1;
        }
        int i = pos++;
        int c = (i < head.length ? head[i] : body[i - head.length]) & 0xff;
        releaseIfHandedOut();
        return c;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (pos == head.length + body.length && !nextFrame()) {
            return -1;
        }
        int n;
        if (pos < head.length) {
            n = Math.min(len, head.length - pos);
            System.arraycopy(head, pos, b, off, n);
        } else {
            n = Math.min(len, head.length + body.length - pos);
            System.arraycopy(body, pos - head.length, b, off, n);
        }
        pos += n;
        releaseIfHandedOut();
        return n;
    }

    /** A frame read whole is not held while LSP4J parses it (a didOpen may be tens of MB). */
    private void releaseIfHandedOut() {
        if (pos == head.length + body.length) {
            release();
        }
    }

    private void release() {
        head = new byte[0];
        body = new byte[0];
        pos = 0;
    }

    @Override
    public int available() {
        return head.length + body.length - pos;
    }

    @Override
    public void close() throws IOException {
        raw.close();
    }

    /** Reads frames until a good one (or the end of the input): false at the end. */
    private boolean nextFrame() throws IOException {
        release();
        inMessage = false;
        while (true) {
            Headers h = headers();
            if (h == null) {
                return false;
            }
            if (h.problem != null) {
                drop(h.problem, null);
                continue;
            }
            byte[] b = readBody(h.length);
            if (b.length < h.length) {
                boolean next = indexOf(b, HEADER) >= 0; // stopped short, the next message already in what came
                drop((next ? "a body shorter than its Content-Length (" : "the input ended inside a message body (")
                        + b.length + " of " + h.length + " bytes)", b);
                if (next) {
                    continue;
                }
                return false;
            }
            if (!h.utf8) {
                drop("a charset other than UTF-8", null);
                continue;
            }
            String problem = jsonProblem(b);
            if (problem != null) {
                drop(problem, b);
                continue;
            }
            head = ("Content-Length: " + b.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            body = b;
            pos = 0;
            return true;
        }
    }

    private record Headers(int length, boolean utf8, String problem) {
    }

    /**
     * A header block up to its empty line. Lines before a {@code Content-Length:} that are no
     * header (the rest of a bad body, an HTTP request line) are skipped; null at the end of input.
     */
    private Headers headers() throws IOException {
        long length = -1;
        boolean utf8 = true;
        boolean started = false;
        String problem = null;
        while (true) {
            byte[] line = line();
            if (line == null) {
                return null;
            }
            if (!started) {
                int at = indexOf(line, HEADER);
                if (at < 0) {
                    if (line.length > 0) {
                        problem = problem == null ? "bytes outside a message: " + abbreviate(line) : problem;
                    }
                    continue;
                }
                if (problem != null) {
                    drop(problem, null); // the junk before this header
                    problem = null;
                }
                line = Arrays.copyOfRange(line, at, line.length);
                started = true;
            } else if (line.length == 0) {
                if (length < 0) {
                    return new Headers(0, utf8, "a header block without a valid Content-Length");
                }
                return new Headers((int) length, utf8, null);
            }
            String text = new String(line, StandardCharsets.US_ASCII);
            int colon = text.indexOf(':');
            if (colon < 0) {
                return new Headers(0, utf8, "not a header line: " + abbreviate(line));
            }
            String name = text.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = text.substring(colon + 1).strip();
            if (name.equals("content-length")) {
                length = value.matches("\\d{1,10}") ? Long.parseLong(value) : -1;
                if (length <= 0 || length > MAX_BODY) {
                    return new Headers(0, utf8, "Content-Length '" + abbreviate(line) + "' is not from 1 to " + MAX_BODY);
                }
            } else if (name.equals("content-type")) {
                String v = value.toLowerCase(Locale.ROOT).replace(" ", "");
                utf8 = !v.contains("charset=") || v.contains("charset=utf-8") || v.contains("charset=utf8");
            }
        }
    }

    /** One line without its line break (\n or \r\n), at most {@value #MAX_HEADER_LINE} bytes kept; null at the end. */
    private byte[] line() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        boolean any = false;
        while ((c = next()) >= 0) {
            any = true;
            if (c == '\n') {
                break;
            }
            if (b.size() < MAX_HEADER_LINE) {
                b.write(c);
            }
        }
        if (!any) {
            return null;
        }
        byte[] out = b.toByteArray();
        return out.length > 0 && out[out.length - 1] == '\r' ? Arrays.copyOf(out, out.length - 1) : out;
    }

    private byte[] readBody(int length) throws IOException {
        byte[] body = new byte[length];
        int n = 0;
        while (n < length) {
            if (againPos < again.length) {
                int k = Math.min(length - n, again.length - againPos);
                System.arraycopy(again, againPos, body, n, k);
                againPos += k;
                n += k;
                continue;
            }
            if (n > 0 && stalled() && indexOf(Arrays.copyOf(body, n), HEADER) >= 0) {
                break; // the client sent less than it said, then the next message: a truncated body
            }
            int k = rawRead(body, n, length - n);
            if (k < 0) {
                break;
            }
            n += k;
        }
        return n == length ? body : Arrays.copyOf(body, n);
    }

    /** How long a body may stop arriving before a message header already inside it is taken as the next message. */
    static final long STALL_MS = 1_000;

    /** Whether nothing more arrives for {@value #STALL_MS} ms (a client that has sent all it will, for now). */
    private boolean stalled() throws IOException {
        long end = System.nanoTime() + STALL_MS * 1_000_000;
        while (raw.available() == 0) {
            if (System.nanoTime() > end) {
                return true;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return true;
            }
        }
        return false;
    }

    private int next() throws IOException {
        if (againPos < again.length) {
            return again[againPos++] & 0xff;
        }
        while (true) {
            try {
                int c = raw.read();
                arrived();
                return c;
            } catch (java.net.SocketTimeoutException e) {
                giveUpIfHalfMessage();
            }
        }
    }

    private int rawRead(byte[] b, int off, int len) throws IOException {
        while (true) {
            try {
                int k = raw.read(b, off, len);
                arrived();
                return k;
            } catch (java.net.SocketTimeoutException e) {
                giveUpIfHalfMessage();
            }
        }
    }

    private void arrived() {
        inMessage = true;
        lastByteNanos = System.nanoTime();
    }

    /** A read timed out (only a socket's do): fine between messages, the end inside one that stopped coming. */
    private void giveUpIfHalfMessage() throws IOException {
        if (halfMessageNanos > 0 && inMessage && System.nanoTime() - lastByteNanos > halfMessageNanos) {
            throw new IOException("half a message and nothing more for " + halfMessageNanos / 1_000_000_000 + " s: the client is gone");
        }
    }

    /** Logs a dropped frame; a header found inside its bytes is read again from there. */
    private void drop(String why, byte[] body) {
        log.println("[paperlink warn] dropped a malformed message: " + why);
        if (body == null) {
            return;
        }
        int at = indexOf(body, HEADER);
        if (at >= 0) {
            byte[] rest = Arrays.copyOfRange(body, at, body.length);
            byte[] left = Arrays.copyOfRange(again, againPos, again.length);
            again = Arrays.copyOf(rest, rest.length + left.length);
            System.arraycopy(left, 0, again, rest.length, left.length);
            againPos = 0;
        }
    }

    /** Why a body is not one JSON value LSP4J can read, or null. */
    static String jsonProblem(byte[] body) {
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() == null) {
                return "an empty body";
            }
            p.skipChildren();
            if (p.nextToken() != null) {
                return "more than one JSON value in the body";
            }
            return null;
        } catch (IOException | RuntimeException e) {
            String m = e.getMessage() == null ? e.toString() : e.getMessage();
            return "JSON that does not parse: " + abbreviate(m.lines().findFirst().orElse("").getBytes(StandardCharsets.UTF_8));
        }
    }

    private static int indexOf(byte[] s, byte[] lowerNeedle) {
        outer:
        for (int i = 0; i + lowerNeedle.length <= s.length; i++) {
            for (int j = 0; j < lowerNeedle.length; j++) {
                int c = s[i + j];
                if (c >= 'A' && c <= 'Z') {
                    c += 32;
                }
                if (c != lowerNeedle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static String abbreviate(byte[] b) {
        String s = new String(b, 0, Math.min(b.length, 80), StandardCharsets.UTF_8).replaceAll("\\p{Cntrl}", "?");
        return b.length > 80 ? s + "..." : s;
    }
}
