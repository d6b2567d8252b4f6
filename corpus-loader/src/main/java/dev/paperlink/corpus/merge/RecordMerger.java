package dev.paperlink.corpus.merge;

import dev.paperlink.corpus.model.Paper;
import dev.paperlink.corpus.model.PaperBuilder;
import dev.paperlink.corpus.model.SourceFormat;
import dev.paperlink.corpus.model.SourceSpan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Merges the records of one paper from several sources into the one {@link Paper} users see.
 *
 * <p>Parts are ranked: records from BibTeX files first (keys written by the user always win),
 * then records with a key of their own (CSL, Zotero), then the rest, each group in indexing
 * order. The key is the first part's key, or the generated key when no part has one; every other
 * key is an alias. Each field takes the first non-empty value in rank order, except popularity
 * (the largest), keywords and files (the union) and sources (all, the key's source first).
 */
public final class RecordMerger {
    private RecordMerger() {
    }

    /**
     * @param id           the paper's stable id
     * @param generatedKey the key generated for it, used only when no part has a key
     * @param parts        every source record, in indexing order
     */
    public static Paper merge(String id, String generatedKey, List<Paper> parts) {
        List<Paper> ranked = parts.size() == 1 ? parts : rank(parts);
        Paper first = ranked.get(0);
        String key = first.key().isEmpty() ? generatedKey : first.key();
        Set<String> aliases = new LinkedHashSet<>();
        for (Paper p : ranked) {
            if (!p.key().isEmpty() && !p.key().equals(key)) {
                aliases.add(p.key());
            }
            for (String a : p.aliases()) {
                if (!a.equals(key) && !a.isBlank()) {
                    aliases.add(a);
                }
            }
        }
        if (ranked.size() == 1) {
            return first.withIdentity(id, key, List.copyOf(aliases));
        }
        PaperBuilder b = first.toBuilder();
        b.id(id);
        b.key(key);
        b.aliases(new ArrayList<>(aliases));
        String year = firstNonEmpty(ranked, Paper::year);
        b.title(firstNonEmpty(ranked, Paper::title));
        b.authors(ranked.stream().map(Paper::authors).filter(a -> !a.isEmpty()).findFirst().orElse(List.of()));
        b.year(year);
        // the best record's date that agrees with the year (a bib file's "December" wins over arXiv's v1 date)
        b.date(ranked.stream().map(Paper::date).filter(d -> !d.isEmpty() && d.startsWith(year)).findFirst().orElse(""));
        b.venue(firstNonEmpty(ranked, Paper::venue));
        b.entryType(firstNonEmpty(ranked, Paper::entryType));
        b.abstractText(firstNonEmpty(ranked, Paper::abstractText));
        b.doi(firstNonEmpty(ranked, Paper::doi));
        b.arxivId(firstNonEmpty(ranked, Paper::arxivId));
        b.url(firstNonEmpty(ranked, Paper::url));
        b.files(union(ranked, Paper::files));
        b.keywords(union(ranked, Paper::keywords));
        // where the paper is in Zotero stays known when another record (its .bib entry) comes first
        for (String field : List.of(dev.paperlink.corpus.model.ZoteroItem.SELECT, dev.paperlink.corpus.model.ZoteroItem.LIBRARY,
                dev.paperlink.corpus.model.ZoteroItem.COLLECTIONS, dev.paperlink.corpus.model.ZoteroItem.ITEM_KEY)) {
            if (!first.raw().containsKey(field)) {
                ranked.stream().map(p -> p.raw().get(field)).filter(v -> v != null && !v.isEmpty()).findFirst()
                        .ifPresent(v -> b.raw(field, v));
            }
        }
        b.popularity(ranked.stream().map(Paper::popularity).filter(x -> x != null).max(Long::compare).orElse(null));
        List<SourceSpan> sources = new ArrayList<>();
        ranked.forEach(p -> sources.addAll(p.sources()));
        b.sources(sources);
        return b.build();
    }

    static List<Paper> rank(List<Paper> parts) {
        List<Paper> ranked = new ArrayList<>(parts);
        ranked.sort(Comparator.comparingInt(RecordMerger::rankOf)); // stable: indexing order within a group
        return ranked;
    }

    private static int rankOf(Paper p) {
        boolean userKey = p.sources().stream().anyMatch(s -> s.format() == SourceFormat.BIBTEX) && !p.key().isEmpty();
        if (userKey) {
            return 0;
        }
        return p.key().isEmpty() ? 2 : 1;
    }

    private static String firstNonEmpty(List<Paper> ranked, Function<Paper, String> field) {
        for (Paper p : ranked) {
            String v = field.apply(p);
            if (!v.isEmpty()) {
                return v;
            }
        }
        return "";
    }

    private static List<String> union(List<Paper> ranked, Function<Paper, List<String>> field) {
        Set<String> all = new LinkedHashSet<>();
        ranked.forEach(p -> all.addAll(field.apply(p)));
        return new ArrayList<>(all);
    }
}
