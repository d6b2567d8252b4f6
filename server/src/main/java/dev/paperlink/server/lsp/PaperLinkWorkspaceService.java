package dev.paperlink.server.lsp;

import dev.paperlink.server.document.Uris;
import dev.paperlink.server.workspace.CorpusRoots;
import dev.paperlink.server.workspace.Workspace;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidChangeWorkspaceFoldersParams;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.services.WorkspaceService;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Settings, watched files and workspace folders: each may re-index (in the background) and re-check open documents. */
public final class PaperLinkWorkspaceService implements WorkspaceService {
    private final PaperLinkLanguageServer server;
    private final Workspace workspace;
    private final DiagnosticsPublisher diagnostics;

    PaperLinkWorkspaceService(PaperLinkLanguageServer server, Workspace workspace, DiagnosticsPublisher diagnostics) {
        this.server = server;
        this.workspace = workspace;
        this.diagnostics = diagnostics;
    }

    @Override
    public void didChangeConfiguration(DidChangeConfigurationParams p) {
        var options = FromLsp.options(p.getSettings(), false);
        if (options.isEmpty() && server.supportsConfigurationPull()) {
            server.pullConfiguration().thenRun(this::configurationApplied);
            return;
        }
        if (server.applyOptions(options)) {
            server.reindex();
        }
        diagnostics.scheduleAll();
    }

    private void configurationApplied() {
        server.reindex(); // cheap when nothing changed: unchanged files are not read
    }

    @Override
    public void didChangeWatchedFiles(DidChangeWatchedFilesParams p) {
        boolean reindex = false;
        for (FileEvent e : p.getChanges()) {
            Optional<Path> path = Uris.toPath(e.getUri());
            if (path.isEmpty()) {
                continue;
            }
            workspace.fileChanged(path.get());
            reindex |= CorpusRoots.isBibliography(path.get()) || !java.nio.file.Files.exists(path.get());
        }
        if (reindex) {
            server.reindex();
        }
        diagnostics.scheduleAll();
    }

    /** {@code paperlink.addToBibliography}: see {@link AddToBibliographyCommand}. */
    @Override
    public java.util.concurrent.CompletableFuture<Object> executeCommand(org.eclipse.lsp4j.ExecuteCommandParams p) {
        var request = dev.paperlink.server.feature.bibedit.AddToBibliography.COMMAND.equals(p.getCommand())
                ? FromLsp.addRequest(p.getArguments()) : Optional.<dev.paperlink.server.feature.bibedit.AddToBibliography.Request>empty();
        if (request.isEmpty()) {
            return java.util.concurrent.CompletableFuture.completedFuture(null);
        }
        return server.async("executeCommand", null, cancel -> new AddToBibliographyCommand(server).run(request.get(), cancel));
    }

    /** {@code workspace/symbol}: papers by key, title, author or year (see {@code WorkspaceSymbolFeature}). */
    @Override
    public java.util.concurrent.CompletableFuture<org.eclipse.lsp4j.jsonrpc.messages.Either<List<? extends org.eclipse.lsp4j.SymbolInformation>,
            List<? extends org.eclipse.lsp4j.WorkspaceSymbol>>> symbol(org.eclipse.lsp4j.WorkspaceSymbolParams p) {
        return server.getTextDocumentService().symbol(p);
    }

    @Override
    public void didChangeWorkspaceFolders(DidChangeWorkspaceFoldersParams p) {
        List<Path> folders = new ArrayList<>(workspace.folders());
        for (WorkspaceFolder f : p.getEvent().getRemoved()) {
            Uris.toPath(f.getUri()).ifPresent(folders::remove);
        }
        for (WorkspaceFolder f : p.getEvent().getAdded()) {
            Uris.toPath(f.getUri()).filter(x -> !folders.contains(x)).ifPresent(folders::add);
        }
        workspace.setFolders(folders);
        server.reindex();
    }
}
