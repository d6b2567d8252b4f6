package dev.paperlink.corpus.write;

import dev.paperlink.corpus.model.Paper;
import dev.paperlink.corpus.model.SourceFormat;
import dev.paperlink.corpus.source.Identifiers;
import dev.paperlink.corpus.source.Readers;
import dev.paperlink.corpus.source.RecordSink;
import dev.paperlink.corpus.source.Skip;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where and how a paper goes into an existing bibliography file without reformatting it: the
 * entry is written in the file's format with its line endings and indentation ({@link Layout})
 * and appended (BibTeX, YAML), or inserted as the last element of a CSL-JSON file's top-level
 * array. The file's keys are read with the project's own readers: a key already there is never
 * added again, whether it names this paper ({@link AppendPlan.Present}) or another
 * ({@link AppendPlan.Taken}).
 */
public final class Appender {
    private static final Pattern YAML_ITEM = Pattern.compile("(?m)^([ \\t]*)- ");
    private static final Pattern HAYAGRIVA_KEY = Pattern.compile("(?m)^(\"(?:[^\"\\\\]|\\\\.)*\"|[^\\s#\"'][^:\\n]*?):[ \\t]*$");

    private Appender() {
    }

    public static AppendPlan plan(String text, EntryFormat format, Paper paper) {
        Optional<Paper> same = existing(text, format, paper.key());
        if (same.isPresent()) {
            Paper other = same.get();
            return samePaper(other, paper) ? new AppendPlan.Present(other.key()) : new AppendPlan.Taken(other.key(), other.title());
        }
        Layout layout = Layout.detect(text, format);
        return switch (format) {
            case BIBTEX, BIBLATEX -> atEnd(text, layout, BibtexWriter.entry(paper, format == EntryFormat.BIBLATEX, layout));
            case HAYAGRIVA -> atEnd(text, layout, HayagrivaWriter.entry(paper, layout));
            case CSL_YAML -> yaml(text, layout, paper);
            case CSL_JSON -> json(text, layout, paper);
        };
    }

    /** The entry after the file's last line, a blank line between them. */
    private static AppendPlan atEnd(String text, Layout layout, String entry) {
        String eol = layout.eol();
        if (text.isBlank()) {
            return new AppendPlan.Insert(text.length(), entry);
        }
        String sep = !text.endsWith("\n") ? eol + eol : text.endsWith("\n\n") || text.endsWith("\r\n\r\n") ? "" : eol;
        return new AppendPlan.Insert(text.length(), sep + entry);
    }

    private static AppendPlan yaml(String text, Layout layout, Paper paper) {
        if (text.isBlank()) {
            return new AppendPlan.Insert(text.length(), layout.lines("references:\n") + CslWriter.yaml(paper, "", layout));
        }
        Matcher m = YAML_ITEM.matcher(text);
        String base = m.find() ? m.group(1) : "";
        int at = text.length();
        Matcher end = Pattern.compile("(?m)^\\.\\.\\.[ \\t]*\\R?\\s*\\z").matcher(text);
        if (end.find()) {
            at = end.start(); // before the document end marker
        }
        String before = text.substring(0, at);
        String sep = before.endsWith("\n") ? "" : layout.eol();
        return new AppendPlan.Insert(at, sep + CslWriter.yaml(paper, base, layout));
    }

    private static AppendPlan json(String text, Layout layout, Paper paper) {
        String eol = layout.eol();
        if (text.isBlank()) {
            return new AppendPlan.Insert(text.length(), "[" + eol + layout.indent() + CslWriter.json(paper, layout.indent(), layout) + eol + "]" + eol);
        }
        int close = lastNonBlank(text, text.length());
        if (close < 0 || text.charAt(close) != ']' || text.stripLeading().charAt(0) != '[') {
            return new AppendPlan.Unusable("the file is not a CSL-JSON array");
        }
        int prev = lastNonBlank(text, close);
        int open = text.indexOf('[');
        int firstItem = text.indexOf('{', open);
        String base = firstItem < 0 ? layout.indent() : leading(text, firstItem);
        boolean compact = firstItem >= 0 && text.lastIndexOf('\n', firstItem) < open; // "[{" on one line
        if (compact) {
            base = "";
        }
        String field = layout.indent().length() > base.length() && layout.indent().startsWith(base)
                ? layout.indent().substring(base.length()) : layout.indent();
        Layout items = new Layout(eol, field, 0);
        String item = CslWriter.json(paper, base, items);
        if (prev == open) { // an empty array
            return new AppendPlan.Insert(open + 1, eol + base + item + eol);
        }
        return new AppendPlan.Insert(prev + 1, "," + (compact ? " " : eol + base) + item);
    }

    private static int lastNonBlank(String text, int before) {
        int i = before - 1;
        while (i >= 0 && Character.isWhitespace(text.charAt(i))) {
            i--;
        }
        return i;
    }

    /** The blanks that start the line of {@code offset}, when only blanks stand before it there. */
    private static String leading(String text, int offset) {
        int lineStart = text.lastIndexOf('\n', offset - 1) + 1;
        String head = text.substring(lineStart, offset);
        return head.isBlank() ? head : "";
    }

    /** The record of the file whose key is {@code key} ignoring case, read with the project's readers. */
    static Optional<Paper> existing(String text, EntryFormat format, String key) {
        if (text.isBlank()) {
            return Optional.empty();
        }
        if (format == EntryFormat.HAYAGRIVA) {
            Matcher m = HAYAGRIVA_KEY.matcher(text);
            while (m.find()) {
                String k = m.group(1).startsWith("\"") ? m.group(1).substring(1, m.group(1).length() - 1) : m.group(1).strip();
                if (k.equalsIgnoreCase(key)) {
                    return Optional.of(Paper.builder().key(k).title(hayagrivaTitle(text, m.end())).build());
                }
            }
            return Optional.empty();
        }
        SourceFormat source = switch (format) {
            case BIBTEX, BIBLATEX -> SourceFormat.BIBTEX;
            case CSL_JSON -> SourceFormat.CSL_JSON;
            default -> SourceFormat.CSL_YAML;
        };
        Paper[] found = {null};
        try {
            Readers.forFormat(source).read("existing", new StringReader(text), new RecordSink() {
                @Override
                public void accept(Paper p) {
                    if (found[0] == null && p.key().equalsIgnoreCase(key)) {
                        found[0] = p;
                    }
                }

                @Override
                public void skip(Skip skip) {
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringReader does not fail
        }
        return Optional.ofNullable(found[0]);
    }

    private static String hayagrivaTitle(String text, int from) {
        Matcher t = Pattern.compile("(?m)^[ \\t]+title:[ \\t]*(.*)$").matcher(text);
        return t.find(from) ? t.group(1).replaceAll("^\"|\"$", "") : "";
    }

    /** The same paper: the same DOI or arXiv id, else the same title. */
    static boolean samePaper(Paper a, Paper b) {
        if (!a.doi().isEmpty() && !b.doi().isEmpty()) {
            return a.doi().equalsIgnoreCase(b.doi());
        }
        if (!a.arxivId().isEmpty() && !b.arxivId().isEmpty()) {
            return a.arxivId().equals(b.arxivId());
        }
        String ta = Identifiers.normalizedTitle(a.title());
        return !ta.isEmpty() && ta.equals(Identifiers.normalizedTitle(b.title()));
    }
}
