package dev.paperlink.server.lsp;

import com.google.gson.JsonObject;
import dev.paperlink.server.document.Pos;
import dev.paperlink.server.document.TextDocument;
import dev.paperlink.server.document.TextRange;
import dev.paperlink.server.feature.completion.CompletionCandidate;
import dev.paperlink.server.feature.completion.CompletionResult;
import dev.paperlink.server.feature.definition.DefinitionTarget;
import dev.paperlink.server.feature.diagnostics.Problem;
import dev.paperlink.server.feature.hover.HoverResult;
import dev.paperlink.server.feature.links.DocumentLinkTarget;
import dev.paperlink.server.workspace.ServerLog;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.CompletionItemLabelDetails;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DocumentLink;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

import java.util.List;

/** Our results to LSP4J types. The only place (with {@link FromLsp}) where the two meet. */
final class ToLsp {
    static final String SOURCE = "paperlink";

    private ToLsp() {
    }

    static Position position(Pos p) {
        return new Position(p.line(), p.column());
    }

    static Range range(TextDocument doc, TextRange r) {
        return new Range(position(doc.position(r.start())), position(doc.position(r.end())));
    }

    static CompletionList completion(TextDocument doc, CompletionResult r) {
        List<CompletionItem> items = r.items().stream().map(c -> item(doc, c)).toList();
        return new CompletionList(r.incomplete(), items);
    }

    private static CompletionItem item(TextDocument doc, CompletionCandidate c) {
        CompletionItem item = new CompletionItem(c.label());
        item.setKind(c.byTitle() ? CompletionItemKind.Text : CompletionItemKind.Reference);
        item.setDetail(c.detail());
        CompletionItemLabelDetails details = new CompletionItemLabelDetails();
        details.setDescription(c.description());
        item.setLabelDetails(details);
        item.setFilterText(c.filterText());
        item.setSortText(c.sortText());
        item.setTextEdit(Either.forLeft(new TextEdit(range(doc, c.replace()), c.newText())));
        JsonObject data = new JsonObject();
        data.addProperty("uri", doc.uri());
        data.addProperty("key", c.key());
        item.setData(data);
        if (c.add() != null) {
            item.setCommand(command(c.add(), "Add " + c.add().key() + " to the bibliography"));
        }
        return item;
    }

    /** The server-side command that brings a paper into a bibliography. */
    static org.eclipse.lsp4j.Command command(dev.paperlink.server.feature.bibedit.AddToBibliography.Request r, String title) {
        JsonObject args = new JsonObject();
        args.addProperty("document", r.document());
        args.addProperty("key", r.key());
        if (r.target() != null) {
            args.addProperty("target", r.target());
        }
        return new org.eclipse.lsp4j.Command(title, dev.paperlink.server.feature.bibedit.AddToBibliography.COMMAND, List.of(args));
    }

    static MarkupContent markdown(String md) {
        return new MarkupContent(MarkupKind.MARKDOWN, md);
    }

    static Hover hover(TextDocument doc, HoverResult h) {
        return new Hover(markdown(h.markdown()), range(doc, h.range()));
    }

    static List<Location> locations(List<DefinitionTarget> targets) {
        return targets.stream().map(t -> new Location(t.uri(), new Range(position(t.start()), position(t.end())))).toList();
    }

    static List<DocumentLink> links(TextDocument doc, List<DocumentLinkTarget> links) {
        return links.stream().map(l -> new DocumentLink(range(doc, l.range()), l.target(), null, l.tooltip())).toList();
    }

    static List<Diagnostic> diagnostics(List<Problem> problems) {
        return problems.stream().map(ToLsp::diagnostic).toList();
    }

    static Diagnostic diagnostic(Problem p) {
        Diagnostic d = new Diagnostic(new Range(position(p.start()), position(p.end())), p.message(), severity(p.severity()), SOURCE);
        d.setCode(p.code());
        if (!p.related().isEmpty()) {
            d.setRelatedInformation(p.related().stream().map(r -> new org.eclipse.lsp4j.DiagnosticRelatedInformation(
                    new Location(dev.paperlink.server.document.Uris.fromPath(r.file()), new Range(position(r.start()), position(r.end()))),
                    r.message())).toList());
        }
        if (Problem.UNUSED_ENTRY.equals(p.code())) {
            d.setTags(List.of(org.eclipse.lsp4j.DiagnosticTag.Unnecessary));
        }
        return d;
    }

