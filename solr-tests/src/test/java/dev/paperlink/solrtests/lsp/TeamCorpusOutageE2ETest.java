package dev.paperlink.solrtests.lsp;

import dev.paperlink.corpus.IndexListener;
import dev.paperlink.corpus.contract.CorpusContract;
import dev.paperlink.corpus.solr.SolrCorpus;
import dev.paperlink.corpus.solr.SolrSettings;
import dev.paperlink.corpus.solr.SolrSetup;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.embedded.JettySolrRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The language server on a team corpus and a workspace with its own bibliography, over the
 * server's pipes: the user's own entry wins over the team's paper of the same key; when the whole
 * cluster stops (a cluster of its own here, one node), every keystroke is still answered from the
 * own bibliography within the question timeout, the user is told once (window/showMessage, not one
 * per keystroke); when the node is back on its address, the server reconnects by itself, says so
 * once, and the team's papers complete again.
 */
class TeamCorpusOutageE2ETest {
    @TempDir
    Path tmp;

    private static final String OWN_BIB = """
            @article{vaswani2017attention,
              title = {My Own Reading of the Transformer},
              author = {Reader, Ada},
              year = {2017}
            }

            @article{ownpaper2024local,
              title = {A Paper Only in My Own Bibliography},
              author = {Reader, Ada},
              year = {2024}
            }
            """;

    @Test
    void ownKeysWinAndAnswerThroughAnOutageThenTheClusterIsBack() throws Exception {
        MiniSolrCloudCluster cluster = new MiniSolrCloudCluster.Builder(1, Files.createDirectories(tmp.resolve("cluster")))
                .withTraceIdGenerationDisabled().build();
        try {
            JettySolrRunner node = cluster.getJettySolrRunner(0);
            SolrSettings settings = SolrSettings.of(List.of(node.getBaseUrl().toString()), "outage");
            SolrSetup.init(settings, 1, 1);
            cluster.waitForActiveCollection("outage", 60, TimeUnit.SECONDS, 1, 1);
            Path team = Files.createDirectories(tmp.resolve("team-corpus"));
            Files.copy(CorpusContract.demoDir().resolve("library.bib"), team.resolve("library.bib"));
            try (SolrCorpus corpus = SolrCorpus.open(settings)) {
                corpus.index(List.of(team), IndexListener.NONE);
            }

            Path ws = Files.createDirectories(tmp.resolve("workspace"));
            Files.writeString(ws.resolve("own.bib"), OWN_BIB);
            String head = "\\bibliography{own}\nWe build on \\cite{vaswani2017attention} and \\cite{";
            String uri = ws.resolve("notes.tex").toUri().toString();
            Files.writeString(ws.resolve("notes.tex"), head + "\n");
            try (ServerProcess server = ServerProcess.start(tmp, ws, List.of("--solr", settings.urls().get(0), "--collection", "outage"), Map.of())) {
                Keystrokes keys = new Keystrokes(server, uri, head);
                assertTrue(keys.type("he20").contains("he2016deep"), "the team's paper: " + server.log());
                String hover = server.hoverText(uri, 1, "We build on \\cite{vasw".length());
                assertTrue(hover.contains("My Own Reading of the Transformer") && !hover.contains("Attention Is All You Need"),
                        "the own entry wins over the team's paper of the same key: " + hover);

                cluster.waitForJettyToStop(cluster.stopJettySolrRunner(node));
                for (String typed : List.of("o", "ow", "own", "ownp", "ownpa", "v", "va", "vas", "vasw", "h", "he", "he2", "he20")) {
                    long t0 = System.nanoTime();
                    List<String> labels = keys.type(typed);
                    long millis = (System.nanoTime() - t0) / 1_000_000;
                    assertTrue(millis < 3 * SolrSettings.DEFAULT_QUERY_TIMEOUT_MILLIS + 1_000, "'" + typed + "' took " + millis + " ms");
                    if (typed.startsWith("own")) {
                        assertEquals("ownpaper2024local", labels.isEmpty() ? "" : labels.get(0), "'" + typed + "' from the own bibliography while the cluster is down");
                    }
                    if (typed.equals("vasw")) {
                        assertEquals(List.of("vaswani2017attention"), labels);
                    }
                    if (typed.equals("he20")) {
                        assertFalse(labels.contains("he2016deep"), "the team's paper is not there while the cluster is down: " + labels);
                    }
                }
                assertTrue(server.hoverText(uri, 1, "We build on \\cite{vasw".length()).contains("My Own Reading of the Transformer"));
                assertEquals(1, messages(server, 2).size(), "one warning for the outage: " + server.rpc.notifications("window/showMessage"));
                assertTrue(messages(server, 2).get(0).contains("team corpus"), messages(server, 2).toString());

                cluster.startJettySolrRunner(node, true); // the same port: the address the server was given
                cluster.waitForActiveCollection("outage", 60, TimeUnit.SECONDS, 1, 1);
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60); // the server retries after 1, 2, 4 ... 30 s
                List<String> labels = List.of();
                while (System.nanoTime() < until && !labels.contains("he2016deep")) {
                    Thread.sleep(250);
                    labels = keys.type(labels.size() % 2 == 0 ? "he20" : "he201");
                }
                assertTrue(labels.contains("he2016deep"), "the team's papers again once the node is back: " + labels + "\n" + server.log());
                server.rpc.awaitNotification("window/showMessage", m -> m.path("type").asInt() == 3 && m.path("message").asText().contains("again"), 10);
                assertEquals(1, messages(server, 2).size(), "still the one warning: " + server.rpc.notifications("window/showMessage"));
            }
        } finally {
            cluster.shutdown();
        }
    }

    private static List<String> messages(ServerProcess server, int type) {
        return server.rpc.notifications("window/showMessage").stream().filter(m -> m.path("type").asInt() == type)
                .map(m -> m.path("message").asText()).filter(m -> m.contains("Solr")).toList();
    }

    /** The note's last line typed on, one version per keystroke, each followed by a completion request at its end. */
    private static final class Keystrokes {
        private final ServerProcess server;
        private final String uri;
        private final String head;
        private int version = 1;

        Keystrokes(ServerProcess server, String uri, String head) {
            this.server = server;
            this.uri = uri;
            this.head = head;
            server.open(uri, head + "\n");
        }

        List<String> type(String afterCite) {
            server.change(uri, ++version, head + afterCite + "\n");
            String lastLine = head.substring(head.lastIndexOf('\n') + 1) + afterCite;
            return server.completionLabels(uri, 1, lastLine.length());
        }
    }
}
