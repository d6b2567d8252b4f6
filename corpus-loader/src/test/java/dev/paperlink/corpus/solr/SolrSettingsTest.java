package dev.paperlink.corpus.solr;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the environment gives a Solr corpus (credentials, a trust store), and what is never printed. */
class SolrSettingsTest {
    @TempDir
    Path tmp;

    private static final SolrSettings PLAIN = SolrSettings.of(List.of("https://solr1:8983/", "http://solr2:8983/solr"), null);

    @Test
    void addressesMeanTheNodesSolrAndTheCollectionDefaults() {
        assertEquals(List.of("https://solr1:8983/solr", "http://solr2:8983/solr"), PLAIN.urls());
        assertEquals("papers", PLAIN.collection());
    }

    @Test
    void credentialsFromTheVariableOrTheFileItNames() throws IOException {
        SolrSettings fromVar = PLAIN.withCredentialsFrom(Map.of(SolrSettings.ENV_CREDENTIALS, "reader:s3cret:with:colons"));
        assertEquals(Optional.of("reader"), fromVar.username());
        assertEquals(Optional.of("s3cret:with:colons"), fromVar.password());
        Path file = Files.writeString(tmp.resolve("creds"), "indexer:hunter2\n");
        SolrSettings fromFile = PLAIN.withCredentialsFrom(Map.of(SolrSettings.ENV_CREDENTIALS_FILE, file.toString()));
        assertEquals(Optional.of("indexer"), fromFile.username());
        assertEquals(Optional.of("hunter2"), fromFile.password());
        assertThrows(IOException.class, () -> PLAIN.withCredentialsFrom(Map.of(SolrSettings.ENV_CREDENTIALS, "no-colon")));
        assertEquals(PLAIN, PLAIN.withCredentialsFrom(Map.of()));
    }

    @Test
    void aTrustStoreNamedByTheEnvironment() throws IOException {
        Path store = Files.write(tmp.resolve("trust.p12"), new byte[] {1, 2, 3});
        SolrSettings s = PLAIN.withCredentialsFrom(Map.of(SolrSettings.ENV_TRUSTSTORE, store.toString(),
                SolrSettings.ENV_TRUSTSTORE_PASSWORD, "storepass", SolrSettings.ENV_CREDENTIALS, "reader:pw"));
        assertEquals(store, s.trustStore().orElseThrow().file());
        assertEquals("storepass", s.trustStore().orElseThrow().password());
        assertEquals(Optional.of("reader"), s.username(), "both at once");
        assertEquals(s.trustStore(), s.withQueryTimeout(50).trustStore(), "kept by the other withers");

        IOException missing = assertThrows(IOException.class,
                () -> PLAIN.withCredentialsFrom(Map.of(SolrSettings.ENV_TRUSTSTORE, tmp.resolve("nope.p12").toString())));
        assertTrue(missing.getMessage().contains(SolrSettings.ENV_TRUSTSTORE) && missing.getMessage().contains("nope.p12"), missing.getMessage());
    }

    @Test
    void neitherPasswordIsPrinted() throws IOException {
        Path store = Files.write(tmp.resolve("trust.p12"), new byte[] {1});
        String shown = PLAIN.withCredentialsFrom(Map.of(SolrSettings.ENV_TRUSTSTORE, store.toString(),
                SolrSettings.ENV_TRUSTSTORE_PASSWORD, "storepass", SolrSettings.ENV_CREDENTIALS, "reader:pw-secret")).toString();
        assertTrue(shown.contains("reader") && shown.contains("trust.p12"), shown);
        assertFalse(shown.contains("pw-secret") || shown.contains("storepass"), shown);
    }
}
