package dev.paperlink.server;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Code invariants, checked on the sources: protocol types stay in the protocol layer, Lucene stays in the corpus. */
class ArchitectureTest {

    @Test
    void lsp4jOnlyInTheProtocolLayerAndNoLuceneInTheServer() throws IOException {
        List<String> violations = new ArrayList<>();
        Path main = Path.of("src/main/java");
        try (Stream<Path> files = Files.walk(main)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String rel = main.relativize(f).toString().replace('\\', '/');
                String text = Files.readString(f);
                boolean inLsp = rel.startsWith("dev/paperlink/server/lsp/");
                if (!inLsp && (text.contains("org.eclipse.lsp4j") || text.contains("com.google.gson"))) {
                    violations.add(rel + " uses LSP4J/Gson outside dev.paperlink.server.lsp");
                }
                if (text.contains("org.apache.lucene")) {
                    violations.add(rel + " uses Lucene (it belongs in corpus-loader's index package)");
                }
                boolean feature = rel.startsWith("dev/paperlink/server/feature/") || rel.startsWith("dev/paperlink/server/syntax/")
                        || rel.startsWith("dev/paperlink/server/render/") || rel.startsWith("dev/paperlink/server/bibliography/");
                if (feature && (text.contains("java.nio.file.Files") || text.contains("java.io.File;") || text.contains("FileInputStream"))) {
                    violations.add(rel + " does IO; features, syntax, render and bibliography work on text they are given");
                }
            }
        }
        assertEquals(List.of(), violations);
    }
}
