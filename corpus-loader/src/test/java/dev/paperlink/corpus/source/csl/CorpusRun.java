package dev.paperlink.corpus.source.csl;

import dev.paperlink.corpus.model.SourceFormat;
import dev.paperlink.corpus.source.RecordReader;
import dev.paperlink.corpus.source.SourceFiles;
import dev.paperlink.corpus.source.Skip;
import dev.paperlink.corpus.source.zotero.ZoteroJsonReader;
import dev.paperlink.corpus.testing.CollectingSink;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Reads every file of a shared corpus with the reader its detected format calls for, and tallies. */
public final class CorpusRun {
    public final Map<SourceFormat, Integer> files = new EnumMap<>(SourceFormat.class);
    public final Map<SourceFormat, Integer> records = new EnumMap<>(SourceFormat.class);
    public final Map<SourceFormat, Integer> skips = new EnumMap<>(SourceFormat.class);
    public final Map<String, Integer> skipReasons = new TreeMap<>();
    public final List<Skip> allSkips = new ArrayList<>();
    public final Map<String, List<Path>> undetected = new TreeMap<>();
    public final List<dev.paperlink.corpus.model.Paper> papers = new ArrayList<>();

    public static RecordReader readerFor(SourceFormat f) {
        return switch (f) {
            case CSL_JSON -> new CslJsonReader();
            case CSL_YAML -> new CslYamlReader();
            case ZOTERO_JSON -> new ZoteroJsonReader();
            default -> null;
        };
    }

    public static CorpusRun run(Path root, boolean keepPapers) throws IOException {
        CorpusRun run = new CorpusRun();
        List<Path> all;
        try (Stream<Path> walk = Files.walk(root)) {
            all = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path p : all) {
            String name = p.getFileName().toString();
            Optional<SourceFormat> f = SourceFiles.detect(p);
            RecordReader reader = f.map(CorpusRun::readerFor).orElse(null);
            if (reader == null) {
                if (name.matches("(?i).*\\.(json|ya?ml)")) {
                    run.undetected.computeIfAbsent(f.map(SourceFormat::label).orElse("none"), k -> new ArrayList<>()).add(p);
                }
                continue;
            }
            CollectingSink sink = new CollectingSink();
            try (Reader r = SourceFiles.open(p)) {
                reader.read(p.toString(), r, sink);
            }
            run.files.merge(f.get(), 1, Integer::sum);
            run.records.merge(f.get(), sink.papers.size(), Integer::sum);
            run.skips.merge(f.get(), sink.skips.size(), Integer::sum);
            for (Skip s : sink.skips) {
                run.skipReasons.merge(s.reason(), 1, Integer::sum);
                run.allSkips.add(s);
            }
            if (keepPapers) {
                run.papers.addAll(sink.papers);
            }
        }
        return run;
    }

    public void print(String corpus) {
        System.err.println("== corpus " + corpus);
        for (SourceFormat f : files.keySet()) {
            System.err.printf("  %-12s files=%d records=%d skips=%d%n", f.label(), files.get(f), records.get(f), skips.get(f));
        }
        skipReasons.forEach((r, n) -> System.err.println("  skip reason '" + r + "': " + n));
        allSkips.stream().limit(60).forEach(s -> System.err.println("    " + s));
        undetected.forEach((f, ps) -> {
            System.err.println("  not read (" + f + "): " + ps.size());
            ps.forEach(p -> System.err.println("    " + p));
        });
    }

    /** How many loaded papers have each field filled, printed so that mapping regressions show. */
    public void printCoverage() {
        Map<String, Integer> filled = new TreeMap<>();
        for (dev.paperlink.corpus.model.Paper p : papers) {
            count(filled, "key", !p.key().isEmpty());
            count(filled, "title", !p.title().isEmpty());
            count(filled, "authors", !p.authors().isEmpty());
            count(filled, "year", !p.year().isEmpty());
            count(filled, "venue", !p.venue().isEmpty());
            count(filled, "abstract", !p.abstractText().isEmpty());
            count(filled, "doi", !p.doi().isEmpty());
            count(filled, "arxiv", !p.arxivId().isEmpty());
            count(filled, "url", !p.url().isEmpty());
            count(filled, "files", !p.files().isEmpty());
            count(filled, "keywords", !p.keywords().isEmpty());
            count(filled, "date-without-year", p.year().isEmpty() && (p.raw().containsKey("date") || p.raw().containsKey("issued")));
        }
        System.err.println("  fields filled in " + papers.size() + " papers: " + filled);
    }

    private static void count(Map<String, Integer> m, String k, boolean b) {
        m.merge(k, b ? 1 : 0, Integer::sum);
    }

    public int records(SourceFormat f) {
        return records.getOrDefault(f, 0);
    }
}
