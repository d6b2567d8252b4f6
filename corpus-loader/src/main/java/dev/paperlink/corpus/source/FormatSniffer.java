package dev.paperlink.corpus.source;

import dev.paperlink.corpus.model.SourceFormat;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Recognises a source format from a file's extension and its first characters. This is the one
 * place where content heuristics live; each is written to say no to look-alikes (a README.txt, a
 * package.json, a CSL test fixture) rather than to guess.
 */
public final class FormatSniffer {
    private static final Pattern HF_UPVOTES = Pattern.compile("(?m)^\\s*•\\s*\\d+\\s+authors?\\b|(?m)^\\s*\\d+\\s*$");
    private static final Pattern BBT_LABEL = Pattern.compile("\"label\"\\s*:\\s*\"Better ?BibTeX JSON\"");
    private static final Pattern HF_HEADER = Pattern.compile("Get trending papers in your email inbox|byAK and the research community");

    private FormatSniffer() {
    }

    public static Optional<SourceFormat> sniff(String ext, String head) {
        String h = head.stripLeading();
        switch (ext) {
            case "yaml", "yml" -> {
                return looksLikeCslYaml(h) ? Optional.of(SourceFormat.CSL_YAML)
                        : looksLikeHayagriva(head) ? Optional.of(SourceFormat.HAYAGRIVA) : Optional.empty();
            }
            case "txt", "" -> {
                return looksLikeHfPage(h) ? Optional.of(SourceFormat.HF_PAGE_TEXT) : Optional.empty();
            }
            default -> {
                return sniffJson(h);
            }
        }
    }

    private static Optional<SourceFormat> sniffJson(String h) {
        if (h.startsWith("{") && h.contains("\"authors_parsed\"")) {
            return Optional.of(SourceFormat.ARXIV_JSONL);
        }
        if (h.startsWith("{") && firstLineIsObject(h) && h.contains("\"id\"") && h.contains("\"abstract\"")
                && (h.contains("\"versions\"") || h.contains("\"categories\""))) {
            return Optional.of(SourceFormat.ARXIV_JSONL);
        }
        if (h.startsWith("{") && h.contains("\"items\"") && (h.contains("\"itemType\"") || h.contains("\"config\"")
                || h.contains("\"collections\""))) {
            return Optional.of(SourceFormat.ZOTERO_JSON);
        }
        if (h.startsWith("{") && h.contains("\"config\"") && BBT_LABEL.matcher(h).find()) {
            // a Better BibTeX library whose config (preferences) fills the sniffed head before "items"
            return Optional.of(SourceFormat.ZOTERO_JSON);
        }
        if ((h.contains("\"upvotes\"") || h.contains("\"publishedAt\"")) && (h.contains("\"summary\"") || h.contains("\"abstract\""))
                && h.contains("\"title\"")) {
            return Optional.of(SourceFormat.HF_JSON);
        }
        if ((h.startsWith("[") || h.startsWith("{")) && h.contains("\"type\"")
                && (h.contains("\"title\"") || h.contains("\"issued\"") || h.contains("\"author\"") || h.contains("\"id\""))) {
            return Optional.of(SourceFormat.CSL_JSON);
        }
        if (h.startsWith("[") && h.contains("\"id\"") && (h.contains("\"title\"") || h.contains("\"issued\"") || h.contains("\"author\""))) {
            // CSL-JSON items without a "type" (allowed by CSL processors, common in the CSL test suite)
            return Optional.of(SourceFormat.CSL_JSON);
        }
        return Optional.empty();
    }

    private static boolean firstLineIsObject(String h) {
        int nl = h.indexOf('\n');
        String line = (nl < 0 ? h : h.substring(0, nl)).strip();
        return line.startsWith("{") && line.endsWith("}");
    }

    private static boolean looksLikeCslYaml(String h) {
        return (h.startsWith("-") || h.startsWith("---") || h.startsWith("references:"))
                && h.contains("type:") && (h.contains("title:") || h.contains("id:"));
    }

    /**
     * Hayagriva (Typst's bibliography YAML): a map of keys to entries, the first key at the start of
     * a line with nothing after its colon, and an indented {@code type:} or {@code title:} among the
     * next {@value #HAYAGRIVA_LINES} lines of its entry. One pass over the lines (no backtracking).
     */
    private static boolean looksLikeHayagriva(String head) {
        String[] lines = head.split("\r?\n", -1);
        int i = 0;
        while (i < lines.length && (lines[i].isBlank() || lines[i].stripLeading().startsWith("#") || lines[i].startsWith("\uFEFF"))) {
            i++;
        }
        if (i >= lines.length || !HAYAGRIVA_KEY.matcher(lines[i]).matches()) {
            return false;
        }
        for (int k = i + 1; k < lines.length && k <= i + HAYAGRIVA_LINES; k++) {
            String l = lines[k];
            if (!l.isEmpty() && !Character.isWhitespace(l.charAt(0))) {
                return false; // the next key: the first entry had neither
            }
            String t = l.strip();
            if (t.startsWith("type:") || t.startsWith("title:")) {
                return true;
            }
        }
        return false;
    }

    private static final int HAYAGRIVA_LINES = 40;
    /** A top-level key alone on its line: {@code key:}, {@code "odd key":}, a comment after it allowed. */
    private static final Pattern HAYAGRIVA_KEY = Pattern.compile("(?:\"[^\"]+\"|'[^']+'|[^\\s#:\\-'\"][^:]*+):[ \\t]*+(?:#.*+)?");

    private static boolean looksLikeHfPage(String h) {
        if (HF_HEADER.matcher(h).find()) {
            return true;
        }
        return h.contains("upvote") && HF_UPVOTES.matcher(h).find();
    }
}
