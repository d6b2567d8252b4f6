package dev.paperlink.server.render;

import dev.paperlink.corpus.model.Author;
import dev.paperlink.corpus.model.Paper;
import dev.paperlink.corpus.model.ShownText;
import dev.paperlink.corpus.model.SourceSpan;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Papers as text: the Markdown card of hovers and completion documentation, and the short
 * detail line of completion items. Everything taken from the corpus is escaped
 * ({@link Markdown#escape}); only links we build ourselves are links.
 */
public final class CitationFormatter {
    static final int MAX_AUTHORS = 5;

    private CitationFormatter() {
    }

    /** "Vaswani, A., Shazeer, N., ... et al. (2017)": authors abbreviated after five, then the year. Plain text. */
    public static String detail(Paper p) {
        String authors = authors(p.authors());
        String year = p.year().isEmpty() ? "" : "(" + p.year() + ")";
        return ShownText.forEditor((authors + " " + year).strip(), ShownText.EDITOR_MAX);
    }

    /** A record's text for one line of an editor's list: controls dropped, at most {@link ShownText#EDITOR_MAX} characters. */
    public static String plain(String s) {
        return ShownText.forEditor(s, ShownText.EDITOR_MAX);
    }

    public static String authors(List<Author> authors) {
        List<Author> people = authors.stream().filter(a -> !a.isOthers()).toList();
        boolean others = people.size() < authors.size();
        String shown = people.stream().limit(MAX_AUTHORS).map(Author::shortName).collect(Collectors.joining("; "));
        if (people.size() > MAX_AUTHORS || (others && !people.isEmpty())) {
            shown += " et al.";
        }
        return shown;
    }

    /**
     * The Markdown card of a paper: title, authors, year and venue, links, the abstract (up to
     * {@code abstractMaxChars}, 0 for none) and where the record came from.
     */
    public static String card(Paper p, int abstractMaxChars) {
        return card(p, abstractMaxChars, FileExistence.NONE);
    }

    /** The card, with a Zotero item's attachment files that {@code files} says exist ("Open PDF"). */
    public static String card(Paper p, int abstractMaxChars, FileExistence files) {
        StringBuilder sb = new StringBuilder();
        sb.append("**").append(Markdown.escape(plain(p.title().isEmpty() ? p.key() : p.title()))).append("**\n\n");
        String authors = plain(authors(p.authors()));
        StringBuilder line = new StringBuilder(Markdown.escape(authors));
        if (!p.year().isEmpty()) {
            line.append(line.isEmpty() ? "" : " ").append("(").append(Markdown.escape(p.year())).append(")");
        }
        if (!p.venue().isEmpty()) {
            line.append(line.isEmpty() ? "" : ". ").append("*").append(Markdown.escape(plain(p.venue()))).append("*");
        }
        if (!line.isEmpty()) {
            sb.append(line).append("\n\n");
        }
        List<PaperLinks.Link> links = PaperLinks.of(p, files);
        if (!links.isEmpty()) {
            sb.append(links.stream().map(l -> Markdown.link(l.label(), l.url())).collect(Collectors.joining(" · "))).append("\n\n");
        }
        if (abstractMaxChars > 0 && !p.abstractText().isBlank()) {
            sb.append("> ").append(Markdown.escape(truncate(p.abstractText().strip(), abstractMaxChars))).append("\n\n");
        }
        sb.append("`").append(plain(p.key()).replace("`", "")).append("`");
        p.primarySource().ifPresent(s -> sb.append(" · ").append(Markdown.escape(source(s))));
        return sb.toString().strip();
    }

    /** "refs.bib:12" (the file name and the line of the record). */
    public static String source(SourceSpan s) {
        String name = s.file();
        try {
            Path file = Path.of(name).getFileName();
            if (file != null) {
                name = file.toString();
            }
        } catch (java.nio.file.InvalidPathException e) {
            // keep the name as written
        }
        return name + ":" + s.startLine();
    }

    static String truncate(String s, int max) {
        String collapsed = s.replaceAll("\\s+", " ");
        if (collapsed.length() <= max) {
            return collapsed;
        }
        int cut = max;
        if (Character.isLowSurrogate(collapsed.charAt(cut))) {
            cut--;
        }
        int space = collapsed.lastIndexOf(' ', cut);
        if (space > max * 2 / 3) {
            cut = space;
        }
        return collapsed.substring(0, cut).stripTrailing() + "…";
    }
}
