package dev.paperlink.server.bibliography;

import dev.paperlink.corpus.model.Paper;
import dev.paperlink.corpus.source.RecordReader;
import dev.paperlink.corpus.source.RecordSink;
import dev.paperlink.corpus.source.Skip;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an edited BibTeX buffer changes against the version of the file in the index: the entries
 * whose text is new (read here, one by one, with the buffer's {@code @string} macros and
 * {@code crossref} parents), and the keys of indexed entries that no longer stand as they were
 * (hidden from the index's answers). Unchanged entries are found by the hash of their text, so
 * the cost is one pass over both tables plus reading the changed entries.
 *
 * @param papers      records of the new or changed entries, lines as in the buffer
 * @param hiddenKeys  keys (lower case) of indexed entries the buffer changed or removed
 * @param skips       what the changed entries could not load, lines as in the buffer
 * @param moved       for each baseline entry still in the buffer, its entry there (index pairs)
 */
public record BibOverlay(List<Paper> papers, Set<String> hiddenKeys, List<Skip> skips, Map<Integer, Integer> moved) {
    /** More changed entries than this: the buffer is read whole instead. */
    public static final int MAX_CHANGED = 2_000;
    private static final Pattern PARENT = Pattern.compile("(?i)\\b(?:crossref|xdata)\\s*=\\s*[{\"]\\s*([^}\",\\s]+)");

    /**
     * The overlay of {@code buffer} over {@code baseline}, or empty when it cannot be one: a
     * changed {@code @string} or {@code @preamble} (every entry may read differently), or more
     * than {@link #MAX_CHANGED} changed entries.
     */
    public static Optional<BibOverlay> of(BibChunks baseline, BibChunks buffer, String text, String file, RecordReader reader) {
        Map<Long, Integer> base = new HashMap<>(baseline.size() * 2);
        for (int i = 0; i < baseline.size(); i++) {
            base.putIfAbsent(baseline.hash(i), i);
        }
        Set<Long> now = new HashSet<>(buffer.size() * 2);
        List<Integer> changed = new ArrayList<>();
        Map<Integer, Integer> moved = new HashMap<>();
        for (int i = 0; i < buffer.size(); i++) {
            now.add(buffer.hash(i));
            Integer b = base.get(buffer.hash(i));
            if (b != null) {
                moved.putIfAbsent(b, i);
                continue;
            }
            switch (buffer.kind(i)) {
                case STRING, PREAMBLE -> {
                    return Optional.empty();
                }
                case ENTRY -> changed.add(i);
                case COMMENT -> { }
            }
        }
        Set<String> hidden = new HashSet<>();
        for (int i = 0; i < baseline.size(); i++) {
            if (!now.contains(baseline.hash(i))) {
                switch (baseline.kind(i)) {
                    case STRING, PREAMBLE -> {
                        return Optional.empty();
                    }
                    case ENTRY -> {
                        if (!baseline.key(i).isEmpty()) {
                            hidden.add(baseline.key(i).toLowerCase(Locale.ROOT));
                        }
                    }
                    case COMMENT -> { }
                }
            }
        }
        if (changed.size() > MAX_CHANGED) {
            return Optional.empty();
        }
        List<Paper> papers = new ArrayList<>();
        List<Skip> skips = new ArrayList<>();
        String macros = changed.isEmpty() ? "" : macros(buffer, text);
        for (int i : changed) {
            read(buffer, text, i, macros, file, reader, papers, skips);
        }
        return Optional.of(new BibOverlay(papers, hidden, skips, moved));
    }

    /**
     * Reads entry {@code i} alone: the buffer's macros and the entry's parents first, each on one
     * line, then blank lines so that the entry's lines are its lines in the buffer.
     */
    private static void read(BibChunks chunks, String text, int i, String macros, String file, RecordReader reader,
                             List<Paper> papers, List<Skip> skips) {
        String entry = text.substring(chunks.start(i), chunks.end(i));
        StringBuilder input = new StringBuilder(macros);
        Matcher m = PARENT.matcher(entry);
        while (m.find()) {
            int p = chunks.find(m.group(1));
            if (p >= 0 && p != i) {
                input.append(oneLine(text.substring(chunks.start(p), chunks.end(p)))).append('\n');
            }
        }
        int used = (int) input.chars().filter(c -> c == '\n').count();
        input.append("\n".repeat(Math.max(0, chunks.line(i) - used)));
        input.append(entry);
        String key = chunks.key(i);
        try {
            reader.read(file, new StringReader(input.toString()), new RecordSink() {
                @Override
                public void accept(Paper paper) {
                    if (paper.key().equalsIgnoreCase(key)) {
                        papers.add(paper); // not the parents read with it
                    }
                }

                @Override
                public void skip(Skip skip) {
                    skips.add(skip);
                }
            });
        } catch (IOException | RuntimeException e) {
            skips.add(new Skip(file, chunks.line(i) + 1, "reader error", "could not read the entry: " + e));
        }
    }

    private static String macros(BibChunks chunks, String text) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < chunks.size(); i++) {
            if (chunks.kind(i) == BibChunks.Kind.STRING) {
                sb.append(oneLine(text.substring(chunks.start(i), chunks.end(i)))).append('\n');
            }
        }
        return sb.toString();
    }

    private static String oneLine(String s) {
        return s.replace('\r', ' ').replace('\n', ' ');
    }
}
