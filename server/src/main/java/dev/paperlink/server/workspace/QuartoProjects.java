package dev.paperlink.server.workspace;

import dev.paperlink.server.syntax.BibliographyRef;
import dev.paperlink.server.syntax.BibliographyScanner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Quarto projects: a {@code _quarto.yml} (or {@code _quarto.yaml}) in a document's folder or a
 * parent that sets {@code bibliography:} gives the project's documents their bibliography. Looked
 * for when a document opens (on the protocol thread, never on a request thread) and again when
 * the client reports a change of such a file; requests only read what was found.
 */
final class QuartoProjects {
    static final List<String> NAMES = List.of("_quarto.yml", "_quarto.yaml");
    private static final int MAX_LEVELS = 16;
    private static final long MAX_BYTES = 1 << 20;

    /** A project folder and the bibliographies its {@code _quarto.yml} names (relative to that folder). */
    record Project(Path dir, List<BibliographyRef> bibliographies) {
    }

    private final Map<Path, Optional<Project>> byFolder = new ConcurrentHashMap<>();

    /** Looks for the project of a document's folder, once. */
    Optional<Project> learn(Path folder) {
        return byFolder.computeIfAbsent(folder, QuartoProjects::find);
    }

    /** The project found for a folder (nothing is read here). */
    Optional<Project> of(Path folder) {
        return byFolder.getOrDefault(folder, Optional.empty());
    }

    static boolean isProjectFile(Path p) {
        return p.getFileName() != null && NAMES.contains(p.getFileName().toString());
    }

    /** A {@code _quarto.yml} changed: the folders seen are looked at again. */
    void fileChanged(Path p) {
        if (isProjectFile(p)) {
            byFolder.replaceAll((folder, old) -> find(folder));
        }
    }

    private static Optional<Project> find(Path folder) {
        Path d = folder;
        for (int level = 0; d != null && level < MAX_LEVELS; level++, d = d.getParent()) {
            for (String name : NAMES) {
                Path f = d.resolve(name);
                try {
                    if (Files.isRegularFile(f) && Files.size(f) <= MAX_BYTES) {
                        List<BibliographyRef> refs = BibliographyScanner.yamlFile(Files.readString(f));
                        return refs.isEmpty() ? Optional.empty() : Optional.of(new Project(d, refs));
                    }
                } catch (IOException | RuntimeException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
