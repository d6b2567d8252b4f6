package dev.paperlink.solrtests;

import dev.paperlink.corpus.IndexListener;
import dev.paperlink.corpus.IndexReport;
import dev.paperlink.corpus.model.Hit;
import dev.paperlink.corpus.solr.OlderLayout;
import dev.paperlink.corpus.solr.SolrCorpus;
import dev.paperlink.corpus.solr.SolrSettings;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A keystroke's papers come from the collection's brief records (no abstracts: a third of the
 * bytes), hover's by key whole; a collection written by the layout before the brief records
 * (version 1) still completes, and its next indexing run reads every source again and writes them.
 */
class BriefRecordTest {
    @TempDir
    Path tmp;

    @Test
    void completionIsBriefHoverWholeAndAnOlderLayoutIsReadAgain() throws Exception {
        Path corpusDir = tmp.resolve("corpus");
        SolrSettings settings = TestClusters.withDemoLibrary("brief", corpusDir);
        try (SolrCorpus corpus = SolrCorpus.open(settings)) {
            Hit completed = corpus.completeKey("vasw", 5).get(0);
            assertEquals("vaswani2017attention", completed.paper().key());
            assertEquals("Attention Is All You Need", completed.paper().title());
            assertFalse(completed.paper().authors().isEmpty());
            assertEquals("", completed.paper().abstractText(), "completion reads the brief record");
            assertFalse(corpus.byKey("vaswani2017attention").orElseThrow().abstractText().isEmpty(), "hover reads the whole one");

            olderLayout(TestClusters.get().getSolrClient(), "brief");
            Hit fromOlder = corpus.completeKey("vasw", 5).get(0);
            assertEquals("vaswani2017attention", fromOlder.paper().key(), "a paper without a brief record completes from its whole one");
            assertEquals("Attention Is All You Need", fromOlder.paper().title());

            IndexReport again = corpus.index(List.of(corpusDir), IndexListener.NONE);
            assertEquals(1, again.sourcesRead(), "the file is read again under the new layout: " + again);
            assertEquals("", corpus.completeKey("vasw", 5).get(0).paper().abstractText(), "and the brief records are there again");
            IndexReport third = corpus.index(List.of(corpusDir), IndexListener.NONE);
            assertEquals(0, third.sourcesRead(), "then unchanged: " + third);
        }
    }

    /** The collection as layout 1 left it: papers without {@code brief}, fingerprints of seven parts. */
    private static void olderLayout(CloudSolrClient solr, String collection) throws Exception {
        UpdateRequest u = new UpdateRequest();
        for (SolrDocument d : solr.query(collection, new SolrQuery("type:paper").setRows(100)).getResults()) {
            u.add(OlderLayout.paperWithoutBrief(d));
        }
        for (SolrDocument d : solr.query(collection, new SolrQuery("type:source").setRows(100)).getResults()) {
            String fingerprint = (String) d.getFirstValue("fingerprint");
            assertTrue(fingerprint.endsWith("|2"), fingerprint);
            SolrInputDocument atomic = new SolrInputDocument();
            atomic.setField("id", d.getFirstValue("id"));
            atomic.setField("fingerprint", Map.of("set", fingerprint.substring(0, fingerprint.lastIndexOf('|'))));
            u.add(atomic);
        }
        u.commit(solr, collection);
    }
}
