package dev.paperlink.server.lsp;

import dev.paperlink.server.document.TextDocument;
import dev.paperlink.server.feature.references.Occurrence;
import dev.paperlink.server.feature.rename.FileEdit;
import dev.paperlink.server.feature.rename.KeyEdit;
import dev.paperlink.server.feature.symbols.DocumentSymbolItem;
import dev.paperlink.server.feature.symbols.PaperSymbol;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.TextDocumentEdit;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.WorkspaceSymbol;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** References, rename and symbols to LSP4J types (beside {@link ToLsp}, which has the other features'). */
final class ToLspNavigation {
    private ToLspNavigation() {
    }

    static Range range(dev.paperlink.server.document.Pos start, dev.paperlink.server.document.Pos end) {
        return new Range(ToLsp.position(start), ToLsp.position(end));
    }

    static List<Location> locations(List<Occurrence> found) {
        return found.stream().map(o -> new Location(o.uri(), range(o.start(), o.end()))).toList();
    }

    /**
     * One workspace edit: {@code documentChanges} with the versions of open documents when the
     * client supports them, else {@code changes} by URI.
     */
    static WorkspaceEdit edit(List<FileEdit> files, boolean documentChanges) {
        if (documentChanges) {
            List<Either<TextDocumentEdit, org.eclipse.lsp4j.ResourceOperation>> changes = new ArrayList<>();
            for (FileEdit f : files) {
                List<Either<TextEdit, org.eclipse.lsp4j.SnippetTextEdit>> edits = new ArrayList<>();
                textEdits(f).forEach(e -> edits.add(Either.forLeft(e)));
                changes.add(Either.forLeft(new TextDocumentEdit(new VersionedTextDocumentIdentifier(f.uri(), f.version()), edits)));
            }
            return new WorkspaceEdit(changes);
        }
        Map<String, List<TextEdit>> byUri = new LinkedHashMap<>();
        files.forEach(f -> byUri.put(f.uri(), textEdits(f)));
        return new WorkspaceEdit(byUri);
    }

    private static List<TextEdit> textEdits(FileEdit f) {
        List<TextEdit> out = new ArrayList<>();
        for (KeyEdit e : f.edits()) {
            out.add(new TextEdit(range(e.start(), e.end()), e.newText()));
        }
        return out;
    }

    static List<Either<SymbolInformation, DocumentSymbol>> documentSymbols(TextDocument doc, List<DocumentSymbolItem> items, boolean hierarchical) {
        List<Either<SymbolInformation, DocumentSymbol>> out = new ArrayList<>();
        if (hierarchical) {
            items.forEach(i -> out.add(Either.forRight(documentSymbol(doc, i))));
        } else {
            flatten(doc, items, null, out);
        }
        return out;
    }

    private static DocumentSymbol documentSymbol(TextDocument doc, DocumentSymbolItem i) {
        DocumentSymbol s = new DocumentSymbol(i.name().isEmpty() ? " " : i.name(), kind(i.kind()), ToLsp.range(doc, i.range()),
                ToLsp.range(doc, i.selection()), i.detail().isEmpty() ? null : i.detail());
        if (!i.children().isEmpty()) {
            s.setChildren(i.children().stream().map(c -> documentSymbol(doc, c)).toList());
        }
        return s;
    }

    @SuppressWarnings("deprecation")
    private static void flatten(TextDocument doc, List<DocumentSymbolItem> items, String container,
                                List<Either<SymbolInformation, DocumentSymbol>> out) {
        for (DocumentSymbolItem i : items) {
            SymbolInformation s = new SymbolInformation(i.name().isEmpty() ? " " : i.name(), kind(i.kind()),
                    new Location(doc.uri(), ToLsp.range(doc, i.range())), container);
            out.add(Either.forLeft(s));
            flatten(doc, i.children(), i.name(), out);
        }
    }

    static SymbolKind kind(DocumentSymbolItem.Kind k) {
        return switch (k) {
            case SECTION -> SymbolKind.Module;
            case ENTRY -> SymbolKind.Struct;
            case CITATION -> SymbolKind.Key;
        };
    }

    static List<WorkspaceSymbol> workspaceSymbols(List<PaperSymbol> papers) {
        List<WorkspaceSymbol> out = new ArrayList<>();
        for (PaperSymbol p : papers) {
            WorkspaceSymbol s = new WorkspaceSymbol(p.name(), SymbolKind.Struct, Either.forLeft(new Location(p.uri(), range(p.start(), p.end()))),
                    p.container());
            out.add(s);
        }
        return out;
    }
}
