package dev.paperlink.corpus.source.hf;

import dev.paperlink.corpus.model.Author;
import dev.paperlink.corpus.model.Paper;
import dev.paperlink.corpus.model.PaperBuilder;
import dev.paperlink.corpus.model.SourceFormat;
import dev.paperlink.corpus.model.SourceSpan;
import dev.paperlink.corpus.source.Identifiers;
import dev.paperlink.corpus.source.RecordReader;
import dev.paperlink.corpus.source.RecordSink;
import dev.paperlink.corpus.source.Skip;
import dev.paperlink.corpus.source.arxiv.BoundedLineReader;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Hugging Face daily-papers page saved as plain text (what a browser's "select all, copy"
 * gives). The page is a header ("new", "Get trending papers in your email inbox!", "Subscribe",
 * "Daily Papers", "byAK and the research community", the page date) followed by records, each
 * separated by blank lines:
 *
 * <pre>
 * Title                                  one line
 * Abstract ...                           one long line (further long paragraphs are appended)
 *   • 6 authors                          optional meta block: "• N authors", "• Name, Name", or an
 * ·                                        organisation line ("spiralworks Spiral Works"), then "·",
 * Aug 30, 2023 4                           then the date ("Mon D" or "Mon D, YYYY") and the upvotes
 * </pre>
 *
 * <p>Classification is by line shape, never by position alone: page chrome lines are dropped
 * wherever they appear; a line of text right after a title is its abstract unless it is short and
 * the line after it is a long abstract (then the title had no abstract and is reported as a skip,
 * not turned into a paper); a short line directly before a "·" line is the organisation of the
 * record. arXiv ids are taken only from a line that is itself an arXiv id or an arxiv.org /
 * huggingface.co/papers URL: ids mentioned inside an abstract are citations of other papers.
 * Dates without a year keep their written form in {@code raw.date}; the year is filled in only when
 * the page itself states its year (a header date such as "Mar 13, 2024").
 */
public final class HfPageTextReader implements RecordReader {
    static final int MAX_LINE_CHARS = 1024 * 1024;
    private static final int MAX_ORG_CHARS = 200;

    private static final Set<String> CHROME = Set.of(
            "new", "subscribe", "daily papers", "get trending papers in your email inbox!",
            "get trending papers in your email inbox", "byak and the research community", "trending papers",
            "upvote", "submit paper", "load more", "previous", "next");
    private static final Pattern DATE = Pattern.compile(
            "(?i)(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\\.? (\\d{1,2})(?:, ?(\\d{4}))?(?:\\s+(\\d{1,9}))?");
    private static final Pattern NUMBER = Pattern.compile("\\d{1,9}");
    private static final Pattern AUTHOR_COUNT = Pattern.compile("(?i)(\\d{1,6})\\s+authors?");
    private static final Pattern ARXIV_LINE = Pattern.compile(
            "(?i)(?:arxiv:\\s*|https?://(?:www\\.)?(?:arxiv\\.org/(?:abs|pdf)|huggingface\\.co/papers)/)(\\S{1,40})");
    private static final Pattern NAME_SPLIT = Pattern.compile("\\s*,\\s*|\\s+and\\s+");

    private enum Kind { BLANK, CHROME, AUTHORS, DOT, DATE, NUMBER, ARXIV, TEXT }

    private record Line(int number, String text, Kind kind) {
    }

    public HfPageTextReader() {
    }

    @Override
    public void read(String file, Reader input, RecordSink sink) throws IOException {
        new Run(file, new BoundedLineReader(input, MAX_LINE_CHARS), sink).run();
    }

    /** The state of reading one file. */
    private static final class Run {
        private final String file;
        private final BoundedLineReader lines;
        private final RecordSink sink;
        private Line peeked;
        private Rec cur;
        private String pageDate = "";
        private int pageYear;
        private int pageMonth;
        private int pageDay;

        Run(String file, BoundedLineReader lines, RecordSink sink) {
            this.file = file;
            this.lines = lines;
            this.sink = sink;
        }

        void run() throws IOException {
            Line line;
            while ((line = nextNonBlank()) != null) {
                try {
                    handle(line);
                } catch (RuntimeException e) {
                    sink.skip(new Skip(file, line.number(), "invalid record", "cannot read line: " + e));
                    cur = null;
                }
            }
            finish();
        }

