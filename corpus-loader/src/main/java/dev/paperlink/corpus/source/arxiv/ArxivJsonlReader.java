package dev.paperlink.corpus.source.arxiv;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.paperlink.corpus.model.Author;
import dev.paperlink.corpus.model.Paper;
import dev.paperlink.corpus.model.PaperBuilder;
import dev.paperlink.corpus.model.SourceFormat;
import dev.paperlink.corpus.model.SourceSpan;
import dev.paperlink.corpus.source.Identifiers;
import dev.paperlink.corpus.source.RecordReader;
import dev.paperlink.corpus.source.RecordSink;
import dev.paperlink.corpus.source.Skip;
import dev.paperlink.corpus.source.latex.LatexToUnicode;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads arXiv metadata in the JSON-lines schema of the Kaggle {@code arxiv-metadata-oai-snapshot}
 * (one JSON object per line). Lines are read and parsed one at a time, so a multi-gigabyte snapshot
 * loads in memory bounded by the longest line (itself capped at {@link #MAX_LINE_CHARS}).
 */
public final class ArxivJsonlReader implements RecordReader {
    /** Lines longer than this are skipped without being held in memory. */
    static final int MAX_LINE_CHARS = 8 * 1024 * 1024;

    private static final ObjectReader JSON = new ObjectMapper().reader();
    /** "Mon, 2 Apr 2007 19:18:42 GMT": day, month, year. */
    private static final Pattern RFC_DATE = Pattern.compile("(\\d{1,2})\\s+([A-Za-z]{3})[a-z]*\\.?\\s+(\\d{4})");
    private static final Pattern ISO_DATE = Pattern.compile("^(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");
    private static final Pattern AUTHOR_SPLIT = Pattern.compile("\\s*,\\s*|\\s+and\\s+");
    private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
            "oct", "nov", "dec");

    /** The number of the first line read: 1, or more for the rest of a file read from the middle (what was appended to it). */
    private final int firstLine;

    public ArxivJsonlReader() {
        this(1);
    }

    public ArxivJsonlReader(int firstLine) {
        this.firstLine = firstLine;
    }

    @Override
    public void read(String file, Reader input, RecordSink sink) throws IOException {
        BoundedLineReader lines = new BoundedLineReader(input, MAX_LINE_CHARS, firstLine);
        String line;
        while ((line = lines.next()) != null) {
            int lineNumber = lines.lineNumber();
            if (lines.truncated()) {
                sink.skip(new Skip(file, lineNumber, "line too long",
                        "line longer than " + MAX_LINE_CHARS + " characters, skipped"));
                continue;
            }
            if (line.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (JsonProcessingException e) {
                sink.skip(new Skip(file, lineNumber, "invalid JSON", "invalid JSON: " + e.getOriginalMessage()));
                continue;
            } catch (RuntimeException e) {
                sink.skip(new Skip(file, lineNumber, "invalid JSON", "invalid JSON: " + e));
                continue;
            }
            if (node == null || !node.isObject()) {
                sink.skip(new Skip(file, lineNumber, "not an object", "line is not a JSON object"));
                continue;
            }
            if (!node.has("title") && node.path("metadata").isObject()) {
                // unarXive full-text lines carry the snapshot record under "metadata"
                node = node.get("metadata");
            }
            try {
                convert(file, lineNumber, node, sink);
            } catch (RuntimeException e) {
                sink.skip(new Skip(file, lineNumber, "invalid record", "cannot read record: " + e));
            }
        }
    }

    private static void convert(String file, int lineNumber, JsonNode node, RecordSink sink) {
        String rawTitle = text(node, "title");
        String title = display(rawTitle);
        if (title.isBlank()) {
            sink.skip(new Skip(file, lineNumber, "no title", "record without a title"));
            return;
        }
        PaperBuilder b = Paper.builder();
        b.title(title);
        String id = text(node, "id").strip();
        String arxivId = Identifiers.arxivId(id);
        b.arxivId(arxivId);
        if (!arxivId.isEmpty()) {
            b.url("https://arxiv.org/abs/" + arxivId);
        }
        b.abstractText(display(text(node, "abstract")));
        b.authors(authors(node));
        String[] date = date(node);
        b.date(date[0]).year(date[1]);
        b.doi(Identifiers.doiAsWritten(text(node, "doi")));
        String journalRef = display(text(node, "journal-ref"));
        b.venue(journalRef);
        b.entryType(journalRef.isEmpty() ? "misc" : "article");
        for (String category : text(node, "categories").split("\\s+")) {
            b.keyword(category);
        }
        b.source(SourceSpan.line(file, SourceFormat.ARXIV_JSONL, lineNumber));
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (field.getValue().isValueNode() && !field.getValue().isNull()) {
                b.raw(field.getKey(), field.getValue().asText());
            }
        }
        sink.accept(b.build());
    }

    /**
     * LaTeX to Unicode, then whitespace collapsed (whatever the converter does with it). Text without
     * any LaTeX markup skips the converter: most names and many titles are plain, and this keeps the
     * reader fast on multi-gigabyte snapshots.
     */
    static String display(String latex) {
        if (latex == null || latex.isEmpty()) {
            return "";
        }
        return collapse(needsLatex(latex) ? LatexToUnicode.convert(latex) : latex);
    }

    /** Whether a value has anything a LaTeX converter could change: commands, groups, math, ligature dashes and quotes. */
    static boolean needsLatex(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\', '{', '}', '$', '~', '^', '_', '&', '%', '#' -> {
                    return true;
                }
                case '-', '`', '\'' -> {
                    if (i + 1 < s.length() && s.charAt(i + 1) == c) {
                        return true;
                    }
                }
                default -> {
                }
            }
        }
        return false;
    }

    /** Runs of whitespace to one space, stripped; without a regular expression. */
    static String collapse(String s) {
        int n = s.length();
        StringBuilder sb = null;
        boolean space = false;
        int start = 0;
        while (start < n && Character.isWhitespace(s.charAt(start))) {
            start++;
        }
        for (int i = start; i < n; i++) {
            char c = s.charAt(i);
            boolean ws = Character.isWhitespace(c);
            if (sb == null) {
                if (ws && (c != ' ' || (i + 1 < n && Character.isWhitespace(s.charAt(i + 1))) || i + 1 == n)) {
                    sb = new StringBuilder(n);
                    sb.append(s, start, i);
                    space = true;
                }
                continue;
            }
            if (ws) {
                space = true;
            } else {
                if (space && !sb.isEmpty()) {
                    sb.append(' ');
                }
                space = false;
                sb.append(c);
            }
        }
        return sb == null ? s.substring(start) : sb.toString();
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || !v.isValueNode() ? "" : v.asText();
    }

    static List<Author> authors(JsonNode node) {
        List<Author> out = new ArrayList<>();
        JsonNode parsed = node.get("authors_parsed");
        if (parsed != null && parsed.isArray()) {
            for (JsonNode a : parsed) {
                if (!a.isArray() || a.isEmpty()) {
                    continue;
                }
                String family = display(a.path(0).asText(""));
                String given = display(a.path(1).asText(""));
                String suffix = display(a.path(2).asText(""));
                if (family.isEmpty() && given.isEmpty()) {
                    continue;
                }
                out.add(new Author(family, given, "", suffix, ""));
            }
        }
        if (out.isEmpty()) {
            // collapsed first: on a long run of blanks the split's "\s*," tried every position to the run's end
            for (String name : AUTHOR_SPLIT.split(collapse(text(node, "authors")))) {
                String n = display(name);
                if (n.isEmpty()) {
                    continue;
                }
                int sp = n.lastIndexOf(' ');
                out.add(sp < 0 ? Author.person(n, "") : Author.person(n.substring(sp + 1), n.substring(0, sp)));
            }
        }
        return out;
    }

    /** {date, year}: the creation date of v1 (or of the first version), else update_date. */
    static String[] date(JsonNode node) {
        JsonNode versions = node.get("versions");
        if (versions != null && versions.isArray() && !versions.isEmpty()) {
            JsonNode chosen = versions.get(0);
            for (JsonNode v : versions) {
                if ("v1".equals(v.path("version").asText(""))) {
                    chosen = v;
                    break;
                }
            }
            String iso = rfcToIso(chosen.path("created").asText(""));
            if (!iso.isEmpty()) {
                return new String[] {iso, iso.substring(0, 4)};
            }
        }
        Matcher m = ISO_DATE.matcher(text(node, "update_date").strip());
        if (m.find()) {
            return new String[] {m.group(), m.group(1)};
        }
        return new String[] {"", ""};
    }

    static String rfcToIso(String created) {
        Matcher m = RFC_DATE.matcher(created);
        if (!m.find()) {
            return "";
        }
        int month = MONTHS.indexOf(m.group(2).toLowerCase(Locale.ROOT)) + 1;
        int day = Integer.parseInt(m.group(1));
        if (month == 0 || day < 1 || day > 31) {
            return "";
        }
        return String.format(Locale.ROOT, "%s-%02d-%02d", m.group(3), month, day);
    }
}
