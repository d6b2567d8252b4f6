package dev.paperlink.server.lsp;

import dev.paperlink.server.feature.FeatureParams;
import dev.paperlink.server.feature.PaperLookup;
import dev.paperlink.server.feature.references.ReferencesFeature;
import dev.paperlink.server.feature.rename.RenameFeature;
import dev.paperlink.server.feature.rename.RenameOutcome;
import dev.paperlink.server.feature.symbols.DocumentSymbolFeature;
import dev.paperlink.server.feature.symbols.WorkspaceSymbolFeature;
import dev.paperlink.server.workspace.Workspace;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.PrepareRenameDefaultBehavior;
import org.eclipse.lsp4j.PrepareRenameParams;
import org.eclipse.lsp4j.PrepareRenameResult;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.WorkspaceSymbol;
import org.eclipse.lsp4j.WorkspaceSymbolParams;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.Either3;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * {@code textDocument/references}, {@code prepareRename}/{@code rename},
 * {@code textDocument/documentSymbol} and {@code workspace/symbol}: each {@link FromLsp} → a
 * feature → {@link ToLspNavigation}. A refused rename is a {@link ResponseError} with the
 * feature's message.
 */
final class Navigation {
    /** How long a rename waits for the first reading of the workspace's files. */
    static final long READY_WAIT_MS = 10_000;

    private final PaperLinkLanguageServer server;
    private final Workspace workspace;

    Navigation(PaperLinkLanguageServer server, Workspace workspace) {
        this.server = server;
        this.workspace = workspace;
    }

    CompletableFuture<List<? extends Location>> references(ReferenceParams p) {
        boolean declaration = p.getContext() == null || p.getContext().isIncludeDeclaration();
        return server.async("references", List.of(), cancel -> workspace.document(p.getTextDocument().getUri())
                .flatMap(d -> workspace.params(d.uri(), FromLsp.offset(d, p.getPosition()), cancel))
                .map(fp -> ToLspNavigation.locations(ReferencesFeature.find(fp, declaration))).orElse(List.of()));
    }

    CompletableFuture<Either3<Range, PrepareRenameResult, PrepareRenameDefaultBehavior>> prepareRename(PrepareRenameParams p) {
        return server.async("prepareRename", null, cancel -> workspace.document(p.getTextDocument().getUri())
                .flatMap(d -> workspace.params(d.uri(), FromLsp.offset(d, p.getPosition()), cancel).map(fp -> {
                    workspace.citations().awaitReady(READY_WAIT_MS);
                    RenameOutcome o = RenameFeature.prepare(fp);
                    if (o instanceof RenameOutcome.Renamable r) {
                        return Either3.<Range, PrepareRenameResult, PrepareRenameDefaultBehavior>forSecond(
                                new PrepareRenameResult(ToLsp.range(d, r.range()), r.key()));
                    }
                    throw refused(o);
                })).orElse(null));
    }

    CompletableFuture<WorkspaceEdit> rename(RenameParams p) {
        return server.async("rename", null, cancel -> workspace.document(p.getTextDocument().getUri())
                .flatMap(d -> workspace.params(d.uri(), FromLsp.offset(d, p.getPosition()), cancel)).map(fp -> {
                    workspace.citations().awaitReady(READY_WAIT_MS);
                    RenameOutcome o = RenameFeature.rename(fp, p.getNewName());
                    if (o instanceof RenameOutcome.Edits e) {
                        return ToLspNavigation.edit(e.files(), documentChanges());
                    }
                    throw refused(o);
                }).orElse(null));
    }

    private static ResponseErrorException refused(RenameOutcome o) {
        String message = o instanceof RenameOutcome.Refused r ? r.message() : "cannot rename here";
        return new ResponseErrorException(new ResponseError(ResponseErrorCode.RequestFailed, message, null));
    }

    private boolean documentChanges() {
        var ws = server.clientCapabilities().getWorkspace();
        return ws != null && ws.getWorkspaceEdit() != null && Boolean.TRUE.equals(ws.getWorkspaceEdit().getDocumentChanges());
    }

    CompletableFuture<List<Either<SymbolInformation, DocumentSymbol>>> documentSymbol(DocumentSymbolParams p) {
        return server.async("documentSymbol", List.of(), cancel -> workspace.params(p.getTextDocument().getUri(), -1, cancel)
                .map(fp -> ToLspNavigation.documentSymbols(fp.document(), DocumentSymbolFeature.symbols(fp), hierarchical()))
                .orElse(List.of()));
    }

    private boolean hierarchical() {
        ClientCapabilities c = server.clientCapabilities();
        var td = c.getTextDocument();
        return td != null && td.getDocumentSymbol() != null && Boolean.TRUE.equals(td.getDocumentSymbol().getHierarchicalDocumentSymbolSupport());
    }

    CompletableFuture<Either<List<? extends SymbolInformation>, List<? extends WorkspaceSymbol>>> symbol(WorkspaceSymbolParams p) {
        return server.async("workspace/symbol", Either.forRight(List.of()), cancel -> {
            List<java.nio.file.Path> bibs = workspace.citations().bibliographies();
            PaperLookup own = bibs.isEmpty() ? PaperLookup.EMPTY
                    : workspace.corpus().corpus().map(c -> PaperLookup.of(c.within(bibs))).orElse(PaperLookup.EMPTY);
            return Either.forRight(ToLspNavigation.workspaceSymbols(
                    WorkspaceSymbolFeature.find(p.getQuery(), own, workspace.corpus().lookup(), workspace.citations(), cancel)));
        });
    }

}
