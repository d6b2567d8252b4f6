package dev.paperlink.corpus.solr;

import dev.paperlink.corpus.PaperQueries;
import dev.paperlink.corpus.model.Hit;
import dev.paperlink.corpus.model.Paper;
import dev.paperlink.corpus.model.Passage;
import dev.paperlink.corpus.model.SourceSpan;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The questions about the papers of some source files only (as the embedded ScopedSearch): a paper
 * is shown under the key its record has in those files, and a key is matched among the keys written
 * in those files. The language server keeps a workspace's own bibliographies in a local embedded
 * index; this is for a command line that asks the shared corpus about some files.
 */
final class SolrScoped implements PaperQueries {
    private final SolrCorpus corpus;
    private final Set<String> files;
    private final String filter;

    SolrScoped(SolrCorpus corpus, List<String> files) {
        this.corpus = corpus;
        this.files = Set.copyOf(files);
        this.filter = files.isEmpty() ? null : SolrCorpus.terms("source", files);
    }

    @Override
    public Optional<Paper> byKey(String key) {
        if (files.isEmpty()) {
            return Optional.empty();
        }
        Paper anyCase = null;
        for (Hit h : corpus.hits(SolrQueries.exactKey(key), 20, filter, SolrCorpus.Question.LOOKUP)) {
            for (SourceSpan s : spans(h.paper())) {
                if (s.key().equals(key)) {
                    return Optional.of(SolrCorpus.rekeyed(h.paper(), s.key()));
                }
                if (anyCase == null && s.key().equalsIgnoreCase(key)) {
                    anyCase = SolrCorpus.rekeyed(h.paper(), s.key());
                }
            }
        }
        return Optional.ofNullable(anyCase);
    }

    @Override
    public List<Hit> completeKey(String prefix, int limit) {
        if (files.isEmpty()) {
            return List.of();
        }
        String p = prefix.strip().toLowerCase(Locale.ROOT);
        List<Hit> hits = p.isEmpty() ? corpus.hits("*:*", limit, filter, s -> Hit.Match.KEY_PREFIX, SolrCorpus.Question.KEYSTROKE)
                : corpus.hits(SolrQueries.keyPrefix(prefix), limit * 2, filter, SolrCorpus.Question.KEYSTROKE);
        List<Hit> out = new ArrayList<>();
        for (Hit h : hits) {
            if (out.size() >= limit) {
                break;
            }
            for (SourceSpan s : spans(h.paper())) {
                if (!s.key().isEmpty() && s.key().toLowerCase(Locale.ROOT).startsWith(p)) {
                    out.add(new Hit(SolrCorpus.rekeyed(h.paper(), s.key()),
                            s.key().toLowerCase(Locale.ROOT).equals(p) ? Hit.Match.EXACT_KEY : Hit.Match.KEY_PREFIX, h.score()));
                    break;
                }
            }
        }
        return out;
    }

    @Override
    public List<Hit> completeTitle(String typed, int limit) {
        return files.isEmpty() ? List.of() : corpus.completeTitle(typed, limit, filter).stream().map(this::rekeyed).toList();
    }

    @Override
    public List<Hit> related(Passage passage, int limit) {
        return files.isEmpty() ? List.of() : corpus.related(passage, limit, filter).stream().map(this::rekeyed).toList();
    }

    @Override
    public void expectScores(Passage passage) {
        corpus.expectScores(passage);
    }

    @Override
    public Map<String, Float> relatedScores(Passage passage, Collection<String> paperIds) {
        return corpus.relatedScores(passage, paperIds);
    }

    private Hit rekeyed(Hit h) {
        for (SourceSpan s : spans(h.paper())) {
            if (!s.key().isEmpty()) {
                return new Hit(SolrCorpus.rekeyed(h.paper(), s.key()), h.match(), h.score());
            }
        }
        return h;
    }

    private List<SourceSpan> spans(Paper p) {
        return p.sources().stream().filter(s -> files.contains(s.file())).toList();
    }
}
