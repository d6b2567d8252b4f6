package dev.paperlink.cli.bench.zotero;

import dev.paperlink.corpus.model.Paper;
import dev.paperlink.corpus.model.SourceFormat;
import dev.paperlink.corpus.source.Identifiers;
import dev.paperlink.corpus.source.Readers;
import dev.paperlink.corpus.source.RecordSink;
import dev.paperlink.corpus.source.Skip;
import dev.paperlink.corpus.source.SourceFiles;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Real paper records to fill a generated library with, read from the shared corpora by the
 * project's own readers and sampled with a seed (reservoir sampling: the same corpora and seed give
 * the same records): ACL Anthology papers, journal articles and proceedings volumes, ACM journal
 * articles (DOIs, keywords), arXiv preprints (the arXiv metadata samples and the Hugging Face daily
 * papers). No two records share a title, DOI or arXiv id, so that every generated item stays one
 * paper in the index.
 */
public final class ContentPool {
    /** Where a record comes from, and so which item types it can become. */
    public enum Kind {
        /** ACL Anthology {@code @inproceedings}: conference papers, book sections. */
        ACL_PAPER,
        /** ACL Anthology {@code @article} (Computational Linguistics, TACL). */
        ACL_ARTICLE,
        /** ACL Anthology {@code @proceedings}: edited books. */
        ACL_VOLUME,
        /** ACM journal articles: DOIs, ISSNs, keywords. */
        ACM_ARTICLE,
        /** arXiv preprints: arXiv ids, categories. */
        ARXIV
    }

    private final Map<Kind, List<Paper>> records;

    private ContentPool(Map<Kind, List<Paper>> records) {
        this.records = records;
    }

    /** The sampled records of a kind, in a seeded random order. */
    public List<Paper> of(Kind kind) {
        return records.getOrDefault(kind, List.of());
    }


    /**
     * Samples at least {@code wanted.get(kind)} records of each kind (a few more, so that dropping
     * duplicates leaves enough) from the shared corpora under {@code corpora}.
     */
    public static ContentPool sample(Path corpora, Map<Kind, Integer> wanted, long seed) throws IOException {
        Map<Kind, Reservoir> reservoirs = new EnumMap<>(Kind.class);
        for (Kind k : Kind.values()) {
            int n = wanted.getOrDefault(k, 0);
            if (n > 0) {
                reservoirs.put(k, new Reservoir(n + n / 10 + 20, new Random(seed * 31 + k.ordinal())));
            }
        }
        Path acl = corpora.resolve("acl-anthology/anthology+abstracts.bib.gz");
        if (reservoirs.containsKey(Kind.ACL_PAPER) || reservoirs.containsKey(Kind.ACL_ARTICLE) || reservoirs.containsKey(Kind.ACL_VOLUME)) {
            read(require(acl), p -> {
                Kind k = switch (p.entryType()) {
                    case "inproceedings" -> Kind.ACL_PAPER;
                    case "article" -> Kind.ACL_ARTICLE;
                    case "proceedings" -> Kind.ACL_VOLUME;
                    default -> null;
                };
                Reservoir r = k == null ? null : reservoirs.get(k);
                if (r != null && usable(p)) {
                    r.offer(p);
                }
                return true;
            });
        }
        if (reservoirs.containsKey(Kind.ACM_ARTICLE)) {
            Path journals = require(corpora.resolve("acm-cr-dev/acm-dl/journals"));
            List<Path> files;
            try (Stream<Path> s = Files.list(journals)) {
                files = s.filter(f -> f.getFileName().toString().endsWith(".bib.gz")).sorted().toList();
            }
            for (Path f : files) {
                read(f, p -> {
                    if ("article".equals(p.entryType()) && usable(p) && !p.doi().isEmpty()) {
                        reservoirs.get(Kind.ACM_ARTICLE).offer(p);
                    }
                    return true;
                });
            }
        }
        if (reservoirs.containsKey(Kind.ARXIV)) {
            List<Path> files = new ArrayList<>();
            for (String name : List.of("kaggle-oai-snapshot-first200.jsonl", "unarxive-2212-metadata-49.jsonl")) {
                Path f = corpora.resolve("arxiv-metadata").resolve(name);
                if (Files.isRegularFile(f)) {
                    files.add(f);
                }
            }
            Path hf = corpora.resolve("hf-daily-papers-json");
            if (Files.isDirectory(hf)) {
                try (Stream<Path> s = Files.list(hf)) {
                    s.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().forEach(files::add);
                }
            }
            Set<String> ids = new HashSet<>();
            for (Path f : files) {
                read(f, p -> {
                    if (!p.arxivId().isEmpty() && usable(p) && ids.add(p.arxivId())) {
                        reservoirs.get(Kind.ARXIV).offer(p);
                    }
                    return true;
                });
            }
        }
        // no two records of one paper: titles, DOIs and arXiv ids are unique over all kinds
        Set<String> seen = new HashSet<>();
        Map<Kind, List<Paper>> out = new EnumMap<>(Kind.class);
        for (Kind k : Kind.values()) {
            Reservoir r = reservoirs.get(k);
            if (r == null) {
                continue;
            }
            List<Paper> kept = new ArrayList<>();
            for (Paper p : r.items) {
                String title = "t:" + Identifiers.normalizedTitle(p.title());
                String doi = p.doi().isEmpty() ? null : "d:" + Identifiers.doi(p.doi());
                String arxiv = p.arxivId().isEmpty() ? null : "a:" + p.arxivId();
                if (seen.contains(title) || (doi != null && seen.contains(doi)) || (arxiv != null && seen.contains(arxiv))) {
                    continue;
                }
                seen.add(title);
                if (doi != null) {
                    seen.add(doi);
                }
                if (arxiv != null) {
                    seen.add(arxiv);
                }
                kept.add(p);
            }
            Collections.shuffle(kept, new Random(seed * 17 + k.ordinal()));
            out.put(k, List.copyOf(kept));
        }
        return new ContentPool(out);
    }

    /** A record worth an item: a title of a few words, and an author or editor. */
    private static boolean usable(Paper p) {
        return p.title().length() >= 12 && p.title().contains(" ") && !p.authors().isEmpty() && !p.year().isEmpty()
                && !p.authors().get(0).sortName().isBlank();
    }

    private static Path require(Path p) throws IOException {
        if (!Files.exists(p)) {
            throw new IOException("the generator samples records from " + p + ", which is missing");
        }
        return p;
    }

    private static void read(Path file, Predicate<Paper> sink) throws IOException {
        SourceFormat format = SourceFiles.detect(file).orElseThrow(() -> new IOException("unknown format: " + file));
        try (Reader in = SourceFiles.open(file)) {
            Readers.forFormat(format).read(file.toString(), in, new RecordSink() {
                @Override
                public void accept(Paper paper) {
                    sink.test(paper);
                }

                @Override
                public void skip(Skip skip) {
                    // a record the reader could not read is no sample
                }
            });
        }
    }

    /** Algorithm R: a uniform sample of fixed size from a stream of unknown length. */
    private static final class Reservoir {
        final List<Paper> items = new ArrayList<>();
        final int size;
        final Random random;
        long seen;

        Reservoir(int size, Random random) {
            this.size = size;
            this.random = random;
        }

        void offer(Paper p) {
            seen++;
            if (items.size() < size) {
                items.add(p);
            } else {
                long j = (long) (random.nextDouble() * seen);
                if (j < size) {
                    items.set((int) j, p);
                }
            }
        }
    }
}
