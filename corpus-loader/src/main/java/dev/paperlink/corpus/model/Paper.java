package dev.paperlink.corpus.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One paper, as PaperLink knows it: the unit that is indexed, completed, hovered and linked to.
 *
 * <p>All text fields hold <em>display</em> values: LaTeX converted to Unicode, case-protecting
 * braces removed, whitespace collapsed. The values as written in the source are kept apart in
 * {@link #raw()} (field name to raw value, e.g. {@code title -> "{BERT}: Pre-training of ..."}).
 * Absent values are empty strings, empty lists or {@code null} for numbers, never null for
 * strings or lists.
 *
 * @param id         stable id: {@code arxiv:ID}, {@code doi:DOI}, or {@code key:KEY}; the index updates by it
 * @param key        the citation key (written by the user, or generated, see {@code CitationKeys})
 * @param aliases    every other key this paper is known by (other sources, other bib files)
 * @param year       four-digit year, or empty
 * @param date       ISO-8601 date as precise as known ({@code 2017}, {@code 2017-06}, {@code 2017-06-12}), or empty
 * @param entryType  BibTeX-style type in lower case: {@code article}, {@code inproceedings}, {@code misc}...
 * @param popularity a popularity signal where the source has one (HF upvotes, citation counts), or null
 * @param sources    provenance of every record merged into this paper, first the one that gave the key
 * @param raw        raw field values as written in the (first) source
 */
public record Paper(
        String id,
        String key,
        List<String> aliases,
        String title,
        List<Author> authors,
        String year,
        String date,
        String venue,
        String entryType,
        String abstractText,
        String doi,
        String arxivId,
        String url,
        List<String> files,
        List<String> keywords,
        Long popularity,
        List<SourceSpan> sources,
        Map<String, String> raw) {

    public Paper {
        id = nz(id);
        key = nz(key);
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        title = nz(title);
        authors = authors == null ? List.of() : List.copyOf(authors);
        year = nz(year);
        date = nz(date);
        venue = nz(venue);
        entryType = nz(entryType);
        abstractText = nz(abstractText);
        doi = nz(doi);
        arxivId = nz(arxivId);
        url = nz(url);
        files = files == null ? List.of() : List.copyOf(files);
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        sources = sources == null ? List.of() : List.copyOf(sources);
        // sorted by field name: the same record always shows its raw fields in the same order
        raw = raw == null || raw.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(raw));
    }

    public static PaperBuilder builder() {
        return new PaperBuilder();
    }

    public PaperBuilder toBuilder() {
        return new PaperBuilder(this);
    }

    /** This paper under another id, key and aliases; nothing else is copied. */
    public Paper withIdentity(String newId, String newKey, List<String> newAliases) {
        return new Paper(newId, newKey, newAliases, title, authors, year, date, venue, entryType, abstractText, doi,
                arxivId, url, files, keywords, popularity, sources, raw);
    }

    /** The first source, the one that gave the key. */
    public Optional<SourceSpan> primarySource() {
        return sources.isEmpty() ? Optional.empty() : Optional.of(sources.get(0));
    }

    /** Every key: the key first, then the aliases. */
    public List<String> allKeys() {
        if (aliases.isEmpty()) {
            return key.isEmpty() ? List.of() : List.of(key);
        }
        java.util.ArrayList<String> all = new java.util.ArrayList<>();
        if (!key.isEmpty()) {
            all.add(key);
        }
        all.addAll(aliases);
        return all;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
