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
 * @param moved       for a baseline entry, its entry in the buffer, or -1 when the buffer changed or removed it
 */
public record BibOverlay(List<Paper> papers, Set<String> hiddenKeys, List<Skip> skips, java.util.function.IntUnaryOperator moved) {
    /** More changed entries than this: the buffer is read whole instead. */
    public static final int MAX_CHANGED = 2_000;
    private static final Pattern PARENT = Pattern.compile("(?i)\\b(?:crossref|xdata)\\s*=\\s*[{\"]\\s*([^}\",\\s]+)");

    /** What was read of one changed entry: its records and skips, lines as in the buffer when it was read. */
    public record Read(List<Paper> papers, List<Skip> skips) {
    }

    /**
     * The overlay of {@code buffer} over {@code baseline}, or empty when it cannot be one: a
     * changed {@code @string} or {@code @preamble} (every entry may read differently), or more
     * than {@link #MAX_CHANGED} changed entries.
     *
     * @param baseIndex the first entry of {@code baseline} with each hash ({@link #index})
     * @param reads     what earlier versions of the buffer read of entries, by hash and line: reused
     *                  while an entry and its line are the same; new reads are added
     */
    public static Optional<BibOverlay> of(BibChunks baseline, Map<Long, Integer> baseIndex, BibChunks buffer, CharSequence text, String file,
                                          RecordReader reader, Map<List<Long>, Read> reads) {
        // Edits are local: the entries before the first difference and after the last one are the
        // same in both, and only the middle is compared by hash.
        int nb = buffer.size();
        int na = baseline.size();
        int pre = 0;
        while (pre < nb && pre < na && buffer.hash(pre) == baseline.hash(pre)) {
            pre++;
        }
        int suf = 0;
        while (suf < nb - pre && suf < na - pre && buffer.hash(nb - 1 - suf) == baseline.hash(na - 1 - suf)) {
            suf++;
        }
        int bufferEnd = nb - suf;
        int baseEnd = na - suf;
        Set<Long> now = new HashSet<>();
        List<Integer> changed = new ArrayList<>();
        Map<Integer, Integer> middle = new HashMap<>();
        for (int i = pre; i < bufferEnd; i++) {
            now.add(buffer.hash(i));
            Integer b = baseIndex.get(buffer.hash(i));
            if (b != null && b >= pre && b < baseEnd) {
                middle.putIfAbsent(b, i);
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
        for (int i = pre; i < baseEnd; i++) {
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
        List<Integer> unread = changed.stream().filter(i -> !reads.containsKey(List.of(buffer.hash(i), (long) buffer.line(i)))).toList();
        if (!unread.isEmpty()) {
            read(buffer, text, unread, file, reader, reads);
        }
        List<Paper> papers = new ArrayList<>();
        List<Skip> skips = new ArrayList<>();
        for (int i : changed) {
            Read r = reads.get(List.of(buffer.hash(i), (long) buffer.line(i)));
            if (r != null) {
                papers.addAll(r.papers());
                skips.addAll(r.skips());
            }
        }
        int shift = nb - na;
        int same = pre;
        java.util.function.IntUnaryOperator moved = b -> b < same ? b : b >= baseEnd ? b + shift : middle.getOrDefault(b, -1);
        return Optional.of(new BibOverlay(papers, hidden, skips, moved));
    }

    /** The first entry of a table with each hash. */
    public static Map<Long, Integer> index(BibChunks chunks) {
        Map<Long, Integer> m = new HashMap<>(chunks.size() * 2);
        for (int i = 0; i < chunks.size(); i++) {
            m.putIfAbsent(chunks.hash(i), i);
        }
        return m;
    }

    /**
     * Reads the changed entries in one pass: the buffer's macros and the entries' parents first,
     * each on one line, then each entry at its own line of the buffer (blank lines between), so
     * that records and skips have the buffer's lines. What each entry gave goes into {@code reads}.
     */
    private static void read(BibChunks chunks, CharSequence text, List<Integer> entries, String file, RecordReader reader,
                             Map<List<Long>, Read> reads) {
        StringBuilder input = new StringBuilder(macros(chunks, text));
        Set<Integer> parents = new java.util.TreeSet<>();
        Set<Integer> reading = new HashSet<>(entries);
        for (int i : entries) {
            Matcher m = PARENT.matcher(text.subSequence(chunks.start(i), chunks.end(i)).toString());
            while (m.find()) {
                int p = chunks.find(m.group(1));
                if (p >= 0 && !reading.contains(p)) {
                    parents.add(p);
                }
            }
        }
        for (int p : parents) {
            input.append(oneLine(text.subSequence(chunks.start(p), chunks.end(p)).toString())).append('\n');
        }
        int line = (int) input.chars().filter(c -> c == '\n').count();
        Map<String, Integer> byKey = new HashMap<>();
        for (int i : entries) {
            if (chunks.line(i) > line) {
                input.append("\n".repeat(chunks.line(i) - line));
                line = chunks.line(i);
            }
            String entry = text.subSequence(chunks.start(i), chunks.end(i)).toString();
            input.append(entry);
            if (!entry.endsWith("\n")) {
                input.append('\n');
            }
            line += (int) entry.chars().filter(c -> c == '\n').count() + (entry.endsWith("\n") ? 0 : 1);
            byKey.putIfAbsent(chunks.key(i).toLowerCase(Locale.ROOT), i);
        }
        Map<Integer, List<Paper>> papers = new HashMap<>();
        Map<Integer, List<Skip>> skips = new HashMap<>();
        try {
            reader.read(file, new StringReader(input.toString()), new RecordSink() {
                @Override
                public void accept(Paper paper) {
                    Integer i = byKey.get(paper.key().toLowerCase(Locale.ROOT));
                    if (i != null) { // not a parent read with them
                        papers.computeIfAbsent(i, k -> new ArrayList<>()).add(paper);
                    }
                }

                @Override
                public void skip(Skip skip) {
                    int i = chunks.entryAtLine(skip.line() - 1);
                    skips.computeIfAbsent(reading.contains(i) ? i : entries.get(0), k -> new ArrayList<>()).add(skip);
                }
            });
        } catch (IOException | RuntimeException e) {
            skips.computeIfAbsent(entries.get(0), k -> new ArrayList<>())
                    .add(new Skip(file, chunks.line(entries.get(0)) + 1, "reader error", "could not read the entries: " + e));
        }
        if (reads.size() > 4 * MAX_CHANGED) {
            reads.clear();
        }
        for (int i : entries) {
            reads.put(List.of(chunks.hash(i), (long) chunks.line(i)), new Read(List.copyOf(papers.getOrDefault(i, List.of())),
                    List.copyOf(skips.getOrDefault(i, List.of()))));
        }
    }

    private static String macros(BibChunks chunks, CharSequence text) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < chunks.size(); i++) {
            if (chunks.kind(i) == BibChunks.Kind.STRING) {
                sb.append(oneLine(text.subSequence(chunks.start(i), chunks.end(i)).toString())).append('\n');
            }
        }
        return sb.toString();
    }

    private static String oneLine(String s) {
        return s.replace('\r', ' ').replace('\n', ' ');
    }
}
