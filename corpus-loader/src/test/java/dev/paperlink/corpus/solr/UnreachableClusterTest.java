package dev.paperlink.corpus.solr;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A shared corpus whose cluster does not answer: a socket that takes connections and never replies
 * (the worst case: a refused connection fails at once). Questions come back empty within the query
 * timeout, then at once while the cluster is taken as down; one warning for the whole outage; a
 * command line's {@code open} fails with a clear message instead.
 */
class UnreachableClusterTest {

    @Test
    void questionsNeverWaitLongerThanTheBudgetAndWarnOnce() throws IOException {
        List<LogRecord> warnings = new ArrayList<>();
        Handler h = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
                    warnings.add(r);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger log = Logger.getLogger(SolrCorpus.class.getName());
        log.addHandler(h);
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             SolrCorpus corpus = SolrCorpus.connect(SolrSettings.of(List.of("http://127.0.0.1:" + silent.getLocalPort()), "papers"))) {
            for (int i = 0; i < SolrCorpus.FAILURES_TO_DOWN; i++) { // a slow answer or two is no outage yet
                long t0 = System.nanoTime();
                assertEquals(List.of(), corpus.completeKey("vasw", 10));
                long millis = (System.nanoTime() - t0) / 1_000_000;
                assertTrue(millis < 3 * SolrSettings.DEFAULT_QUERY_TIMEOUT_MILLIS + 500, "question " + i + " took " + millis + " ms");
            }
            assertFalse(corpus.reachable());

            long t1 = System.nanoTime();
            for (int i = 0; i < 50; i++) { // keystrokes while it is down
                assertEquals(List.of(), corpus.completeTitle("attention is a" + i, 10));
                assertTrue(corpus.byKey("vaswani2017attention").isEmpty());
            }
            long fiftyMillis = (System.nanoTime() - t1) / 1_000_000;
            assertTrue(fiftyMillis < 200, "100 questions while down took " + fiftyMillis + " ms");
            assertEquals(1, warnings.size(), "one warning for the outage, not one per keystroke: " + warnings.size());
            assertTrue(warnings.get(0).getMessage().contains("local bibliographies"));
        } finally {
            log.removeHandler(h);
        }
    }

    @Test
    void aCommandLineOpenFailsClearly() throws IOException {
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = closed.getLocalPort();
            closed.close();
            IOException e = assertThrows(IOException.class, () -> SolrCorpus.open(SolrSettings.of(List.of("http://127.0.0.1:" + port), "papers")));
            assertTrue(e.getMessage().contains("cannot reach the Solr collection 'papers'"), e.getMessage());
        }
    }

    @Test
    void settingsNormaliseAddressesAndReadCredentialsFromTheEnvironmentOnly() throws IOException {
        SolrSettings s = SolrSettings.of(List.of("http://h:8983/", "http://k:8983/solr"), null);
        assertEquals(List.of("http://h:8983/solr", "http://k:8983/solr"), s.urls());
        assertEquals("papers", s.collection());
        SolrSettings withCreds = s.withCredentialsFrom(java.util.Map.of(SolrSettings.ENV_CREDENTIALS, "ada:s3cret:x"));
        assertEquals("ada", withCreds.username().orElseThrow());
        assertEquals("s3cret:x", withCreds.password().orElseThrow());
        assertFalse(withCreds.toString().contains("s3cret"), "the password is never printed");
        assertTrue(s.withCredentialsFrom(java.util.Map.of()).username().isEmpty());
    }
}
