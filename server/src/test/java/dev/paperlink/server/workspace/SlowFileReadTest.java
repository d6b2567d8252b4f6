package dev.paperlink.server.workspace;

import dev.paperlink.server.bibliography.BibliographyFile;
import dev.paperlink.server.testing.TinyBibReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 10, 2: a named file is read off the request thread, with a time limit. A file whose read
 * does not end (a hung network mount, here a reader that waits) holds up no request longer than
 * the limit and no other file at all; when it ends, the server is told, and the next request has it.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SlowFileReadTest {
    @TempDir
    Path tmp;

    @Test
    void aFileThatIsSlowToReadHoldsUpNothingElse() throws Exception {
        Path slow = write("slow.bib", "@article{slow1, title = {Slow}}\n");
        Path fast = write("fast.bib", "@article{fast1, title = {Fast}}\n");
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch lateRead = new CountDownLatch(1);
        BibliographyCache cache = new BibliographyCache(format -> (file, input, sink) -> {
            if (file.endsWith("slow.bib")) {
                awaitQuietly(release);
            }
            new TinyBibReader().read(file, input, sink);
        }, BibliographyCache.READ_WHILE_INDEXING_BYTES, 300);
        cache.onLateRead(lateRead::countDown);

        long t0 = System.nanoTime();
        BibliographyFile first = cache.disk(slow, Optional.empty(), false);
        long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertTrue(first.pending() && first.readable(), "answered without it, as while the index reads a file: " + first);
        assertTrue(waited < 5_000, "the request waited " + waited + " ms, not until the read ends");

        long t1 = System.nanoTime();
        BibliographyFile other = cache.disk(fast, Optional.empty(), false);
        assertEquals("fast1", other.overlayPapers().get(0).key(), "another file is read meanwhile");
        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t1) < 5_000);
        assertTrue(cache.disk(slow, Optional.empty(), false).pending(), "still being read: no request waits on it again");

        release.countDown();
        assertTrue(lateRead.await(30, TimeUnit.SECONDS), "the end of a read requests gave up on is told");
        BibliographyFile read = cache.disk(slow, Optional.empty(), false);
        assertEquals("slow1", read.overlayPapers().get(0).key(), "the next request has it");
    }

    private Path write(String name, String text) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
