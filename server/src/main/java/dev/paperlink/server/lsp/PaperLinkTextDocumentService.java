package dev.paperlink.server.lsp;

import dev.paperlink.server.feature.related.CiteRelated;
import dev.paperlink.server.feature.related.RelatedFeature;

import dev.paperlink.server.document.DocumentKind;
import dev.paperlink.server.document.TextDocument;
import dev.paperlink.server.feature.CancelToken;
import dev.paperlink.server.feature.FeatureParams;
import dev.paperlink.server.feature.completion.CompletionFeature;
import dev.paperlink.server.feature.definition.DefinitionFeature;
import dev.paperlink.server.feature.hover.HoverFeature;
import dev.paperlink.server.feature.links.LinkFeature;
import dev.paperlink.server.workspace.Workspace;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.DocumentLink;
import org.eclipse.lsp4j.DocumentLinkParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.TextDocumentService;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Text synchronisation and the document requests. Each request is: {@link FromLsp} → the
 * workspace's parameters for the document → a feature → {@link ToLsp}. Unknown documents get
 * empty answers.
 */
public final class PaperLinkTextDocumentService implements TextDocumentService {
    private final PaperLinkLanguageServer server;
    private final Workspace workspace;
    private final DiagnosticsPublisher diagnostics;

    PaperLinkTextDocumentService(PaperLinkLanguageServer server, Workspace workspace, DiagnosticsPublisher diagnostics) {
        this.server = server;
        this.workspace = workspace;
        this.diagnostics = diagnostics;
        this.navigation = new Navigation(server, workspace);
    }

    /** References, rename and symbols: see {@link Navigation}. */
    private final Navigation navigation;

    @Override
    public CompletableFuture<List<? extends Location>> references(org.eclipse.lsp4j.ReferenceParams p) {
        return navigation.references(p);
    }

    @Override
    public CompletableFuture<org.eclipse.lsp4j.jsonrpc.messages.Either3<org.eclipse.lsp4j.Range, org.eclipse.lsp4j.PrepareRenameResult,
            org.eclipse.lsp4j.PrepareRenameDefaultBehavior>> prepareRename(org.eclipse.lsp4j.PrepareRenameParams p) {
        return navigation.prepareRename(p);
    }

    @Override
    public CompletableFuture<org.eclipse.lsp4j.WorkspaceEdit> rename(org.eclipse.lsp4j.RenameParams p) {
        return navigation.rename(p);
    }

    @Override
    public CompletableFuture<List<Either<org.eclipse.lsp4j.SymbolInformation, org.eclipse.lsp4j.DocumentSymbol>>> documentSymbol(
            org.eclipse.lsp4j.DocumentSymbolParams p) {
        return navigation.documentSymbol(p);
    }

    CompletableFuture<Either<List<? extends org.eclipse.lsp4j.SymbolInformation>, List<? extends org.eclipse.lsp4j.WorkspaceSymbol>>> symbol(
            org.eclipse.lsp4j.WorkspaceSymbolParams p) {
        return navigation.symbol(p);
    }

    private Optional<FeatureParams> at(TextDocumentIdentifier id, Position pos, CancelToken cancel) {
        return workspace.document(id.getUri()).flatMap(d -> workspace.params(d.uri(), FromLsp.offset(d, pos), cancel));
    }

    /**
     * How long a request that finds nothing waits for the index's first papers of a bibliography
     * it is reading (they are usually published within a second of opening the note; a busy
     * machine takes longer, and an empty answer would be worse than a late one).
     */
    static final long FIRST_PAPERS_WAIT_MS = 5_000;

    @Override
    public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(CompletionParams p) {
        workspace.corpus().userActive();
        return server.async("completion", Either.forRight(new CompletionList(false, List.of())), cancel -> Either.forRight(
                whileIndexing(p.getTextDocument(), p.getPosition(), cancel, CompletionFeature::complete, r -> !r.items().isEmpty())
                        .map(r -> ToLsp.completion(r.document(), r.result()))
                        .orElseGet(() -> new CompletionList(false, List.of()))));
    }

    /** A feature's answer and the document it is about. */
    private record Answer<R>(TextDocument document, R result) {
    }

