package dev.paperlink.corpus.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** The project's bundled demo corpus ({@code demo/} at the root), copied where a test may change it. */
final class DemoCorpus {
    private DemoCorpus() {
    }

    static Path dir() {
        Path p = Path.of("..", "demo");
        if (!Files.isDirectory(p)) {
            p = Path.of("demo");
        }
        return p.toAbsolutePath().normalize();
    }

    static Path copyTo(Path target) throws IOException {
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(dir())) {
            for (Path f : files.toList()) {
                Files.copy(f, target.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return target;
    }
}
