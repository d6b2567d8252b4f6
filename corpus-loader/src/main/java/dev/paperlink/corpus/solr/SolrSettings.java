package dev.paperlink.corpus.solr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the shared corpus lives: the base addresses of some Solr nodes (any live one tells the
 * client the cluster's state over HTTP: no ZooKeeper address is needed), the collection, and the
 * credentials of Solr's basic authentication when the cluster asks for them.
 *
 * <p>Credentials never come from a workspace file: {@link #withCredentialsFrom(Map)} reads them from
 * {@value #ENV_CREDENTIALS} ({@code user:password}) or from the file {@value #ENV_CREDENTIALS_FILE}
 * names (one line {@code user:password}).
 *
 * @param queryTimeoutMillis   how long a question (completion, hover) waits for the cluster at most
 * @param indexTimeoutMillis   how long one update request may take
 * @param connectTimeoutMillis how long opening a connection may take
 */
public record SolrSettings(List<String> urls, String collection, Optional<String> username, Optional<String> password,
                           int connectTimeoutMillis, int queryTimeoutMillis, int indexTimeoutMillis, Optional<TrustStore> trustStore) {
    public static final String DEFAULT_COLLECTION = "papers";
    public static final String ENV_CREDENTIALS = "PAPERLINK_SOLR_CREDENTIALS";
    public static final String ENV_CREDENTIALS_FILE = "PAPERLINK_SOLR_CREDENTIALS_FILE";
    public static final String ENV_TRUSTSTORE = "PAPERLINK_SOLR_TRUSTSTORE";
    public static final String ENV_TRUSTSTORE_PASSWORD = "PAPERLINK_SOLR_TRUSTSTORE_PASSWORD";

    /** The certificates an {@code https://} cluster is trusted by (a JKS or PKCS12 file), when not the JVM's own. */
    public record TrustStore(Path file, String password) {
        @Override
        public String toString() { // never the password
            return file.toString();
        }
    }
    /** A keystroke's answer within the completion budget: a node that does not answer in this time is taken as down. */
    public static final int DEFAULT_QUERY_TIMEOUT_MILLIS = 400;
    public static final int DEFAULT_CONNECT_TIMEOUT_MILLIS = 250;
    public static final int DEFAULT_INDEX_TIMEOUT_MILLIS = 120_000;

    public SolrSettings {
        if (urls == null || urls.isEmpty()) {
            throw new IllegalArgumentException("a Solr corpus needs at least one node address (--solr URL)");
        }
        urls = urls.stream().map(SolrSettings::solrBase).toList();
        collection = collection == null || collection.isBlank() ? DEFAULT_COLLECTION : collection;
        username = username == null ? Optional.empty() : username;
        password = password == null ? Optional.empty() : password;
        trustStore = trustStore == null ? Optional.empty() : trustStore;
    }

    public static SolrSettings of(List<String> urls, String collection) {
        return new SolrSettings(urls, collection, Optional.empty(), Optional.empty(), DEFAULT_CONNECT_TIMEOUT_MILLIS,
                DEFAULT_QUERY_TIMEOUT_MILLIS, DEFAULT_INDEX_TIMEOUT_MILLIS, Optional.empty());
    }

    public SolrSettings withQueryTimeout(int millis) {
        return new SolrSettings(urls, collection, username, password, connectTimeoutMillis, millis, indexTimeoutMillis, trustStore);
    }

    /**
     * These settings with what the environment gives, if anything: credentials ({@value #ENV_CREDENTIALS}
     * or the file {@value #ENV_CREDENTIALS_FILE} names) and the trust store of an {@code https://}
     * cluster ({@value #ENV_TRUSTSTORE}, its password in {@value #ENV_TRUSTSTORE_PASSWORD}).
     */
    public SolrSettings withCredentialsFrom(Map<String, String> env) throws IOException {
        Optional<TrustStore> trust = trustStore;
        String store = env.get(ENV_TRUSTSTORE);
        if (store != null && !store.isBlank()) {
            Path file = Path.of(store.strip());
            if (!Files.isRegularFile(file)) {
                throw new IOException(ENV_TRUSTSTORE + " names no file: " + file);
            }
            trust = Optional.of(new TrustStore(file, env.getOrDefault(ENV_TRUSTSTORE_PASSWORD, "")));
        }
        String pair = env.get(ENV_CREDENTIALS);
        if ((pair == null || pair.isBlank()) && env.get(ENV_CREDENTIALS_FILE) != null) {
            pair = Files.readString(Path.of(env.get(ENV_CREDENTIALS_FILE))).strip();
        }
        if (pair == null || pair.isBlank()) {
            return new SolrSettings(urls, collection, username, password, connectTimeoutMillis, queryTimeoutMillis, indexTimeoutMillis, trust);
        }
        int colon = pair.indexOf(':');
        if (colon <= 0) {
            throw new IOException("Solr credentials must read user:password");
        }
        return new SolrSettings(urls, collection, Optional.of(pair.substring(0, colon)), Optional.of(pair.substring(colon + 1)),
                connectTimeoutMillis, queryTimeoutMillis, indexTimeoutMillis, trust);
    }

    /** {@code http://host:8983}, {@code http://host:8983/} and {@code http://host:8983/solr} all mean the node's {@code /solr}. */
    static String solrBase(String url) {
        String u = url.strip();
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        return u.endsWith("/solr") ? u : u + "/solr";
    }

    @Override
    public String toString() { // never the password
        return "SolrSettings[urls=" + urls + ", collection=" + collection + ", user=" + username.orElse("-")
                + trustStore.map(t -> ", trustStore=" + t).orElse("") + "]";
    }
}
