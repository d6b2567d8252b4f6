package dev.paperlink.cli;

import dev.paperlink.corpus.IndexListener;

import java.io.PrintWriter;

/**
 * Indexing progress on stderr: a bar redrawn in place on a terminal, plain lines (at most one
 * every two seconds, and one per file) otherwise.
 */
final class Progress implements IndexListener, AutoCloseable {
    private final PrintWriter err;
    private final boolean terminal;
    private final long start = System.nanoTime();
    private long lastPrint;
    private String file = "";
    private boolean drawn;

    private Progress(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    static Progress forTerminal(PrintWriter err) {
        return new Progress(err, System.console() != null && System.getenv("TERM") != null
                && !"dumb".equals(System.getenv("TERM")));
    }

    @Override
    public void sourceStarted(String name, String format, int index, int total) {
        file = shorten(name) + " (" + index + "/" + total + ")";
        if (!terminal) {
            err.printf("reading %s [%s] (%d/%d)%n", name, format, index, total);
            err.flush();
        }
    }

    @Override
    public void progress(long bytesDone, long bytesTotal, long records) {
        long now = System.nanoTime();
        if (now - lastPrint < (terminal ? 100_000_000L : 2_000_000_000L) && bytesDone < bytesTotal) {
            return;
        }
        lastPrint = now;
        double secs = (now - start) / 1e9;
        int pct = bytesTotal == 0 ? 100 : (int) (100 * bytesDone / bytesTotal);
        if (terminal) {
            int width = 30;
            int filled = pct * width / 100;
            err.printf("\r[%s%s] %3d%%  %,d records  %.1f MB/s  %s\033[K", "#".repeat(filled), " ".repeat(width - filled), pct,
                    records, bytesDone / 1e6 / Math.max(secs, 1e-3), file);
            drawn = true;
        } else {
            err.printf("  %3d%%  %,d records  %.1f s%n", pct, records, secs);
        }
        err.flush();
    }

    private static String shorten(String name) {
        return name.length() <= 40 ? name : "…" + name.substring(name.length() - 39);
    }

    @Override
    public void close() {
        if (drawn) {
            err.print("\r\033[K");
            err.flush();
        }
    }
}