        private void handle(Line line) throws IOException {
            switch (line.kind()) {
                case CHROME, BLANK -> {
                }
                case TEXT -> text(line);
                case AUTHORS -> {
                    if (cur != null && !cur.title.isEmpty() && cur.authorsLine == null && cur.org == null && cur.date == null) {
                        cur.authorsLine = line.text();
                        cur.meta(line.number());
                        String text = line.text();
                        int dot = text.indexOf('·');
                        if (dot > 0) { // "• 6 authors · Aug 30, 2023 4" on one line
                            cur.authorsLine = text.substring(0, dot);
                            Matcher m = DATE.matcher(text.substring(dot + 1).strip());
                            if (m.matches()) {
                                cur.setDate(m);
                            }
                        }
                    } else {
                        stray(line);
                    }
                }
                case DOT -> {
                    if (cur != null && !cur.title.isEmpty()) {
                        cur.meta(line.number());
                    }
                }
                case DATE -> {
                    Matcher m = DATE.matcher(line.text());
                    if (!m.matches()) {
                        stray(line);
                    } else if (cur != null && cur.inMeta && cur.date == null) {
                        cur.setDate(m);
                        cur.meta(line.number());
                    } else {
                        // a date outside a record's meta block dates the page (the header date)
                        finish();
                        pageDate = line.text();
                        if (m.group(3) != null) {
                            pageYear = Integer.parseInt(m.group(3));
                            pageMonth = HfText.month(m.group(1));
                            pageDay = Integer.parseInt(m.group(2));
                        }
                    }
                }
                case NUMBER -> {
                    if (cur != null && cur.inMeta && cur.upvotes == null) {
                        cur.upvotes = Long.parseLong(line.text());
                        cur.meta(line.number());
                    } else {
                        stray(line);
                    }
                }
                case ARXIV -> {
                    String id = Identifiers.arxivId(line.text());
                    if (cur != null && !cur.title.isEmpty() && cur.arxivId.isEmpty() && !id.isEmpty()) {
                        cur.arxivId = id;
                        cur.endLine = line.number();
                    } else {
                        text(new Line(line.number(), line.text(), Kind.TEXT));
                    }
                }
            }
        }

        private void text(Line line) throws IOException {
            String s = line.text();
            if (cur != null && !cur.title.isEmpty() && cur.abstractText.length() > 0 && !cur.inMeta
                    && s.length() <= MAX_ORG_CHARS && peek() != null && peek().kind() == Kind.DOT) {
                cur.org = s;
                cur.meta(line.number());
                return;
            }
            if (cur == null || cur.inMeta) {
                finish();
                start(line);
                return;
            }
            if (cur.abstractText.isEmpty()) {
                Line next = peek();
                boolean nextIsAbstract = next != null && next.kind() == Kind.TEXT && abstractLike(next.text());
                if (!abstractLike(s) && nextIsAbstract) {
                    finish();
                    start(line);
                } else {
                    cur.abstractText.append(s);
                    cur.endLine = line.number();
                }
                return;
            }
            if (abstractLike(s)) {
                cur.abstractText.append(' ').append(s);
                cur.endLine = line.number();
            } else {
                finish();
                start(line);
            }
        }

        private void start(Line line) {
            if (abstractLike(line.text())) {
                sink.skip(new Skip(file, line.number(), "no title", "paragraph without a title: "
                        + abbreviate(line.text())));
                cur = null;
                return;
            }
            cur = new Rec(line.number(), line.text());
        }

        private void stray(Line line) {
            sink.skip(new Skip(file, line.number(), "stray line", "line outside any record: " + abbreviate(line.text())));
        }

        private void finish() {
            Rec r = cur;
            cur = null;
            if (r == null) {
                return;
            }
            if (r.abstractText.isEmpty() && !r.inMeta) {
                sink.skip(new Skip(file, r.startLine, "no abstract",
                        "title without abstract or metadata: " + abbreviate(r.title)));
                return;
            }
            sink.accept(r.toPaper());
        }

        private Line peek() throws IOException {
            if (peeked == null) {
                peeked = readNonBlank();
            }
            return peeked;
        }

        private Line nextNonBlank() throws IOException {
            if (peeked != null) {
                Line l = peeked;
                peeked = null;
                return l;
            }
            return readNonBlank();
        }

        private Line readNonBlank() throws IOException {
            String s;
            while ((s = lines.next()) != null) {
                if (lines.truncated()) {
                    sink.skip(new Skip(file, lines.lineNumber(), "line too long",
                            "line longer than " + MAX_LINE_CHARS + " characters, skipped"));
                    continue;
                }
                String t = HfText.collapse(s.replace('\u00a0', ' '));
                if (t.isEmpty()) {
                    continue;
                }
                return new Line(lines.lineNumber(), t, classify(t));
            }
            return null;
        }

