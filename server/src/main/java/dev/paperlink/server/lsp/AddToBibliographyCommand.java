package dev.paperlink.server.lsp;

import dev.paperlink.server.document.TextDocument;
import dev.paperlink.server.document.Uris;
import dev.paperlink.server.feature.CancelToken;
import dev.paperlink.server.feature.FeatureParams;
import dev.paperlink.server.feature.bibedit.AddToBibliography;
import org.eclipse.lsp4j.ApplyWorkspaceEditParams;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CreateFile;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ResourceOperationKind;
import org.eclipse.lsp4j.TextDocumentEdit;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code workspace/executeCommand paperlink.addToBibliography}: the feature plans the entry over
 * the target file's text (its open buffer, else the disk); the edit goes to the client as
 * {@code workspace/applyEdit} (a new file with a {@code CreateFile} where the client supports
 * it). A client that cannot apply edits, or create files, gets the file written by the server
 * (only a file it does not have open). Refusals (the key taken by another entry) are shown with
 * {@code window/showMessage}.
 */
final class AddToBibliographyCommand {
    /** The largest bibliography file read to add an entry to. */
    static final long MAX_BYTES = 256L << 20;

    private final PaperLinkLanguageServer server;

    AddToBibliographyCommand(PaperLinkLanguageServer server) {
        this.server = server;
    }

    /** Runs the command; the answer is {@code {applied, message}}. */
    Map<String, Object> run(AddToBibliography.Request r, CancelToken cancel) {
        var workspace = server.workspace();
        Optional<FeatureParams> p = workspace.params(r.document(), -1, cancel);
        if (p.isEmpty()) {
            return done(false, "the document " + r.document() + " is not open", true);
        }
        Optional<Path> target = AddToBibliography.target(p.get(), r).map(t -> t.file());
        Optional<String> text;
        try {
            text = target.isEmpty() ? Optional.empty() : current(target.get());
        } catch (IOException e) {
            return done(false, "cannot read " + target.get() + ": " + e.getMessage(), true);
        }
        return switch (AddToBibliography.plan(p.get(), r, text)) {
            case AddToBibliography.Message m -> done(false, m.text(), m.warning());
            case AddToBibliography.Edit e -> apply(e, text.orElse(""));
        };
    }

    /** The file's text as the client has it (an open buffer), else as on disk; empty when it does not exist. */
    private Optional<String> current(Path file) throws IOException {
        Optional<TextDocument> open = server.workspace().document(Uris.fromPath(file));
        if (open.isPresent()) {
            return Optional.of(open.get().text());
        }
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        if (!Files.isRegularFile(file) || Files.size(file) > MAX_BYTES) {
            throw new IOException("not a regular file of at most " + (MAX_BYTES >> 20) + " MB");
        }
        return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
    }

    private Map<String, Object> apply(AddToBibliography.Edit e, String text) {
        String uri = Uris.fromPath(e.file());
        String name = e.file().getFileName().toString();
        String what = "Added '" + e.key() + "' to " + name;
        ClientCapabilities caps = server.clientCapabilities();
        LanguageClient client = server.client();
        var ws = caps.getWorkspace();
        boolean applyEdit = client != null && ws != null && Boolean.TRUE.equals(ws.getApplyEdit());
        boolean create = applyEdit && ws.getWorkspaceEdit() != null && ws.getWorkspaceEdit().getResourceOperations() != null
                && ws.getWorkspaceEdit().getResourceOperations().contains(ResourceOperationKind.Create);
        boolean open = server.workspace().document(uri).isPresent();
        if (applyEdit && (!e.create() || create)) {
            Position at = ToLsp.position(TextDocument.of(uri, "", 0, text).position(e.offset()));
            TextEdit insert = new TextEdit(new Range(at, at), e.text());
            WorkspaceEdit edit;
            if (e.create()) {
                Either<TextDocumentEdit, org.eclipse.lsp4j.ResourceOperation> createIt = Either.forRight(new CreateFile(uri));
                Either<TextDocumentEdit, org.eclipse.lsp4j.ResourceOperation> fill =
                        Either.forLeft(new TextDocumentEdit(new VersionedTextDocumentIdentifier(uri, null),
                                List.of(Either.<TextEdit, org.eclipse.lsp4j.SnippetTextEdit>forLeft(insert))));
                List<Either<TextDocumentEdit, org.eclipse.lsp4j.ResourceOperation>> changes = List.of(createIt, fill);
                edit = new WorkspaceEdit(changes);
            } else {
                edit = new WorkspaceEdit(Map.of(uri, List.of(insert)));
            }
            try {
                var result = client.applyEdit(new ApplyWorkspaceEditParams(edit, what)).get(60, java.util.concurrent.TimeUnit.SECONDS);
                if (result == null || !result.isApplied()) {
                    return done(false, "The editor did not add '" + e.key() + "' to " + name
                            + (result != null && result.getFailureReason() != null ? ": " + result.getFailureReason() : ""), true);
                }
                return done(true, what, false);
            } catch (InterruptedException x) {
                Thread.currentThread().interrupt();
                return done(false, "interrupted", true);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException x) {
                return done(false, "The editor did not add '" + e.key() + "' to " + name + ": " + x.getMessage(), true);
            }
        }
        if (open) {
            return done(false, "The editor cannot apply edits: add '" + e.key() + "' to " + name + " by hand", true);
        }
        try { // the client cannot edit (or create) files: the server writes the file it does not have open
            String now = text.substring(0, e.offset()) + e.text() + text.substring(e.offset());
            Files.writeString(e.file(), now, StandardCharsets.UTF_8, e.create() ? StandardOpenOption.CREATE_NEW : StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException x) {
            return done(false, "Cannot write " + e.file() + ": " + x.getMessage(), true);
        }
        server.workspace().fileChanged(e.file());
        server.reindex();
        return done(true, what, false);
    }

    private Map<String, Object> done(boolean applied, String message, boolean warn) {
        LanguageClient client = server.client();
        if (warn && client != null) {
            client.showMessage(new MessageParams(MessageType.Warning, "PaperLink: " + message));
        } else {
            server.log().info(message);
        }
        return Map.of("applied", applied, "message", message);
    }
}
