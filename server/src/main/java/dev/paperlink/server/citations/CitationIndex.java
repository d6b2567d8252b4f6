package dev.paperlink.server.citations;

import dev.paperlink.server.bibliography.BibChunks;
import dev.paperlink.server.document.DocumentKind;
import dev.paperlink.server.document.LineIndex;
import dev.paperlink.server.feature.references.Occurrence;
import dev.paperlink.server.feature.references.WorkspaceCitations;
import dev.paperlink.server.syntax.BibEntryKey;
import dev.paperlink.server.syntax.CitationRef;
import dev.paperlink.server.syntax.CitationScanner;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The workspace citation index: per file, its citations or entry keys with their positions, and
 * per key (lower-cased) the files that cite or define it, so that a question about one key reads
 * only the files that have it. Updated file by file (a changed file replaces its own contribution,
 * nothing else is touched); no IO: callers hand over texts. Thread-safe.
 */
public final class CitationIndex implements WorkspaceCitations {
    private final Map<Path, FileCitations> files = new HashMap<>();
    private final Map<String, Set<Path>> citedIn = new HashMap<>();
    private final Map<String, Set<Path>> definedIn = new HashMap<>();
    private int citingAll;
    private volatile boolean ready;

    /** A note's citations (its text as the editor or the disk has it). */
    public void putNote(Path file, String uri, Integer version, DocumentKind kind, String text, LineIndex lines) {
        List<Occurrence> found = new ArrayList<>();
        boolean all = false;
        for (CitationRef r : CitationScanner.refs(kind, text)) {
            if (r.isAll()) {
                all = true;
            } else if (!r.isEmpty()) {
                found.add(new Occurrence(uri, version, lines.position(r.range().start()), lines.position(r.range().end()), r.key()));
            }
        }
        put(file, new FileCitations(uri, version, found, List.of(), all));
    }

    /** A BibTeX file's entry keys. */
    public void putBibtex(Path file, String uri, Integer version, BibChunks chunks) {
        List<Occurrence> keys = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            if (chunks.kind(i) == BibChunks.Kind.ENTRY && chunks.hasKey(i)) {
                keys.add(new Occurrence(uri, version, chunks.keyPosition(i), chunks.keyEndPosition(i), chunks.key(i)));
            }
        }
        put(file, new FileCitations(uri, version, List.of(), keys, false));
    }

    /** Entry keys found by a key scanner (Hayagriva YAML). */
    public void putEntries(Path file, String uri, Integer version, List<BibEntryKey> keys, LineIndex lines) {
        List<Occurrence> out = new ArrayList<>();
        for (BibEntryKey k : keys) {
            out.add(new Occurrence(uri, version, lines.position(k.range().start()), lines.position(k.range().end()), k.key()));
        }
        put(file, new FileCitations(uri, version, List.of(), out, false));
    }

    public synchronized void remove(Path file) {
        FileCitations old = files.remove(file);
        if (old != null) {
            unlink(file, old);
        }
    }

    public synchronized boolean has(Path file) {
        return files.containsKey(file);
    }

    /** The files known, for dropping those no longer in the workspace. */
    public synchronized Set<Path> files() {
        return Set.copyOf(files.keySet());
    }

    /** The files that define entries (the workspace's bibliographies), in path order. */
    public synchronized List<Path> entryFiles() {
        return files.entrySet().stream().filter(e -> !e.getValue().entries().isEmpty()).map(Map.Entry::getKey).sorted().toList();
    }

    public void setReady(boolean r) {
        ready = r;
    }

    private synchronized void put(Path file, FileCitations now) {
        FileCitations old = files.put(file, now);
        if (old != null) {
            unlink(file, old);
        }
        now.citations().forEach(o -> citedIn.computeIfAbsent(lower(o.key()), k -> new TreeSet<>()).add(file));
        now.entries().forEach(o -> definedIn.computeIfAbsent(lower(o.key()), k -> new TreeSet<>()).add(file));
        citingAll += now.citesAll() ? 1 : 0;
    }

    private void unlink(Path file, FileCitations old) {
        old.citations().forEach(o -> drop(citedIn, lower(o.key()), file));
        old.entries().forEach(o -> drop(definedIn, lower(o.key()), file));
        citingAll -= old.citesAll() ? 1 : 0;
    }

    private static void drop(Map<String, Set<Path>> map, String key, Path file) {
        Set<Path> s = map.get(key);
        if (s != null && s.remove(file) && s.isEmpty()) {
            map.remove(key);
        }
    }

    @Override
    public synchronized List<Occurrence> citations(String key) {
        return find(citedIn, key, FileCitations::citations);
    }

    @Override
    public synchronized List<Occurrence> entries(String key) {
        return find(definedIn, key, FileCitations::entries);
    }

    private List<Occurrence> find(Map<String, Set<Path>> map, String key, java.util.function.Function<FileCitations, List<Occurrence>> part) {
        String lc = lower(key);
        List<Occurrence> out = new ArrayList<>();
        for (Path f : map.getOrDefault(lc, Set.of())) {
            for (Occurrence o : part.apply(files.get(f))) {
                if (lower(o.key()).equals(lc)) {
                    out.add(o);
                }
            }
        }
        out.sort(Comparator.comparing(Occurrence::uri).thenComparingInt(o -> o.start().line()).thenComparingInt(o -> o.start().column()));
        return out;
    }

    @Override
    public boolean ready() {
        return ready;
    }

    @Override
    public synchronized boolean citesAll() {
        return citingAll > 0;
    }

    @Override
    public synchronized boolean cited(String key) {
        return citedIn.containsKey(lower(key));
    }

    private static String lower(String key) {
        return key.toLowerCase(Locale.ROOT);
    }
}
