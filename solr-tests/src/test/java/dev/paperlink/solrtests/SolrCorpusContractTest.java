package dev.paperlink.solrtests;

import dev.paperlink.corpus.Corpus;
import dev.paperlink.corpus.contract.CorpusContract;
import dev.paperlink.corpus.solr.SolrCorpus;
import dev.paperlink.corpus.solr.SolrSettings;
import org.apache.solr.client.solrj.SolrClient;

import java.nio.file.Path;

/** The corpus contract (the suite the embedded index passes) on a real 2-node SolrCloud, collection of 2 shards x 2 replicas. */
class SolrCorpusContractTest extends CorpusContract {
    private static SolrSettings settings;

    @Override
    protected Corpus emptyCorpus(Path tmp) throws java.io.IOException {
        try {
            if (settings == null) {
                settings = TestClusters.collection("contract");
            }
            SolrClient admin = TestClusters.get().getSolrClient();
            admin.deleteByQuery("contract", "*:*");
            admin.commit("contract");
        } catch (java.io.IOException e) {
            throw e;
        } catch (Exception e) {
            throw new java.io.IOException(e);
        }
        return SolrCorpus.open(settings);
    }
}
