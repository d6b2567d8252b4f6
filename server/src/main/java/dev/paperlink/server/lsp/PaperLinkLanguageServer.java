package dev.paperlink.server.lsp;

import dev.paperlink.corpus.solr.SolrCorpus;
import dev.paperlink.server.config.ServerConfig;
import dev.paperlink.server.config.ServerOptions;
import dev.paperlink.server.feature.CancelToken;
import dev.paperlink.server.workspace.BibliographyCache;
import dev.paperlink.server.workspace.CorpusService;
import dev.paperlink.server.workspace.ServerLog;
import dev.paperlink.server.workspace.SharedCorpus;
import dev.paperlink.server.workspace.Workspace;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CompletionOptions;
import org.eclipse.lsp4j.ConfigurationItem;
import org.eclipse.lsp4j.ConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesRegistrationOptions;
import org.eclipse.lsp4j.DocumentLinkOptions;
import org.eclipse.lsp4j.FileSystemWatcher;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Registration;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.SaveOptions;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;
import org.eclipse.lsp4j.WorkspaceFoldersOptions;
import org.eclipse.lsp4j.WorkspaceServerCapabilities;
import org.eclipse.lsp4j.jsonrpc.CompletableFutures;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.IntConsumer;

/**
 * The PaperLink language server: lifecycle, capabilities and settings. Owns the {@link Workspace}.
 * Requests run on a small pool through {@link #async}, which honours {@code $/cancelRequest}
 * and turns failures into empty answers (logged), so that one bad request never takes the
 * server down.
 */
public final class PaperLinkLanguageServer implements LanguageServer, LanguageClientAware {
    static final String VERSION = "0.1.0";
    static final List<String> TRIGGER_CHARACTERS = List.of("{", ",", "@");

