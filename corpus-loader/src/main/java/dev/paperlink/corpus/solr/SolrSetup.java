package dev.paperlink.corpus.solr;

import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.CloudHttp2SolrClient;
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

    public static Result init(SolrSettings settings, int shards, int replicas) throws IOException {
        String config = "paperlink-" + settings.collection();
        try (CloudHttp2SolrClient solr = SolrCorpus.client(settings, settings.indexTimeoutMillis())) {
            Path zip = Files.createTempFile("paperlink-configset", ".zip");
            try {
                Files.write(zip, configsetZip());
                new ConfigSetAdminRequest.Upload().setConfigSetName(config).setUploadFile(zip.toFile(), "application/zip")
                        .setOverwrite(true).setCleanup(true).process(solr);
            } finally {
                Files.deleteIfExists(zip);
            }
            List<String> existing = CollectionAdminRequest.listCollections(solr);
            if (existing.contains(settings.collection())) {
                CollectionAdminRequest.reloadCollection(settings.collection()).process(solr);
                return new Result(settings.collection(), config, false, shards, replicas);
            }
            CollectionAdminRequest.Create create = CollectionAdminRequest.createCollection(settings.collection(), config, shards, replicas);
            create.setWaitForFinalState(true);
            create.process(solr);
            return new Result(settings.collection(), config, true, shards, replicas);
        } catch (SolrServerException | RuntimeException e) {
            throw new IOException("solr init failed: " + e.getMessage(), e);
        }
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
