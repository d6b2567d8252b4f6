package dev.paperlink.server.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code paperlink} settings section as it comes over the wire (initializationOptions,
 * didChangeConfiguration, workspace/configuration): every field optional, camelCase. Unknown
 * fields are ignored so that newer clients do not break older servers.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ServerOptions(Object corpus, String indexDir, String insertionStyle, String latexCommand,
                            String titleCompletion, Hover hover, Completion completion, Related related,
                            Bibliography bibliography, Diagnostics diagnostics, Object zotero) {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Hover(Integer abstractMaxChars) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Completion(Integer limit) {
    }

    /** {@code related.inCompletion}, {@code related.paragraphWeight}, {@code related.embeddings}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Related(Boolean inCompletion, Double paragraphWeight, Boolean embeddings) {
    }

    /** {@code bibliography.target}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Bibliography(String target) {
    }

    /** {@code diagnostics.unusedEntries}: true, false or "auto". */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Diagnostics(Object unusedEntries) {
    }

    /** Reads the settings section from JSON text ({@code null}/empty gives all-absent options). */
    public static ServerOptions fromJson(String json) {
        if (json == null || json.isBlank() || json.strip().equals("null")) {
            return new ServerOptions(null, null, null, null, null, null, null, null, null, null, null);
        }
        try {
            return JSON.readValue(json, ServerOptions.class);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IllegalArgumentException("bad paperlink settings: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * The one place where wire options become a config: absent fields keep the value of
     * {@code base} (the command line's settings, or the defaults); bad values are reported in
     * {@code problems} and ignored.
     */
    public ServerConfig resolve(ServerConfig base, List<String> problems) {
        ServerConfig c = base;
        Object corpusPaths = corpus instanceof java.util.Map<?, ?> m ? m.get("paths") : corpus;
        if (corpus instanceof java.util.Map<?, ?>) {
            solr(problems); // reported here, applied by the server (the shared corpus is one per process)
        }
        if (corpusPaths != null) {
            Object corpus = corpusPaths;
            List<String> paths = new ArrayList<>();
            if (corpus instanceof String s) {
                paths.add(s);
            } else if (corpus instanceof List<?> list) {
                for (Object o : list) {
                    if (o instanceof String s) {
                        paths.add(s);
                    } else {
                        problems.add("paperlink.corpus: ignoring a non-string entry " + o);
                    }
                }
            } else {
                problems.add("paperlink.corpus must be a path or a list of paths");
            }
            if (!paths.isEmpty() || corpus instanceof List<?>) {
                c = c.withCorpus(paths);
            }
        }
        if (indexDir != null && !indexDir.isBlank()) {
            c = c.withIndexDir(Path.of(expandHome(indexDir)));
        }
        if (insertionStyle != null) {
            try {
                c = c.withInsertionStyle(ServerConfig.InsertionStyle.fromWire(insertionStyle));
            } catch (IllegalArgumentException e) {
                problems.add("paperlink." + e.getMessage());
            }
        }
        if (latexCommand != null) {
            c = new ServerConfig(c.corpus(), c.indexDir(), c.insertionStyle(), latexCommand, c.titleCompletion(),
                    c.abstractMaxChars(), c.completionLimit(), c.related(), c.bibliography(), c.unusedEntries(), c.zotero());
        }
        if (titleCompletion != null) {
            try {
                c = c.withTitleCompletion(ServerConfig.TitleCompletion.fromWire(titleCompletion));
            } catch (IllegalArgumentException e) {
                problems.add("paperlink." + e.getMessage());
            }
        }
        if (hover != null && hover.abstractMaxChars() != null) {
            c = c.withAbstractMaxChars(hover.abstractMaxChars());
        }
        if (completion != null && completion.limit() != null) {
            c = c.withCompletionLimit(completion.limit());
        }
        if (related != null) {
            ServerConfig.Related r = c.related();
            if (related.paragraphWeight() != null && !(related.paragraphWeight() >= 0 && related.paragraphWeight() <= 1)) {
                problems.add("paperlink.related.paragraphWeight must be from 0 to 1: " + related.paragraphWeight());
            }
            c = c.withRelated(new ServerConfig.Related(related.inCompletion() != null ? related.inCompletion() : r.inCompletion(),
                    related.paragraphWeight() != null && related.paragraphWeight() >= 0 && related.paragraphWeight() <= 1
                            ? related.paragraphWeight().floatValue() : r.paragraphWeight(),
                    related.embeddings() != null ? related.embeddings() : r.embeddings()));
        }
        if (bibliography != null && bibliography.target() != null) {
            c = c.withBibliography(new ServerConfig.Bibliography(bibliography.target()));
        }
        if (diagnostics != null && diagnostics.unusedEntries() != null) {
            Object u = diagnostics.unusedEntries();
            switch (String.valueOf(u).toLowerCase(java.util.Locale.ROOT)) {
                case "true", "on" -> c = c.withUnusedEntries(ServerConfig.UnusedEntries.ON);
                case "false", "off" -> c = c.withUnusedEntries(ServerConfig.UnusedEntries.OFF);
                case "auto" -> c = c.withUnusedEntries(ServerConfig.UnusedEntries.AUTO);
                default -> problems.add("paperlink.diagnostics.unusedEntries must be true, false or \"auto\": " + u);
            }
        }
        if (zotero != null) {
            c = c.withZotero(ZoteroSetting.resolve(zotero, c.zotero(), problems));
        }
        return c;
    }

    /**
     * {@code paperlink.corpus.solr}: {@code {"urls": [...], "collection": "papers"}}, the team's shared
     * corpus on SolrCloud (docs/team-corpus.md), when {@code paperlink.corpus} is an object
     * ({@code {"paths": [...], "solr": {...}}}). Credentials never come from here: only from the
     * environment ({@code PAPERLINK_SOLR_CREDENTIALS}, {@code PAPERLINK_SOLR_CREDENTIALS_FILE}).
     */
    public java.util.Optional<dev.paperlink.corpus.solr.SolrSettings> solr(List<String> problems) {
        if (!(corpus instanceof java.util.Map<?, ?> m) || m.get("solr") == null) {
            return java.util.Optional.empty();
        }
        if (!(m.get("solr") instanceof java.util.Map<?, ?> solr)) {
            problems.add("paperlink.corpus.solr must be an object {urls: [...], collection: \"papers\"}");
            return java.util.Optional.empty();
        }
        List<String> urls = new ArrayList<>();
        Object u = solr.get("urls");
        if (u instanceof String one) {
            urls.add(one);
        } else if (u instanceof List<?> list) {
            list.stream().filter(String.class::isInstance).map(String.class::cast).forEach(urls::add);
        }
        if (urls.isEmpty()) {
            problems.add("paperlink.corpus.solr.urls must name at least one Solr node");
            return java.util.Optional.empty();
        }
        Object collection = solr.get("collection");
        return java.util.Optional.of(dev.paperlink.corpus.solr.SolrSettings.of(urls, collection instanceof String c ? c : null));
    }

    public static String expandHome(String p) {
        return p.equals("~") || p.startsWith("~/") ? dev.paperlink.corpus.CorpusPaths.home() + p.substring(1) : p;
    }
}