    /**
     * A feature at a position. When it finds nothing while the index is still reading the
     * document's bibliography (the first seconds of a new one), it waits for the index's next
     * publish and asks again, up to {@value #FIRST_PAPERS_WAIT_MS} ms: a client that asks once
     * right after opening a note is not left with nothing.
     */
    private <R> Optional<Answer<R>> whileIndexing(TextDocumentIdentifier id, Position pos, CancelToken cancel,
                                                  java.util.function.Function<FeatureParams, R> feature,
                                                  java.util.function.Predicate<R> found) {
        Optional<FeatureParams> fp = at(id, pos, cancel);
        if (fp.isEmpty()) {
            return Optional.empty();
        }
        R result = feature.apply(fp.get());
        long deadline = System.nanoTime() + FIRST_PAPERS_WAIT_MS * 1_000_000;
        while (!found.test(result) && fp.get().bibliography().pending() && System.nanoTime() < deadline) {
            cancel.check();
            workspace.corpus().awaitPublish(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            Optional<FeatureParams> again = at(id, pos, cancel);
            if (again.isEmpty()) {
                break;
            }
            fp = again;
            result = feature.apply(fp.get());
        }
        return Optional.of(new Answer<>(fp.get().document(), result));
    }

    @Override
    public CompletableFuture<CompletionItem> resolveCompletionItem(CompletionItem item) {
        return server.async("completionItem/resolve", item, cancel -> {
            FromLsp.itemData(item.getData()).ifPresent(data -> {
                var lookup = Optional.ofNullable(data.uri()).flatMap(u -> workspace.params(u, -1, cancel))
                        .map(FeatureParams::lookup).orElseGet(() -> workspace.corpus().lookup());
                CompletionFeature.resolve(lookup, data.key(), workspace.config(), workspace.citations(), workspace.files())
                        .ifPresent(md -> item.setDocumentation(ToLsp.markdown(md)));
            });
            return item;
        });
    }

    /**
     * Quick fixes of the citations in the range (a key added to the bibliography, replaced by a
     * near one, or given its entry's case) and "Cite a related paper…" actions on the sentence at
     * the cursor or the sentences of a selection.
     */
    @Override
    public CompletableFuture<List<Either<org.eclipse.lsp4j.Command, org.eclipse.lsp4j.CodeAction>>> codeAction(
            org.eclipse.lsp4j.CodeActionParams p) {
        List<String> only = p.getContext() == null ? null : p.getContext().getOnly();
        boolean fixes = only == null || only.stream().anyMatch(k -> org.eclipse.lsp4j.CodeActionKind.QuickFix.startsWith(k));
        boolean cite = only == null || only.stream().anyMatch(k -> org.eclipse.lsp4j.CodeActionKind.RefactorRewrite.startsWith(k));
        if (!fixes && !cite) {
            return CompletableFuture.completedFuture(List.of());
        }
        return server.async("codeAction", List.of(), cancel -> workspace.document(p.getTextDocument().getUri())
                .flatMap(d -> workspace.params(d.uri(), FromLsp.offset(d, p.getRange().getStart()), cancel).map(fp -> {
                    var range = FromLsp.range(d, p.getRange());
                    List<Either<org.eclipse.lsp4j.Command, org.eclipse.lsp4j.CodeAction>> out = new java.util.ArrayList<>();
                    if (fixes) {
                        out.addAll(ToLsp.fixActions(d, dev.paperlink.server.feature.bibedit.CitationFixes.at(fp, range),
                                p.getContext() == null ? null : p.getContext().getDiagnostics()));
                    }
                    if (cite) {
                        out.addAll(ToLsp.citeActions(d, CiteRelated.actions(fp, range)));
                    }
                    return out;
                }))
                .orElse(List.of()));
    }

    /** {@code paperlink/relatedPapers}: see {@link RelatedPapersRequest}. */
    CompletableFuture<List<RelatedPapersRequest.Item>> relatedPapers(RelatedPapersRequest.Params p) {
        return server.async(RelatedPapersRequest.METHOD, List.of(), cancel -> workspace.document(p.textDocument().getUri())
                .flatMap(d -> workspace.params(d.uri(), FromLsp.offset(d, p.range().getStart()), cancel)
                        .map(fp -> ToLsp.relatedPapers(fp, RelatedFeature.find(fp, FromLsp.range(d, p.range()),
                                p.limit() == null ? 10 : Math.max(1, Math.min(50, p.limit()))))))
                .orElse(List.of()));
    }

    @Override
    public CompletableFuture<Hover> hover(HoverParams p) {
        return server.async("hover", null, cancel -> whileIndexing(p.getTextDocument(), p.getPosition(), cancel, HoverFeature::find,
                        h -> h.isEmpty() || h.get().known())
                .flatMap(a -> a.result().map(h -> ToLsp.hover(a.document(), h))).orElse(null));
    }

    @Override
    public CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>> definition(DefinitionParams p) {
        return server.async("definition", Either.forLeft(List.of()), cancel -> Either.forLeft(
                whileIndexing(p.getTextDocument(), p.getPosition(), cancel, DefinitionFeature::find, d -> !d.isEmpty())
                        .map(a -> ToLsp.locations(a.result())).orElse(List.of())));
    }

    @Override
    public CompletableFuture<List<DocumentLink>> documentLink(DocumentLinkParams p) {
        return server.async("documentLink", List.of(), cancel -> workspace.params(p.getTextDocument().getUri(), -1, cancel)
                .map(fp -> ToLsp.links(fp.document(), LinkFeature.links(fp))).orElse(List.of()));
    }

    @Override
    public void didOpen(DidOpenTextDocumentParams p) {
        var d = p.getTextDocument();
        workspace.open(TextDocument.of(d.getUri(), d.getLanguageId(), d.getVersion(), d.getText()));
        changed(d.getUri());
    }

    @Override
    public void didChange(DidChangeTextDocumentParams p) {
        workspace.corpus().userActive(); // background embedding waits for a pause in the typing
        String uri = p.getTextDocument().getUri();
        List<dev.paperlink.server.document.TextDocument.Change> changes = FromLsp.changes(p.getContentChanges());
        Optional<dev.paperlink.server.document.TextDocument> doc = workspace.change(uri, p.getTextDocument().getVersion(), changes);
        changed(uri);
        if (doc.isPresent() && !changes.isEmpty() && changes.get(changes.size() - 1).start() != null) {
            var last = changes.get(changes.size() - 1);
            int typedEnd = doc.get().offset(last.start()) + last.text().length();
            prepareAhead(uri, typedEnd);
        }
    }

    /** The sentence just typed, for the embedding of a citation's context to be made ahead (off the protocol thread, the latest wins). */
    private void prepareAhead(String uri, int offset) {
        if (ahead.getAndSet(new TypedAt(uri, offset)) != null) {
            return; // a task is queued already: it takes the latest place
        }
        aheadThread.execute(() -> {
            try {
                Thread.sleep(AHEAD_PAUSE_MS); // the keys typed meanwhile: one sentence embedded, not one per key
            } catch (InterruptedException e) {
                return;
            }
            TypedAt at = ahead.getAndSet(null);
            try {
                workspace.params(at.uri(), at.offset(), CancelToken.NONE).ifPresent(fp -> RelatedFeature.prepare(fp, at.offset()));
            } catch (RuntimeException e) {
                // a head start only
            }
        });
    }

    /** Where a document was last typed in. */
    private record TypedAt(String uri, int offset) {
    }

    /** How long typing may go on before the sentence being typed is embedded ahead. */
    static final long AHEAD_PAUSE_MS = 100;
    private final java.util.concurrent.atomic.AtomicReference<TypedAt> ahead = new java.util.concurrent.atomic.AtomicReference<>();
    private final java.util.concurrent.ExecutorService aheadThread = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "paperlink-related-ahead");
        t.setDaemon(true);
        return t;
    });

    /**
     * A change of a .bib buffer can change every document that names it; a change of a LaTeX
     * root document, every file it includes.
     */
    private void changed(String uri) {
        boolean wide = workspace.document(uri).map(d -> d.kind() == DocumentKind.BIBTEX
                || d.kind() == DocumentKind.LATEX && !dev.paperlink.server.syntax.IncludeScanner.scan(d.text()).isEmpty()).orElse(false);
        if (wide) {
            diagnostics.scheduleAll();
        } else {
            diagnostics.schedule(uri);
            // what the note cites may change which entries of an open .bib are unused
            workspace.documents().stream().filter(d -> d.kind() == DocumentKind.BIBTEX).forEach(d -> diagnostics.schedule(d.uri()));
        }
    }

    @Override
    public void didClose(DidCloseTextDocumentParams p) {
        String uri = p.getTextDocument().getUri();
        boolean bib = workspace.document(uri).map(d -> d.kind() == DocumentKind.BIBTEX).orElse(false);
        workspace.close(uri);
        diagnostics.closed(uri);
        if (bib) {
            Workspace.path(uri).ifPresent(workspace::fileChanged);
            diagnostics.scheduleAll();
        }
    }

    @Override
    public void didSave(DidSaveTextDocumentParams p) {
        String uri = p.getTextDocument().getUri();
        Optional<java.nio.file.Path> path = Workspace.path(uri);
        if (path.isPresent() && dev.paperlink.server.workspace.CorpusRoots.isBibliography(path.get())) {
            workspace.fileChanged(path.get());
            server.reindex();
        }
    }
}
