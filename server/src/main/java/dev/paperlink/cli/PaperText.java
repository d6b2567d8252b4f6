package dev.paperlink.cli;

import dev.paperlink.corpus.model.Author;
import dev.paperlink.corpus.model.Paper;
import dev.paperlink.corpus.model.ShownText;
import dev.paperlink.corpus.model.SourceSpan;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Plain-text renderings of papers for the terminal. Every text from a record goes through
 * {@link ShownText#forTerminal}: a record's control characters never reach the terminal.
 */
final class PaperText {
    private PaperText() {
    }

    static String authors(List<Author> authors, int max) {
        List<Author> real = authors.stream().filter(a -> !a.isOthers()).toList();
        String shown = real.stream().limit(max).map(a -> safe(a.shortName())).collect(Collectors.joining("; "));
        boolean more = real.size() > max || authors.stream().anyMatch(Author::isOthers);
        return more ? shown + " et al." : shown;
    }

    /** One line: key, year, title, first authors. */
    static String line(Paper p) {
        String year = p.year().isEmpty() ? "    " : p.year();
        String authors = authors(p.authors(), 2);
        return safe(p.key()) + "  " + safe(year) + "  " + safe(p.title()) + (authors.isEmpty() ? "" : " — " + authors);
    }

    /** The full card of {@code paperlink show}. */
    static String card(Paper p) {
        StringBuilder sb = new StringBuilder();
        sb.append(safe(p.title())).append('\n');
        field(sb, "key", p.key());
        field(sb, "aliases", String.join(", ", p.aliases()));
        field(sb, "authors", authors(p.authors(), 50));
        field(sb, "date", p.date().isEmpty() ? p.year() : p.date());
        field(sb, "venue", p.venue());
        field(sb, "type", p.entryType());
        field(sb, "doi", p.doi().isEmpty() ? "" : "https://doi.org/" + p.doi());
        field(sb, "arxiv", p.arxivId().isEmpty() ? "" : "https://arxiv.org/abs/" + p.arxivId());
        field(sb, "url", p.url());
        field(sb, "files", String.join(", ", p.files()));
        field(sb, "zotero", dev.paperlink.corpus.model.ZoteroItem.selectUri(p).orElse(""));
        field(sb, "collections", p.raw().getOrDefault(dev.paperlink.corpus.model.ZoteroItem.COLLECTIONS, ""));
        field(sb, "keywords", String.join(", ", p.keywords()));
        field(sb, "popularity", p.popularity() == null ? "" : p.popularity().toString());
        for (SourceSpan s : p.sources()) {
            field(sb, "source", s.file() + ":" + s.startLine() + " (" + s.format().label() + ")");
        }
        if (!p.abstractText().isEmpty()) {
            sb.append('\n').append(wrap(safe(p.abstractText()), 100)).append('\n');
        }
        return sb.toString();
    }

    private static void field(StringBuilder sb, String name, String value) {
        if (!value.isEmpty()) {
            sb.append(String.format("  %-10s %s%n", name, safe(value)));
        }
    }

    /** A record's text as the terminal may show it. */
    static String safe(String s) {
        return ShownText.forTerminal(s);
    }

    static String wrap(String text, int width) {
        StringBuilder sb = new StringBuilder();
        int col = 0;
        for (String word : text.split("\\s+")) {
            if (col > 0 && col + 1 + word.length() > width) {
                sb.append('\n');
                col = 0;
            } else if (col > 0) {
                sb.append(' ');
                col++;
            }
            sb.append(word);
            col += word.length();
        }
        return sb.toString();
    }
}
