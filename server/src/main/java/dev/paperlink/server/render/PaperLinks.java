package dev.paperlink.server.render;

import dev.paperlink.corpus.model.Paper;
import dev.paperlink.server.document.Uris;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The web and file addresses of a paper: DOI, arXiv, URL and local PDFs, best first. */
public final class PaperLinks {
    private PaperLinks() {
    }

    public record Link(String label, String url) {
    }

    public static List<Link> of(Paper p) {
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
        for (String f : p.files()) {
            pdf(p, f).ifPresent(u -> out.add(new Link("PDF", u)));
        }
        return out;
    }

    /** The first link: where a citation goes when followed. */
    public static java.util.Optional<String> primary(Paper p) {
        List<Link> links = of(p);
        return links.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(links.get(0).url());
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
