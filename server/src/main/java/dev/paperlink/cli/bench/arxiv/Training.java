package dev.paperlink.cli.bench.arxiv;

import dev.paperlink.corpus.model.Author;
import dev.paperlink.corpus.model.Paper;
import dev.paperlink.corpus.model.SourceFormat;
import dev.paperlink.corpus.source.Readers;
import dev.paperlink.corpus.source.RecordSink;
import dev.paperlink.corpus.source.Skip;
import dev.paperlink.corpus.source.SourceFiles;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the generator learns from real records, read with the project's own readers: the ACL
 * anthology (BibTeX), the ACM-CR exports (BibTeX) and the arXiv snapshot samples (JSON lines) of
 * the shared corpora. Titles and abstracts train the word models; names the author model; the
 * arXiv records the lengths, math, journal references, comments and report numbers.
 */
final class Training {
    static final String ACL = "acl-anthology/anthology+abstracts.bib.gz";
    static final String ACM = "acm-cr-dev/acm-dl";
    static final String ARXIV_OLD = "arxiv-metadata/kaggle-oai-snapshot-first200.jsonl";
    static final String ARXIV_NEW = "arxiv-metadata/unarxive-2212-metadata-49.jsonl";
    private static final Pattern MATH = Pattern.compile("\\$[^$\\n]{1,60}\\$");

    final WordModel.Builder titles = new WordModel.Builder();
    final WordModel.Builder abstracts = new WordModel.Builder();
    final Heaps words = new Heaps();
    final Heaps people = new Heaps();
    final Map<String, Integer> given = new HashMap<>();
    final Map<String, Integer> family = new HashMap<>();
    final List<Integer> authorsOld = new ArrayList<>();
    final List<Integer> authorsNew = new ArrayList<>();
    final List<Integer> abstractWords = new ArrayList<>();
    final List<Integer> titleWords = new ArrayList<>();
    final List<String> math = new ArrayList<>();
    final List<String> journalRefs = new ArrayList<>();
    final List<String> comments = new ArrayList<>();
    final List<String> reportNumbers = new ArrayList<>();
    final List<String> doiPrefixes = new ArrayList<>();
    long records;
    long abstractsRead;
    final long maxAbstractTokens;

    Training(long maxAbstractTokens) {
        this.maxAbstractTokens = maxAbstractTokens;
    }

    static Training read(Path corpora, long maxAbstractTokens) throws IOException {
        Training t = new Training(maxAbstractTokens);
        for (String needed : List.of(ACL, ACM, ARXIV_OLD, ARXIV_NEW)) {
            if (!Files.exists(corpora.resolve(needed))) {
                throw new IOException("the generator learns from " + corpora.resolve(needed) + ", which is missing");
            }
        }
        // arXiv first (its few records are the only ones of their kind), then the anthology, then ACM-CR, interleaved
        // by file so that a token budget spent early still sees both collections
        t.readFile(corpora.resolve(ARXIV_OLD), SourceFormat.ARXIV_JSONL, p -> t.arxiv(p, t.authorsOld));
        t.readFile(corpora.resolve(ARXIV_NEW), SourceFormat.ARXIV_JSONL, p -> t.arxiv(p, t.authorsNew));
        List<Path> acm;
        try (Stream<Path> s = Files.walk(corpora.resolve(ACM))) {
            acm = s.filter(f -> f.getFileName().toString().endsWith(".bib.gz")).sorted().toList();
        }
        t.readFile(corpora.resolve(ACL), SourceFormat.BIBTEX, t::paper);
        for (Path f : acm) {
            t.readFile(f, SourceFormat.BIBTEX, t::paper);
        }
        return t;
    }

    private void readFile(Path file, SourceFormat format, Consumer<Paper> each) throws IOException {
        try (Reader r = SourceFiles.open(file)) {
            Readers.forFormat(format).read(file.toString(), r, new RecordSink() {
                @Override
                public void accept(Paper paper) {
                    records++;
                    each.accept(paper);
                }

                @Override
                public void skip(Skip skip) {
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private void paper(Paper p) {
        if (!p.title().isBlank()) {
            titles.add(p.title());
            words.add(p.title());
        }
        if (!p.abstractText().isBlank() && abstracts.tokens() < maxAbstractTokens) {
            abstracts.add(p.abstractText());
            words.add(p.abstractText());
            abstractsRead++;
        }
        for (Author a : p.authors()) {
            if (a.isLiteral() || a.isOthers() || a.family().isBlank() || a.given().isBlank()) {
                continue;
            }
            given.merge(a.given(), 1, Integer::sum);
            family.merge(a.family(), 1, Integer::sum);
            people.add((a.given() + "x" + a.family()).replace(" ", "x").replace(".", "x").replace("-", "x"));
        }
    }

    private void arxiv(Paper p, List<Integer> authorCounts) {
        paper(p);
        authorCounts.add(Math.max(1, p.authors().size()));
        abstractWords.add(p.abstractText().split("\\s+").length);
        titleWords.add(p.title().split("\\s+").length);
        Map<String, String> raw = p.raw();
        for (String field : List.of("title", "abstract")) {
            Matcher m = MATH.matcher(raw.getOrDefault(field, ""));
            while (m.find()) {
                math.add(m.group());
            }
        }
        addIfPresent(raw, "journal-ref", journalRefs);
        addIfPresent(raw, "comments", comments);
        addIfPresent(raw, "report-no", reportNumbers);
        String doi = raw.getOrDefault("doi", "");
        int slash = doi.indexOf('/');
        if (slash > 0) {
            doiPrefixes.add(doi.substring(0, slash + 1) + doi.substring(slash + 1).replaceAll("[0-9].*$", ""));
        }
    }

    private static void addIfPresent(Map<String, String> raw, String field, List<String> to) {
        String v = raw.getOrDefault(field, "").replaceAll("\\s*\\n\\s*", " ").strip();
        if (!v.isEmpty()) {
            to.add(v);
        }
    }

    String summary() {
        return String.format(Locale.ROOT, "%,d records read (%,d abstracts, %,d abstract tokens, %,d title tokens), %,d given and %,d family names",
                records, abstractsRead, abstracts.tokens(), titles.tokens(), given.size(), family.size());
    }
}
