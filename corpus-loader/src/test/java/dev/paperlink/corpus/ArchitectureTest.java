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
    void theCorpusLoaderNeverKnowsTheProtocol() throws IOException {
        assertEquals(List.of(), offenders("org.eclipse.lsp4j", null));
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
