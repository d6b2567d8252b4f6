package dev.paperlink.server.lsp;

import dev.paperlink.server.document.Uris;
import dev.paperlink.server.feature.CancelToken;
import dev.paperlink.server.feature.diagnostics.DiagnosticsFeature;
import dev.paperlink.server.feature.diagnostics.DiagnosticsResult;
import dev.paperlink.server.workspace.ServerLog;
import dev.paperlink.server.workspace.Workspace;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.services.LanguageClient;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Computes and publishes diagnostics off the protocol thread, a short while after the last
 * change of a document (edits in quick succession are checked once). Diagnostics of bibliography
 * files go out on the files' URIs and are cleared when no open document names the file any more.
 * All state is confined to the one scheduler thread.
 */
final class DiagnosticsPublisher implements AutoCloseable {
    static final long DELAY_MS = 150;

    private final Workspace workspace;
    private final ServerLog log;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "paperlink-diagnostics");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, ScheduledFuture<?>> pending = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Set<String>> filesOfDocument = new HashMap<>();
    private volatile LanguageClient client;

    DiagnosticsPublisher(Workspace workspace, ServerLog log) {
        this.workspace = workspace;
        this.log = log;
    }

    void connect(LanguageClient c) {
        this.client = c;
    }

    void schedule(String uri) {
        ScheduledFuture<?> f = scheduler.schedule(() -> publish(uri), DELAY_MS, TimeUnit.MILLISECONDS);
        ScheduledFuture<?> old = pending.put(uri, f);
        if (old != null) {
            old.cancel(false);
        }
    }

    void scheduleAll() {
        workspace.documents().forEach(d -> schedule(d.uri()));
    }

    /** The document was closed: clear its diagnostics and those of files only it named. */
    void closed(String uri) {
        ScheduledFuture<?> old = pending.remove(uri);
        if (old != null) {
            old.cancel(false);
        }
        scheduler.execute(() -> {
            send(uri, List.of());
            Set<String> files = filesOfDocument.remove(uri);
            if (files != null) {
                files.stream().filter(f -> !namedByOthers(f)).forEach(f -> send(f, List.of()));
            }
        });
    }

    private void publish(String uri) {
        pending.remove(uri);
        var params = workspace.params(uri, -1, CancelToken.NONE);
        if (params.isEmpty()) {
            return;
        }
        DiagnosticsResult r;
        try {
            r = DiagnosticsFeature.check(params.get());
        } catch (RuntimeException e) {
            log.error("diagnostics of " + uri + " failed", e);
            return;
        }
        send(uri, ToLsp.diagnostics(r.document()));
        Set<String> now = new HashSet<>();
        for (Map.Entry<Path, List<dev.paperlink.server.feature.diagnostics.Problem>> e : r.files().entrySet()) {
            String fileUri = Uris.fromPath(e.getKey());
            now.add(fileUri);
            if (workspace.document(fileUri).isEmpty()) { // an open .bib file publishes its own
                send(fileUri, ToLsp.diagnostics(e.getValue()));
            }
        }
        Set<String> before = filesOfDocument.put(uri, now);
        if (before != null) {
            before.stream().filter(f -> !now.contains(f) && !namedByOthers(f)).forEach(f -> send(f, List.of()));
        }
    }

    private boolean namedByOthers(String fileUri) {
        return filesOfDocument.values().stream().anyMatch(s -> s.contains(fileUri));
    }

    private void send(String uri, List<org.eclipse.lsp4j.Diagnostic> diagnostics) {
        LanguageClient c = client;
        if (c != null) {
            c.publishDiagnostics(new PublishDiagnosticsParams(uri, diagnostics));
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
