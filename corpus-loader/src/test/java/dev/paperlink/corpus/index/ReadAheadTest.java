package dev.paperlink.corpus.index;

import dev.paperlink.corpus.model.Paper;
import dev.paperlink.corpus.source.RecordReader;
import dev.paperlink.corpus.source.RecordSink;
import dev.paperlink.corpus.source.Skip;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(30)
class ReadAheadTest {

    /** A reader of n records, every 7th one a skip, then optionally a failure. */
    private static RecordReader reader(int n, Exception failure, AtomicInteger produced) {
        return (file, input, sink) -> {
            for (int i = 0; i < n; i++) {
                produced.incrementAndGet();
                if (i % 7 == 6) {
                    sink.skip(new Skip(file, i, "syntax", "broken " + i));
                } else {
                    sink.accept(Paper.builder().key("k" + i).build());
                }
            }
            if (failure instanceof IOException e) {
                throw e;
            }
            if (failure instanceof RuntimeException e) {
                throw e;
            }
        };
    }

    private static final class Collect implements RecordSink {
        final List<String> seen = new ArrayList<>();
        final Thread caller = Thread.currentThread();
        boolean allOnCaller = true;

        @Override
        public void accept(Paper paper) {
            allOnCaller &= Thread.currentThread() == caller;
            seen.add(paper.key());
        }

        @Override
        public void skip(Skip skip) {
            allOnCaller &= Thread.currentThread() == caller;
            seen.add("skip " + skip.line());
        }
    }

    private static List<String> expected(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(i % 7 == 6 ? "skip " + i : "k" + i);
        }
        return out;
    }

    @Test
    void deliversEverythingInOrderOnTheCallingThread() throws IOException {
        for (int n : new int[] {0, 1, ReadAhead.BATCH - 1, ReadAhead.BATCH, ReadAhead.BATCH * ReadAhead.BATCHES_AHEAD * 3 + 5}) {
            try (ReadAhead ahead = new ReadAhead()) {
                Collect sink = new Collect();
                ahead.read(reader(n, null, new AtomicInteger()), "f.bib", new StringReader(""), sink);
                assertEquals(expected(n), sink.seen, "n=" + n);
                assertTrue(sink.allOnCaller);
            }
        }
    }

    @Test
    void theReadersFailureArrivesAfterWhatItReadBefore() {
        try (ReadAhead ahead = new ReadAhead()) {
            Collect sink = new Collect();
            IOException e = assertThrows(IOException.class, () -> ahead.read(
                    reader(1000, new IOException("disk gone"), new AtomicInteger()), "f.bib", new StringReader(""), sink));
            assertEquals("disk gone", e.getMessage());
            assertEquals(expected(1000), sink.seen);

            Collect again = new Collect();
            assertThrows(IllegalStateException.class, () -> ahead.read(
                    reader(3, new IllegalStateException("bug"), new AtomicInteger()), "g.bib", new StringReader(""), again));
            assertEquals(expected(3), again.seen);
        }
    }

    @Test
    void aFailingSinkStopsTheReader() throws IOException {
        AtomicInteger produced = new AtomicInteger();
        try (ReadAhead ahead = new ReadAhead()) {
            RecordSink failing = new RecordSink() {
                int n;

                @Override
                public void accept(Paper paper) {
                    if (++n == 10) {
                        throw new java.io.UncheckedIOException(new IOException("index full"));
                    }
                }

                @Override
                public void skip(Skip skip) {
                }
            };
            assertThrows(java.io.UncheckedIOException.class, () -> ahead.read(
                    reader(10_000_000, null, produced), "f.bib", new StringReader(""), failing));
            // the next source still reads, on the same thread
            Collect sink = new Collect();
            ahead.read(reader(5, null, new AtomicInteger()), "g.bib", new StringReader(""), sink);
            assertEquals(expected(5), sink.seen);
        }
        assertTrue(produced.get() < 10_000_000, "the reader was stopped, not run to the end: " + produced.get());
    }
}
