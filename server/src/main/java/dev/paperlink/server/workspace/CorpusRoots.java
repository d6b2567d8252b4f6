package dev.paperlink.server.workspace;

import dev.paperlink.corpus.model.SourceFormat;
import dev.paperlink.corpus.source.SourceFiles;
import dev.paperlink.server.config.ServerOptions;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the server indexes: the configured corpus (files, folders or globs; relative ones against
 * the first workspace folder) and every bibliography file in the workspace folders (.bib,
 * .bibtex, .biblatex, CSL-JSON and CSL-YAML; hidden folders and build/dependency folders skipped).
 */
public final class CorpusRoots {
    private static final Set<String> SKIPPED_DIRS = Set.of("node_modules", "target", "build", "dist", "out", "_site", "site-packages", "venv");
    private static final int MAX_FILES_WALKED = 200_000;

    private CorpusRoots() {
    }

    public static List<Path> resolve(List<String> corpus, List<Path> workspaceFolders, ServerLog log) {
        Set<Path> roots = new TreeSet<>();
        Path base = workspaceFolders.isEmpty() ? Path.of("").toAbsolutePath() : workspaceFolders.get(0);
        for (String spec : corpus) {
            String s = ServerOptions.expandHome(spec.strip());
            if (s.isEmpty()) {
                continue;
            }
            if (isGlob(s)) {
                roots.addAll(glob(base, s, log));
            } else {
                Path p = base.resolve(s).toAbsolutePath().normalize();
                if (Files.exists(p)) {
                    roots.add(p);
                } else {
                    log.warn("paperlink.corpus: " + p + " does not exist");
                }
            }
        }
        for (Path folder : workspaceFolders) {
            roots.addAll(bibliographies(folder, log));
        }
        return new ArrayList<>(roots);
    }

    static boolean isGlob(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0 || s.indexOf('{') >= 0;
    }

    /** Files matching a glob: the part before the first glob character is the folder walked. */
    static List<Path> glob(Path base, String pattern, ServerLog log) {
        int firstGlob = pattern.length();
        for (char c : new char[] {'*', '?', '[', '{'}) {
            int i = pattern.indexOf(c);
            if (i >= 0) {
                firstGlob = Math.min(firstGlob, i);
            }
        }
        int slash = pattern.lastIndexOf('/', firstGlob);
        Path dir = base.resolve(slash < 0 ? "" : pattern.substring(0, slash)).toAbsolutePath().normalize();
        String rest = slash < 0 ? pattern : pattern.substring(slash + 1);
        PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + rest);
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            log.warn("paperlink.corpus: no folder " + dir + " for " + pattern);
            return out;
        }
        walk(dir, false, p -> {
            if (m.matches(dir.relativize(p))) {
                out.add(p);
            }
        }, log);
        return out;
    }

    /** Bibliography files in a workspace folder. */
    static List<Path> bibliographies(Path folder, ServerLog log) {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return out;
        }
        walk(folder, true, p -> {
            if (isBibliography(p)) {
                out.add(p);
            }
        }, log);
        return out;
    }

    /** Files of a workspace folder that {@code wanted} accepts (hidden and build folders skipped, as for bibliographies). */
    static List<Path> matching(Path folder, java.util.function.Predicate<Path> wanted, ServerLog log) {
        List<Path> out = new ArrayList<>();
        if (Files.isDirectory(folder)) {
            walk(folder, true, p -> {
                if (wanted.test(p)) {
                    out.add(p);
                }
            }, log);
        }
        return out;
    }

    /** Whether a file lies in a folder below {@code folder} that the walks skip (hidden, build and dependency folders). */
    static boolean skippedBelow(Path folder, Path file) {
        Path rel = folder.relativize(file);
        for (int i = 0; i < rel.getNameCount() - 1; i++) {
            String n = rel.getName(i).toString();
            if (n.startsWith(".") || SKIPPED_DIRS.contains(n)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a file is a bibliography the workspace contributes (by extension; JSON and YAML by content). */
    public static boolean isBibliography(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".bib") || name.endsWith(".bibtex") || name.endsWith(".biblatex")) {
            return true;
        }
        if (name.endsWith(".json") || name.endsWith(".yaml") || name.endsWith(".yml")) {
            Optional<SourceFormat> f = SourceFiles.detect(p);
            return f.isPresent() && (f.get() == SourceFormat.CSL_JSON || f.get() == SourceFormat.CSL_YAML || f.get() == SourceFormat.HAYAGRIVA);
        }
        return false;
    }

    private static void walk(Path dir, boolean skipBuildDirs, java.util.function.Consumer<Path> onFile, ServerLog log) {
        int[] count = {0};
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    String n = d.getFileName() == null ? "" : d.getFileName().toString();
                    if (!d.equals(dir) && (n.startsWith(".") || (skipBuildDirs && SKIPPED_DIRS.contains(n)))) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                    if (++count[0] > MAX_FILES_WALKED) {
                        log.warn("stopped looking for bibliographies in " + dir + " after " + MAX_FILES_WALKED + " files");
                        return FileVisitResult.TERMINATE;
                    }
                    if (attrs.isRegularFile()) {
                        onFile.accept(f);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path f, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            log.warn("cannot list " + dir + ": " + e.getMessage());
        }
    }
}
