package dev.paperlink.corpus.solr;

import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;

/**
 * For tests of a collection upgrade (in the test-jar, beside the package's documents): a paper's
 * document as layout 1 wrote it, before the brief record, rebuilt from its stored record.
 */
public final class OlderLayout {
    private OlderLayout() {
    }

    public static SolrInputDocument paperWithoutBrief(SolrDocument stored) {
        SolrInputDocument doc = SolrDocuments.paper(PaperJson.read((String) stored.getFirstValue("id"), (String) stored.getFirstValue("record")));
        doc.removeField("brief");
        return doc;
    }
}