    private final ServerConfig baseConfig;
    private final IntConsumer exit;
    private final LspLog log;
    private final Workspace workspace;
    private final DiagnosticsPublisher diagnostics;
    private final PaperLinkTextDocumentService documents;
    private final PaperLinkWorkspaceService workspaceService;
    private final ExecutorService requests = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "paperlink-request");
        t.setDaemon(true);
        return t;
    });
    private volatile LanguageClient client;
    private volatile ClientCapabilities capabilities = new ClientCapabilities();
    private volatile boolean shutdown;

    /**
     * @param baseConfig settings from the command line; client settings override them field by field
     * @param exit       what {@code exit} does with the exit code (System::exit in production)
     * @param stderr     where logs go besides the client
     */
    public PaperLinkLanguageServer(ServerConfig baseConfig, IntConsumer exit, PrintStream stderr) {
        this(baseConfig, exit, stderr, dev.paperlink.corpus.source.Readers::forFormat);
    }

    /** @param readers the record readers of documents' own bibliographies (tests pass doubles) */
    PaperLinkLanguageServer(ServerConfig baseConfig, IntConsumer exit, PrintStream stderr,
                            Function<dev.paperlink.corpus.model.SourceFormat, dev.paperlink.corpus.source.RecordReader> readers) {
        this.baseConfig = baseConfig;
        this.exit = exit;
        this.log = new LspLog(stderr);
        BibliographyCache bibliographies = new BibliographyCache(readers);
        this.workspace = new Workspace(baseConfig, log, bibliographies, new CorpusService(log));
        this.workspace.onReindexNeeded(this::reindex);
        this.workspace.corpus().readerOptionsFrom(workspace::readerOptions); // the Zotero selection, as set when a run starts
        this.diagnostics = new DiagnosticsPublisher(workspace, log);
        bibliographies.onLateRead(() -> { // a slow file has been read: what requests answered without it may change
            workspace.corpus().answersChanged();
            diagnostics.scheduleAll();
        });
        workspace.citations().onChange(diagnostics::scheduleAll); // files read: what is cited (unused entries, counts) may change
        this.documents = new PaperLinkTextDocumentService(this, workspace, diagnostics);
        this.workspaceService = new PaperLinkWorkspaceService(this, workspace, diagnostics);
    }

    @Override
    public void connect(LanguageClient c) {
        this.client = c;
        log.connect(c);
        diagnostics.connect(c);
    }

    @Override
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        if (params.getCapabilities() != null) {
            capabilities = params.getCapabilities();
        }
        workspace.setFolders(FromLsp.folders(params));
        applyOptions(FromLsp.options(params.getInitializationOptions(), true));
        ServerCapabilities caps = capabilities();
        caps.setRenameProvider(prepareSupport(capabilities) ? Either.forRight(new org.eclipse.lsp4j.RenameOptions(true)) : Either.forLeft(true));
        return CompletableFuture.completedFuture(new InitializeResult(caps, new ServerInfo("paperlink", VERSION)));
    }

    private static boolean prepareSupport(ClientCapabilities c) {
        var td = c.getTextDocument();
        return td != null && td.getRename() != null && Boolean.TRUE.equals(td.getRename().getPrepareSupport());
    }

    /** What the client said it supports, at initialize. */
    ClientCapabilities clientCapabilities() {
        return capabilities;
    }

    static ServerCapabilities capabilities() {
        ServerCapabilities caps = new ServerCapabilities();
        TextDocumentSyncOptions sync = new TextDocumentSyncOptions();
        sync.setOpenClose(true);
        sync.setChange(TextDocumentSyncKind.Incremental);
        sync.setSave(Either.forRight(new SaveOptions(false)));
        caps.setTextDocumentSync(sync);
        caps.setCompletionProvider(new CompletionOptions(true, TRIGGER_CHARACTERS));
        caps.setHoverProvider(true);
        caps.setDefinitionProvider(true);
        caps.setDocumentLinkProvider(new DocumentLinkOptions(false));
        caps.setReferencesProvider(true);
        caps.setRenameProvider(true);
        caps.setDocumentSymbolProvider(true);
        caps.setWorkspaceSymbolProvider(true);
        caps.setCodeActionProvider(new org.eclipse.lsp4j.CodeActionOptions(List.of(org.eclipse.lsp4j.CodeActionKind.QuickFix,
                org.eclipse.lsp4j.CodeActionKind.RefactorRewrite)));
        caps.setExecuteCommandProvider(new org.eclipse.lsp4j.ExecuteCommandOptions(
                List.of(dev.paperlink.server.feature.bibedit.AddToBibliography.COMMAND)));
        WorkspaceFoldersOptions folders = new WorkspaceFoldersOptions();
        folders.setSupported(true);
        folders.setChangeNotifications(true);
        caps.setWorkspace(new WorkspaceServerCapabilities(folders));
        return caps;
    }

    @Override
    public void initialized(InitializedParams params) {
        registerDynamically();
        workspace.corpus().watchIntegrity(this::reindex);
        workspace.followZotero(this::reindex, this::showWarning);
        SharedCorpus.onAvailability(new SolrCorpus.AvailabilityListener() {
            @Override
            public void lost(String why) {
                showWarning("the team corpus on Solr does not answer (" + why + "): completion and hover answer from your own "
                        + "bibliographies until it is back");
            }

            @Override
            public void regained() {
                showMessage(org.eclipse.lsp4j.MessageType.Info, "the team corpus on Solr answers again");
            }
        });
        if (supportsConfigurationPull()) {
            pullConfiguration().whenComplete((x, t) -> reindex());
        } else {
            reindex();
        }
    }

    private void registerDynamically() {
        var ws = capabilities.getWorkspace();
        List<Registration> regs = new ArrayList<>();
        if (ws != null && ws.getDidChangeWatchedFiles() != null && Boolean.TRUE.equals(ws.getDidChangeWatchedFiles().getDynamicRegistration())) {
            List<FileSystemWatcher> watchers = List.of(
                    new FileSystemWatcher(Either.forLeft("**/*.{bib,bibtex,biblatex}")),
                    new FileSystemWatcher(Either.forLeft("**/*.{json,yaml,yml}")),
                    new FileSystemWatcher(Either.forLeft("**/*.{tex,ltx,md,markdown,qmd,rmd,Rmd,typ,org}")));
            regs.add(new Registration("paperlink-watch", "workspace/didChangeWatchedFiles",
                    new DidChangeWatchedFilesRegistrationOptions(watchers)));
        }
        if (ws != null && ws.getDidChangeConfiguration() != null && Boolean.TRUE.equals(ws.getDidChangeConfiguration().getDynamicRegistration())) {
            regs.add(new Registration("paperlink-config", "workspace/didChangeConfiguration"));
        }
        if (!regs.isEmpty() && client != null) {
            client.registerCapability(new RegistrationParams(regs)).exceptionally(t -> {
                log.warn("the client refused dynamic registration: " + t.getMessage());
                return null;
            });
        }
    }

    boolean supportsConfigurationPull() {
        var ws = capabilities.getWorkspace();
        return ws != null && Boolean.TRUE.equals(ws.getConfiguration()) && client != null;
    }

    /** Asks the client for the {@code paperlink} section and applies it. */
    CompletableFuture<Void> pullConfiguration() {
        ConfigurationItem item = new ConfigurationItem();
        item.setSection("paperlink");
        return client.configuration(new ConfigurationParams(List.of(item)))
                .thenAccept(values -> {
                    if (values != null && !values.isEmpty()) {
                        applyOptions(FromLsp.section(values.get(0)));
                    }
                })
                .exceptionally(t -> {
                    log.warn("workspace/configuration failed: " + t.getMessage());
                    return null;
                });
    }

    /** Applies client settings; returns whether what is indexed changed. */
    boolean applyOptions(Optional<ServerOptions> options) {
        if (options.isEmpty()) {
            return false;
        }
        ServerConfig before = workspace.config();
        List<String> problems = new ArrayList<>();
        ServerConfig after;
        try {
            after = options.get().resolve(baseConfig, problems);
        } catch (RuntimeException e) {
            log.warn("ignoring paperlink settings: " + e.getMessage());
            return false;
        }
        problems.forEach(log::warn);
        options.get().solr(new ArrayList<>()).ifPresent(solr -> {
            if (SharedCorpus.corpus().map(c -> !c.settings().urls().equals(solr.urls()) || !c.settings().collection().equals(solr.collection())).orElse(true)) {
                try {
                    SharedCorpus.use(solr.withCredentialsFrom(System.getenv()));
                    log.info("shared corpus: " + solr);
                } catch (java.io.IOException e) {
                    log.warn("paperlink.corpus.solr: " + e.getMessage());
                }
            }
        });
        workspace.setConfig(after);
        workspace.corpus().setEmbeddings(after.related().embeddings());
        boolean zotero = !after.zotero().equals(before.zotero());
        if (zotero) {
            workspace.zoteroSettingChanged();
        }
        return zotero || !after.corpus().equals(before.corpus()) || !java.util.Objects.equals(after.indexDir(), before.indexDir());
    }

    /** A warning the user should see once (a missing Zotero database): window/showMessage, besides the log. */
    void showWarning(String message) {
        showMessage(org.eclipse.lsp4j.MessageType.Warning, message);
    }

    private void showMessage(org.eclipse.lsp4j.MessageType type, String message) {
        LanguageClient c = client;
        if (c != null) {
            try {
                c.showMessage(new org.eclipse.lsp4j.MessageParams(type, "PaperLink: " + message));
            } catch (RuntimeException e) {
                log.warn("cannot show a message: " + e);
            }
        }
    }

    /** Re-indexes in the background; diagnostics of open documents are refreshed when it ends. */
    CompletableFuture<?> reindex() {
        LanguageClient c = client;
        boolean progress = c != null && capabilities.getWindow() != null && Boolean.TRUE.equals(capabilities.getWindow().getWorkDoneProgress());
        return workspace.corpus().reindex(workspace.indexDir(), workspace::corpusRoots,
                        () -> progress ? new LspProgress(c, log) : CorpusService.Progress.NONE, report -> { })
                .whenComplete((r, t) -> diagnostics.scheduleAll());
    }

    /** Runs a request off the protocol thread; cancellation is honoured, failures give {@code empty}. */
    <R> CompletableFuture<R> async(String what, R empty, Function<CancelToken, R> work) {
        if (shutdown) {
            CompletableFuture<R> f = new CompletableFuture<>();
            f.completeExceptionally(new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidRequest, "the server is shutting down", null)));
            return f;
        }
        return CompletableFutures.computeAsync(requests, checker -> {
            try {
                return work.apply(checker::checkCanceled);
            } catch (CancellationException | ResponseErrorException e) {
                throw e; // cancelled, or an error the client is to see (a refused rename)
            } catch (RuntimeException e) {
                if (!shutdown) { // after shutdown the index is closed under running requests: expected
                    log.error(what + " failed", e);
                }
                return empty;
            }
        });
    }

    ServerLog log() {
        return log;
    }

    LanguageClient client() {
        return client;
    }

    Workspace workspace() {
        return workspace;
    }

    @Override
    public CompletableFuture<Object> shutdown() {
        shutdown = true;
        requests.shutdown();
        // Answer at once: clients wait little for this reply (eglot 1.5 s, Neovim 0.5 s when quitting).
        // Closing the index (rolling back a run in progress) goes on in the background; exit waits for it.
        closing = CompletableFuture.runAsync(() -> {
            diagnostics.close();
            workspace.close();
        }, runnable -> {
            Thread t = new Thread(runnable, "paperlink-shutdown");
            t.setDaemon(true);
            t.start();
        });
        return CompletableFuture.completedFuture(null);
    }

    /** Done when the resources are closed after {@code shutdown}. */
    private volatile CompletableFuture<Void> closing;

    @Override
    public void exit() {
        if (!shutdown) {
            diagnostics.close();
            workspace.close();
        } else if (closing != null) {
            try {
                closing.get(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                log.error("closing the index at exit", e);
            }
        }
        exit.accept(shutdown ? 0 : 1);
    }

    boolean isShutdown() {
        return shutdown;
    }

    /** {@code paperlink/relatedPapers}: the papers related to a range (see {@link RelatedPapersRequest}). */
    @org.eclipse.lsp4j.jsonrpc.services.JsonRequest(RelatedPapersRequest.METHOD)
    public CompletableFuture<List<RelatedPapersRequest.Item>> relatedPapers(RelatedPapersRequest.Params params) {
        return documents.relatedPapers(params);
    }

    @Override
    public PaperLinkTextDocumentService getTextDocumentService() {
        return documents;
    }

    @Override
    public PaperLinkWorkspaceService getWorkspaceService() {
        return workspaceService;
    }
}
