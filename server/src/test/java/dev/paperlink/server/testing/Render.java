package dev.paperlink.server.testing;

import dev.paperlink.server.document.TextDocument;
import dev.paperlink.server.feature.completion.CompletionCandidate;
import dev.paperlink.server.feature.completion.CompletionResult;
import dev.paperlink.server.feature.definition.DefinitionTarget;
import dev.paperlink.server.feature.diagnostics.DiagnosticsResult;
import dev.paperlink.server.feature.diagnostics.Problem;
import dev.paperlink.server.feature.hover.HoverResult;
import dev.paperlink.server.feature.links.DocumentLinkTarget;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Feature results as stable text, for comparing with expectations. Paths are shown relative to the fixture root. */
public final class Render {
    private Render() {
    }

    /** One item a line: {@code label range -> newText | detail}; "(incomplete)" first when more matched. */
    public static String completion(TextDocument doc, CompletionResult r) {
        StringBuilder sb = new StringBuilder(r.incomplete() ? "(incomplete)\n" : "");
        for (CompletionCandidate c : r.items()) {
            sb.append(c.label()).append(' ').append(range(doc, c.replace().start(), c.replace().end()))
                    .append(" -> ").append(c.newText()).append(" | ").append(c.detail()).append('\n');
        }
        return sb.toString();
    }

    public static String hover(TextDocument doc, Optional<HoverResult> h) {
        return h.map(x -> range(doc, x.range().start(), x.range().end()) + "\n" + x.markdown()).orElse("");
    }

    public static String definition(List<DefinitionTarget> targets) {
        return targets.stream().map(t -> relative(t.uri()) + " " + t.start() + "-" + t.end()).collect(Collectors.joining("\n"));
    }

    /** One occurrence a line: {@code file line:col-line:col}. */
    public static String occurrences(List<dev.paperlink.server.feature.references.Occurrence> found) {
        return found.stream().map(o -> relative(o.uri()) + " " + o.start() + "-" + o.end()).collect(Collectors.joining("\n"));
    }

    /** A rename: {@code file line:col-line:col -> new} a line per edit, or the refusal's message. */
    public static String rename(dev.paperlink.server.feature.rename.RenameOutcome o) {
        return switch (o) {
            case dev.paperlink.server.feature.rename.RenameOutcome.Refused r -> "refused: " + r.message();
            case dev.paperlink.server.feature.rename.RenameOutcome.Renamable r -> "renamable: " + r.key();
            case dev.paperlink.server.feature.rename.RenameOutcome.Edits e -> e.files().stream()
                    .flatMap(f -> f.edits().stream().map(x -> relative(f.uri()) + " " + x.start() + "-" + x.end() + " -> " + x.newText()))
                    .collect(Collectors.joining("\n"));
        };
    }

    /** An outline, children indented: {@code name | detail | kind line:col-line:col}. */
    public static String symbols(TextDocument doc, List<dev.paperlink.server.feature.symbols.DocumentSymbolItem> items) {
        StringBuilder sb = new StringBuilder();
        symbols(doc, items, "", sb);
        return sb.toString();
    }

    private static void symbols(TextDocument doc, List<dev.paperlink.server.feature.symbols.DocumentSymbolItem> items, String indent,
                                StringBuilder sb) {
        for (var i : items) {
            sb.append(indent).append(i.name()).append(i.detail().isEmpty() ? "" : " | " + i.detail()).append(" | ")
                    .append(i.kind().name().toLowerCase(java.util.Locale.ROOT)).append(' ')
                    .append(range(doc, i.selection().start(), i.selection().end())).append('\n');
            symbols(doc, i.children(), indent + "  ", sb);
        }
    }

    public static String links(TextDocument doc, List<DocumentLinkTarget> links) {
        return links.stream().map(l -> range(doc, l.range().start(), l.range().end()) + " -> " + relative(l.target()))
                .collect(Collectors.joining("\n"));
    }

    /** {@code file line:col-line:col severity code: message}, the document first, then each bibliography file. */
    public static String diagnostics(String docName, DiagnosticsResult r) {
        StringBuilder sb = new StringBuilder();
        for (Problem p : r.document()) {
            sb.append(problem(docName, p));
        }
        r.files().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey()).forEach(e -> {
            for (Problem p : e.getValue()) {
                sb.append(problem(Fixture.ROOT.relativize(e.getKey()).toString(), p));
            }
        });
        return sb.toString();
    }

    private static String problem(String file, Problem p) {
        StringBuilder related = new StringBuilder();
        for (Problem.Related r : p.related()) {
            related.append(" [see ").append(Fixture.ROOT.relativize(r.file())).append(' ').append(r.start()).append('-').append(r.end()).append(']');
        }
        return file + " " + p.start() + "-" + p.end() + " " + p.severity().name().toLowerCase(java.util.Locale.ROOT)
                + " " + p.code() + ": " + p.message() + related + "\n";
    }

    private static String range(TextDocument doc, int start, int end) {
        return doc.position(start) + "-" + doc.position(end);
    }

    static String relative(String uri) {
        String root = Fixture.ROOT.toUri().toString();
        root = root.endsWith("/") ? root : root + "/";
        if (uri.startsWith(root)) {
            return uri.substring(root.length());
        }
        if (uri.startsWith("file:")) {
            Path p = Path.of(java.net.URI.create(uri));
            return p.startsWith(Fixture.ROOT) ? Fixture.ROOT.relativize(p).toString() : p.toString();
        }
        return uri;
    }
}
