package dev.paperlink.corpus;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The boundaries of ARCHITECTURE.md, checked on the sources. */
class ArchitectureTest {
    private static final Path MAIN = Path.of("src/main/java/dev/paperlink/corpus");

    @Test
    void onlyTheIndexPackageKnowsLucene() throws IOException {
        assertEquals(List.of(), offenders("import org.apache.lucene", MAIN.resolve("index")));
    }

    @Test
    void onlyTheSolrPackageKnowsSolrJ() throws IOException {
        assertEquals(List.of(), offenders("import org.apache.solr", MAIN.resolve("solr")));
        assertEquals(List.of(), offenders("org.apache.solr.", MAIN.resolve("solr")));
    }

    /** The corpus API and the model name neither backend: the composition root picks one (issue 16). */
    @Test
    void theApiNamesNoBackend() throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(f);
                if (text.contains("dev.paperlink.corpus.index") || text.contains("LuceneCorpus") || text.contains("import dev.paperlink.corpus.solr")) {
                    out.add(f.toString());
                }
            }
        }
        try (Stream<Path> files = Files.walk(MAIN.resolve("model"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(f);
                if (text.contains("dev.paperlink.corpus.index") || text.contains("dev.paperlink.corpus.solr")) {
                    out.add(f.toString());
                }
            }
        }
        assertEquals(List.of(), out);
    }

    /** The two backends share the readers, the merge rules and the model, never each other's classes. */
    @Test
    void theBackendsDoNotUseEachOther() throws IOException {
        assertEquals(List.of(), offenders("dev.paperlink.corpus.index", MAIN.resolve("index"), MAIN.resolve("solr")));
        assertEquals(List.of(), offenders("dev.paperlink.corpus.solr", MAIN.resolve("solr"), MAIN.resolve("index")));
    }

    @Test
    void theCorpusLoaderNeverKnowsTheProtocol() throws IOException {
        assertEquals(List.of(), offenders("org.eclipse.lsp4j", null));
    }

    /** Files outside {@code allowed} (null: none) and inside {@code within} that contain the needle. */
    private static List<String> offenders(String needle, Path allowed, Path within) throws IOException {
        return offenders(needle, allowed).stream().filter(f -> Path.of(f).startsWith(within)).toList();
    }

    private static List<String> offenders(String needle, Path allowed) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                if (allowed != null && f.startsWith(allowed)) {
                    continue;
                }
                if (Files.readString(f).contains(needle)) {
                    out.add(f.toString());
                }
            }
        }
        return out;
    }
}
