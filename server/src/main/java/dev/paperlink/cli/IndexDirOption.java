package dev.paperlink.cli;

import dev.paperlink.corpus.Corpus;
import dev.paperlink.corpus.solr.SolrCorpus;
import dev.paperlink.corpus.solr.SolrSettings;

import java.io.IOException;
import java.util.List;

import dev.paperlink.corpus.CorpusPaths;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * The {@code --index-dir} option every command shares, and {@code --solr URL}: the composition root's
 * choice of backend. With {@code --solr} (or {@code $PAPERLINK_SOLR}, comma-separated node addresses)
 * the corpus is the team's SolrCloud collection; else the embedded index in the index directory.
 */
final class IndexDirOption {
    @Option(names = "--solr", paramLabel = "URL", split = ",",
            description = "A node of the team's SolrCloud (http://host:8983/solr; repeat or separate by commas): the shared corpus "
                    + "instead of the local index (default: $PAPERLINK_SOLR). Credentials: $PAPERLINK_SOLR_CREDENTIALS (user:password) "
                    + "or the file $PAPERLINK_SOLR_CREDENTIALS_FILE names; an https cluster's certificate: $PAPERLINK_SOLR_TRUSTSTORE "
                    + "(and $PAPERLINK_SOLR_TRUSTSTORE_PASSWORD).")
    List<String> solr;

    @Option(names = "--collection", paramLabel = "NAME", description = "The Solr collection (default: papers).")
    String collection;

    @Option(names = "--index-dir", paramLabel = "DIR",
            description = "Index directory (default: $PAPERLINK_INDEX_DIR, else $XDG_CACHE_HOME/paperlink/index, else ~/.cache/paperlink/index).")
    Path indexDir;

    /** The Solr nodes asked for, or empty: the embedded index. */
    List<String> solrUrls() {
        if (solr != null && !solr.isEmpty()) {
            return solr;
        }
        String env = System.getenv("PAPERLINK_SOLR");
        return env == null || env.isBlank() ? List.of() : List.of(env.split(","));
    }

    boolean isSolr() {
        return !solrUrls().isEmpty();
    }

    SolrSettings solrSettings() throws IOException {
        return SolrSettings.of(solrUrls(), collection).withCredentialsFrom(System.getenv());
    }

    /** The corpus to index into: the Solr collection, or the embedded index (created if needed). */
    Corpus openWritable() throws IOException {
        return isSolr() ? SolrCorpus.open(solrSettings().withQueryTimeout(10_000)) : Corpus.open(resolve());
    }

    /** The corpus to ask: the Solr collection (a command line waits longer than a keystroke), or the embedded index read-only. */
    Corpus openReadOnly() throws IOException {
        return isSolr() ? SolrCorpus.open(solrSettings().withQueryTimeout(10_000)) : Corpus.openReadOnly(resolve());
    }

    Path resolve() {
        return indexDir != null ? indexDir : CorpusPaths.defaultIndexDir();
    }
}
