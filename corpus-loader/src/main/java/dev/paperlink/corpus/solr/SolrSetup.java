package dev.paperlink.corpus.solr;

import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.Http2SolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.ConfigSetAdminRequest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * {@code paperlink solr init}: uploads the configset that ships in this jar (schema.xml,
 * solrconfig.xml, stopwords.txt) under the collection's name and creates the collection with it.
 */
public final class SolrSetup {
    /** The configset's files, as resources beside this class. */
    public static final List<String> CONFIGSET_FILES = List.of("schema.xml", "solrconfig.xml", "stopwords.txt");

    private SolrSetup() {
    }

    /** What init did: whether the collection was created now (false: it was there, the configset was updated). */
    public record Result(String collection, String configSet, boolean created, int shards, int replicas) {
    }

    /**
     * Asks the first node that answers (a node's own client: the cluster's administration needs no
     * routing, and a routed request would take the cluster's node names for plain http).
     */
    public static Result init(SolrSettings settings, int shards, int replicas) throws IOException {
        IOException last = null;
        for (String url : settings.urls()) {
            try (Http2SolrClient node = SolrCorpus.nodeClient(settings, url, settings.indexTimeoutMillis())) {
                return init(node, settings.collection(), shards, replicas);
            } catch (SolrServerException e) {
                if (!(e.getCause() instanceof IOException)) {
                    throw new IOException("solr init failed: " + e.getMessage(), e);
                }
                last = new IOException("solr init failed: " + url + " does not answer: " + e.getMessage(), e);
            } catch (RuntimeException e) {
                throw new IOException("solr init failed: " + e.getMessage(), e);
            }
        }
        throw last;
    }

    private static Result init(Http2SolrClient solr, String collection, int shards, int replicas) throws IOException, SolrServerException {
        String config = "paperlink-" + collection;
        Path zip = Files.createTempFile("paperlink-configset", ".zip");
        try {
            Files.write(zip, configsetZip());
            new ConfigSetAdminRequest.Upload().setConfigSetName(config).setUploadFile(zip.toFile(), "application/zip")
                    .setOverwrite(true).setCleanup(true).process(solr);
        } finally {
            Files.deleteIfExists(zip);
        }
        List<String> existing = CollectionAdminRequest.listCollections(solr);
        if (existing.contains(collection)) {
            CollectionAdminRequest.reloadCollection(collection).process(solr);
            return new Result(collection, config, false, shards, replicas);
        }
        CollectionAdminRequest.Create create = CollectionAdminRequest.createCollection(collection, config, shards, replicas);
        create.setWaitForFinalState(true);
        create.process(solr);
        return new Result(collection, config, true, shards, replicas);
    }

    /** The configset as a zip, the form Solr's configset API takes. */
    public static byte[] configsetZip() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String f : CONFIGSET_FILES) {
                zip.putNextEntry(new ZipEntry(f));
                try (InputStream in = configsetFile(f)) {
                    in.transferTo(zip);
                }
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    public static InputStream configsetFile(String name) throws IOException {
        InputStream in = SolrSetup.class.getResourceAsStream("configset/" + name);
        if (in == null) {
            throw new IOException("the configset file " + name + " is missing from the jar");
        }
        return in;
    }

    /** Writes the configset into a directory (for a cluster started from files, as the tests' MiniSolrCloudCluster). */
    public static Path writeConfigset(Path dir) throws IOException {
        Path conf = Files.createDirectories(dir.resolve("conf"));
        for (String f : CONFIGSET_FILES) {
            try (InputStream in = configsetFile(f)) {
                Files.copy(in, conf.resolve(f), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return dir;
    }
}
