package dev.paperlink.corpus.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Mutable builder for {@link Paper}; readers fill one per record. */
public final class PaperBuilder {
    private String id = "";
    private String key = "";
    private final List<String> aliases = new ArrayList<>();
    private String title = "";
    private final List<Author> authors = new ArrayList<>();
    private String year = "";
    private String date = "";
    private String venue = "";
    private String entryType = "";
    private String abstractText = "";
    private String doi = "";
    private String arxivId = "";
    private String url = "";
    private final List<String> files = new ArrayList<>();
    private final List<String> keywords = new ArrayList<>();
    private Long popularity;
    private final List<SourceSpan> sources = new ArrayList<>();
    private final Map<String, String> raw = new LinkedHashMap<>();

    PaperBuilder() {
    }

    PaperBuilder(Paper p) {
        id = p.id();
        key = p.key();
        aliases.addAll(p.aliases());
        title = p.title();
        authors.addAll(p.authors());
        year = p.year();
        date = p.date();
        venue = p.venue();
        entryType = p.entryType();
        abstractText = p.abstractText();
        doi = p.doi();
        arxivId = p.arxivId();
        url = p.url();
        files.addAll(p.files());
        keywords.addAll(p.keywords());
        popularity = p.popularity();
        sources.addAll(p.sources());
        raw.putAll(p.raw());
    }

    public PaperBuilder id(String v) { id = v; return this; }
    public PaperBuilder key(String v) { key = v; return this; }
    public PaperBuilder alias(String v) { if (v != null && !v.isBlank() && !aliases.contains(v)) aliases.add(v); return this; }
    public PaperBuilder aliases(List<String> v) { aliases.clear(); v.forEach(this::alias); return this; }
    public PaperBuilder title(String v) { title = v; return this; }
    public PaperBuilder author(Author v) { authors.add(v); return this; }
    public PaperBuilder authors(List<Author> v) { authors.clear(); authors.addAll(v); return this; }
    public PaperBuilder year(String v) { year = v; return this; }
    public PaperBuilder date(String v) { date = v; return this; }
    public PaperBuilder venue(String v) { venue = v; return this; }
    public PaperBuilder entryType(String v) { entryType = v; return this; }
    public PaperBuilder abstractText(String v) { abstractText = v; return this; }
    public PaperBuilder doi(String v) { doi = v; return this; }
    public PaperBuilder arxivId(String v) { arxivId = v; return this; }
    public PaperBuilder url(String v) { url = v; return this; }
    public PaperBuilder file(String v) { if (v != null && !v.isBlank()) files.add(v); return this; }
    public PaperBuilder files(List<String> v) { files.clear(); files.addAll(v); return this; }
    public PaperBuilder keyword(String v) { if (v != null && !v.isBlank() && !keywords.contains(v.strip())) keywords.add(v.strip()); return this; }
    public PaperBuilder keywords(List<String> v) { keywords.clear(); v.forEach(this::keyword); return this; }
    public PaperBuilder popularity(Long v) { popularity = v; return this; }
    public PaperBuilder source(SourceSpan v) { sources.add(v); return this; }
    public PaperBuilder sources(List<SourceSpan> v) { sources.clear(); sources.addAll(v); return this; }
    public PaperBuilder raw(String field, String value) { if (value != null) raw.put(field, value); return this; }
    public PaperBuilder raws(Map<String, String> v) { raw.clear(); raw.putAll(v); return this; }

    public String key() { return key; }
    public String title() { return title; }

    public Paper build() {
        return new Paper(id, key, aliases, title, authors, year, date, venue, entryType, abstractText, doi,
                arxivId, url, files, keywords, popularity, sources, raw);
    }
}