        /** The record being read: title line, abstract, meta block. */
        private final class Rec {
            final int startLine;
            int endLine;
            final String title;
            final StringBuilder abstractText = new StringBuilder();
            String authorsLine;
            String org;
            Matcher date;
            String dateText;
            Long upvotes;
            String arxivId = "";
            boolean inMeta;

            Rec(int line, String title) {
                this.startLine = line;
                this.endLine = line;
                this.title = title;
            }

            void meta(int line) {
                inMeta = true;
                endLine = line;
            }

            void setDate(Matcher m) {
                date = m;
                dateText = m.group(1) + " " + m.group(2) + (m.group(3) == null ? "" : ", " + m.group(3));
                if (m.group(4) != null && upvotes == null) {
                    upvotes = Long.parseLong(m.group(4));
                }
            }

            Paper toPaper() {
                PaperBuilder b = Paper.builder().title(title).abstractText(abstractText.toString()).entryType("misc");
                if (authorsLine != null) {
                    String names = authorsLine.replaceFirst("^[•·*\\-]\\s*", "").strip();
                    Matcher count = AUTHOR_COUNT.matcher(names);
                    if (count.matches()) {
                        b.raw("authorCount", count.group(1));
                    } else {
                        for (String name : NAME_SPLIT.split(names)) {
                            Author a = HfText.author(name);
                            if (a != null) {
                                b.author(a);
                            }
                        }
                    }
                    b.raw("authors", authorsLine);
                }
                if (org != null) {
                    b.author(Author.literal(orgName(org)));
                    b.raw("organization", org);
                }
                if (date != null) {
                    b.raw("date", dateText);
                    int month = HfText.month(date.group(1));
                    int day = Integer.parseInt(date.group(2));
                    int year = 0;
                    if (date.group(3) != null) {
                        year = Integer.parseInt(date.group(3));
                    } else if (pageYear > 0) {
                        // a date without year is in the page's year, unless it lies after the page date
                        year = month > pageMonth || (month == pageMonth && day > pageDay) ? pageYear - 1 : pageYear;
                    }
                    if (year > 0) {
                        b.year(Integer.toString(year));
                        if (month >= 1 && day >= 1 && day <= 31) {
                            b.date(String.format(Locale.ROOT, "%04d-%02d-%02d", year, month, day));
                        }
                    }
                }
                if (upvotes != null) {
                    b.popularity(upvotes);
                    b.raw("upvotes", upvotes.toString());
                }
                if (!arxivId.isEmpty()) {
                    b.arxivId(arxivId).url("https://arxiv.org/abs/" + arxivId);
                }
                if (!pageDate.isEmpty()) {
                    b.raw("pageDate", pageDate);
                }
                b.raw("title", title);
                b.source(new SourceSpan(file, SourceFormat.HF_PAGE_TEXT, startLine, endLine, startLine, 0, ""));
                return b.build();
            }
        }
    }

    static Kind classify(String t) {
        if (t.isEmpty()) {
            return Kind.BLANK;
        }
        if (t.length() <= 60 && CHROME.contains(t.toLowerCase(Locale.ROOT))) {
            return Kind.CHROME;
        }
        if (t.equals("·") || t.equals("•")) {
            return Kind.DOT;
        }
        if (t.startsWith("•") && t.length() < 5000) {
            return Kind.AUTHORS;
        }
        if (t.length() <= 40 && DATE.matcher(t).matches()) {
            return Kind.DATE;
        }
        if (NUMBER.matcher(t).matches()) {
            return Kind.NUMBER;
        }
        if (t.length() <= 80 && ARXIV_LINE.matcher(t).matches() && !Identifiers.arxivId(t).isEmpty()) {
            return Kind.ARXIV;
        }
        return Kind.TEXT;
    }

    /** A line that reads like an abstract rather than a title: long, or a sentence ending with a period. */
    static boolean abstractLike(String s) {
        return s.length() > 300 || (s.length() >= 80 && s.endsWith("."));
    }

    /**
     * The display name of an organisation line. HF prints the organisation's handle and then its
     * name ("spiralworks Spiral Works", "Berkeley UC Berkeley"); the handle is dropped when the name
     * contains it.
     */
    static String orgName(String line) {
        String s = line.strip();
        int sp = s.indexOf(' ');
        if (sp <= 0) {
            return s;
        }
        String handle = s.substring(0, sp).toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
        String rest = s.substring(sp + 1).strip();
        String squashed = rest.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
        return !handle.isEmpty() && squashed.contains(handle) ? rest : s;
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
