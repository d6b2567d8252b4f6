package dev.paperlink.server.render;

import dev.paperlink.corpus.model.Paper;
import dev.paperlink.server.document.Uris;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The web and file addresses of a paper: DOI, arXiv, URL and local PDFs, best first. A paper from
 * a Zotero database has its attachment files (absolute paths) instead, each linked only when it
 * exists ("Open PDF"), and last the address that shows it in Zotero ("Show in Zotero").
 */
public final class PaperLinks {
    /** The label of the link that shows the item in Zotero. */
    public static final String SHOW_IN_ZOTERO = "Show in Zotero";
    private static final java.util.regex.Pattern ZOTERO_SELECT =
            java.util.regex.Pattern.compile("zotero://select/(library|groups/[0-9]+)/items/[A-Za-z0-9]+");

    private PaperLinks() {
    }

    public record Link(String label, String url) {
    }

    /** The links of a paper whose attachment files are taken not to exist (see {@link #of(Paper, FileExistence)}). */
    public static List<Link> of(Paper p) {
        return of(p, FileExistence.NONE);
    }

    /** The links of a paper; {@code files} says which of a Zotero item's attachment files exist. */
    public static List<Link> of(Paper p, FileExistence files) {
        List<Link> out = web(p);
        java.util.Optional<String> zotero = zoteroSelect(p);
        if (zotero.isPresent()) {
            out.addAll(attachments(p, files));
            out.add(new Link(SHOW_IN_ZOTERO, zotero.get()));
            return out;
        }
        for (String f : p.files()) {
            pdf(p, f).ifPresent(u -> out.add(new Link("PDF", u)));
        }
        return out;
    }

    /**
     * Where a citation goes when followed: its DOI, arXiv or URL page first (a stable address, as
     * for every other format), else a Zotero item's first existing attachment, else the item in
     * Zotero; a local PDF of another format's record last, as before.
     */
    public static java.util.Optional<String> primary(Paper p, FileExistence files) {
        List<Link> links = of(p, files);
        return links.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(links.get(0).url());
    }

    /** The {@code zotero://select/...} address of a paper from a Zotero database (checked: only that form), or empty. */
    public static java.util.Optional<String> zoteroSelect(Paper p) {
        return dev.paperlink.corpus.model.ZoteroItem.selectUri(p).map(String::strip).filter(u -> ZOTERO_SELECT.matcher(u).matches());
    }

    /** A Zotero item's attachment files that exist, as file URLs: "Open PDF" (the file name added when there are several of a kind). */
    private static List<Link> attachments(Paper p, FileExistence files) {
        List<String[]> found = new ArrayList<>(); // label, file name, url
        for (String f : p.files()) {
            try {
                Path path = Path.of(f.strip());
                if (f.isBlank() || !path.isAbsolute() || !files.exists(path)) {
                    continue;
                }
                String name = path.getFileName().toString();
                found.add(new String[] {"Open " + kind(name), name, Uris.fromPath(path)});
            } catch (java.nio.file.InvalidPathException | SecurityException e) {
                // not a path here: no link
            }
        }
        List<Link> out = new ArrayList<>();
        for (String[] a : found) {
            boolean several = found.stream().filter(b -> b[0].equals(a[0])).count() > 1;
            out.add(new Link(several ? a[0] + " (" + a[1] + ")" : a[0], a[2]));
        }
        return out;
    }

    /** "PDF", "snapshot" (a saved web page), "EPUB"... by the file's extension. */
    private static String kind(String name) {
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return switch (ext) {
            case "" -> "file";
            case "html", "htm" -> "snapshot";
            default -> ext.toUpperCase(Locale.ROOT);
        };
    }

    private static List<Link> web(Paper p) {
        List<Link> out = new ArrayList<>();
        if (!p.doi().isEmpty()) {
            out.add(new Link("DOI " + p.doi(), "https://doi.org/" + encodePath(p.doi())));
        }
        if (!p.arxivId().isEmpty()) {
            out.add(new Link("arXiv:" + p.arxivId(), "https://arxiv.org/abs/" + encodePath(p.arxivId())));
        }
        String url = p.url().strip();
        String lower = url.toLowerCase(Locale.ROOT);
        if ((lower.startsWith("https://") || lower.startsWith("http://")) && out.stream().noneMatch(l -> l.url().equals(url))) {
            Markdown.validUri(url).ifPresent(u -> out.add(new Link("URL", u))); // spaces, quotes, line breaks: encoded
        }
        return out;
    }

    /** A local file of the record (Zotero/JabRef {@code file} fields: "desc:path:type" or a path), made absolute. */
    private static java.util.Optional<String> pdf(Paper p, String field) {
        String f = field.strip();
        if (f.isEmpty()) {
            return java.util.Optional.empty();
        }
        if (f.startsWith("file:")) {
            return java.util.Optional.of(f);
        }
        String[] parts = f.split("(?<!\\\\):");
        if (parts.length == 3 && !parts[1].isEmpty()) {
            f = parts[1].replace("\\:", ":");
        }
        try {
            Path path = Path.of(f);
            if (!path.isAbsolute()) {
                String src = p.primarySource().map(s -> s.file()).orElse("");
                if (src.isEmpty() || src.startsWith("file:")) {
                    return java.util.Optional.empty();
                }
                Path dir = Path.of(src).getParent();
                if (dir == null) {
                    return java.util.Optional.empty();
                }
                path = dir.resolve(path);
            }
            return java.util.Optional.of(Uris.fromPath(path));
        } catch (java.nio.file.InvalidPathException e) {
            return java.util.Optional.empty();
        }
    }

    private static String encodePath(String s) {
        StringBuilder sb = new StringBuilder();
        for (String part : s.split("/", -1)) {
            if (!sb.isEmpty()) {
                sb.append('/');
            }
            sb.append(URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return sb.toString();
    }
}