    private static DiagnosticSeverity severity(Problem.Severity s) {
        return switch (s) {
            case ERROR -> DiagnosticSeverity.Error;
            case WARNING -> DiagnosticSeverity.Warning;
            case INFORMATION -> DiagnosticSeverity.Information;
            case HINT -> DiagnosticSeverity.Hint;
        };
    }

    static MessageType messageType(ServerLog.Level level) {
        return switch (level) {
            case ERROR -> MessageType.Error;
            case WARNING -> MessageType.Warning;
            case INFO -> MessageType.Info;
            case DEBUG -> MessageType.Log;
        };
    }

    /** Each "cite this paper" action as a code action that inserts the citation. */
    static List<Either<org.eclipse.lsp4j.Command, org.eclipse.lsp4j.CodeAction>> citeActions(TextDocument doc,
                                                                                            List<dev.paperlink.server.feature.related.CiteRelated.Action> actions) {
        List<Either<org.eclipse.lsp4j.Command, org.eclipse.lsp4j.CodeAction>> out = new java.util.ArrayList<>();
        for (var a : actions) {
            org.eclipse.lsp4j.CodeAction action = new org.eclipse.lsp4j.CodeAction(a.title());
            action.setKind(org.eclipse.lsp4j.CodeActionKind.RefactorRewrite);
            Range at = range(doc, new TextRange(a.offset(), a.offset()));
            action.setEdit(new org.eclipse.lsp4j.WorkspaceEdit(java.util.Map.of(doc.uri(), List.of(new org.eclipse.lsp4j.TextEdit(at, a.insert())))));
            if (a.add() != null) { // the edit cites the paper, the command brings it into the bibliography
                action.setCommand(command(a.add(), "Add " + a.add().key() + " to the bibliography"));
            }
            out.add(Either.forRight(action));
        }
        return out;
    }

    /** Quick fixes of citations, each with the diagnostics of the context it fixes (same code, same range). */
    static List<Either<org.eclipse.lsp4j.Command, org.eclipse.lsp4j.CodeAction>> fixActions(TextDocument doc,
            List<dev.paperlink.server.feature.bibedit.CitationFixes.Fix> fixes, List<Diagnostic> context) {
        List<Either<org.eclipse.lsp4j.Command, org.eclipse.lsp4j.CodeAction>> out = new java.util.ArrayList<>();
        for (var f : fixes) {
            org.eclipse.lsp4j.CodeAction action = new org.eclipse.lsp4j.CodeAction(f.title());
            action.setKind(org.eclipse.lsp4j.CodeActionKind.QuickFix);
            Range key = range(doc, f.range());
            List<Diagnostic> fixed = context == null ? List.of() : context.stream()
                    .filter(d -> d.getCode() != null && d.getCode().isLeft() && f.code().equals(d.getCode().getLeft()) && key.equals(d.getRange()))
                    .toList();
            if (!fixed.isEmpty()) {
                action.setDiagnostics(fixed);
            }
            if (!f.edits().isEmpty()) {
                List<TextEdit> edits = f.edits().stream()
                        .map(e -> new TextEdit(range(doc, new TextRange(e.start(), e.end())), e.text())).toList();
                action.setEdit(new org.eclipse.lsp4j.WorkspaceEdit(java.util.Map.of(doc.uri(), edits)));
            }
            if (f.command() != null) {
                action.setCommand(command(f.command(), f.title()));
            }
            out.add(Either.forRight(action));
        }
        return out;
    }

    static List<RelatedPapersRequest.Item> relatedPapers(dev.paperlink.server.feature.FeatureParams p,
                                                         List<dev.paperlink.server.feature.related.RelatedPaper> papers) {
        List<RelatedPapersRequest.Item> out = new java.util.ArrayList<>();
        for (var r : papers) {
            var paper = r.paper();
            List<String> authors = paper.authors().stream().filter(a -> !a.isOthers())
                    .map(a -> dev.paperlink.server.render.CitationFormatter.plain(a.displayName())).toList();
            String why = r.shared().isEmpty() ? "related by its abstract" : "shares: " + String.join(", ", r.shared());
            out.add(new RelatedPapersRequest.Item(dev.paperlink.server.render.CitationFormatter.plain(paper.key()), dev.paperlink.server.render.CitationFormatter.plain(paper.title()), authors,
                    paper.year(), r.score(), dev.paperlink.server.render.CitationFormatter.plain(why),
                    dev.paperlink.server.feature.completion.CompletionFeature.citation(paper.key(), p.document().kind(), p.config())));
        }
        return out;
    }
}
