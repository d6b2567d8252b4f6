package dev.paperlink.server.lsp;

import dev.paperlink.server.workspace.CorpusService;
import dev.paperlink.server.workspace.ServerLog;
import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.WorkDoneProgressBegin;
import org.eclipse.lsp4j.WorkDoneProgressCreateParams;
import org.eclipse.lsp4j.WorkDoneProgressEnd;
import org.eclipse.lsp4j.WorkDoneProgressNotification;
import org.eclipse.lsp4j.WorkDoneProgressReport;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An indexing run shown as {@code window/workDoneProgress} (created by the server, with
 * percentages). Runs on the indexing thread, so waiting briefly for the client's answer to
 * {@code window/workDoneProgress/create} blocks no request.
 */
final class LspProgress implements CorpusService.Progress {
    private static final AtomicInteger IDS = new AtomicInteger();

    private final LanguageClient client;
    private final ServerLog log;
    private final String token = "paperlink/index/" + IDS.incrementAndGet();
    private boolean created;
    private int lastPercent = -1;

    LspProgress(LanguageClient client, ServerLog log) {
        this.client = client;
        this.log = log;
    }

    @Override
    public void begin(String title) {
        try {
            client.createProgress(new WorkDoneProgressCreateParams(Either.forLeft(token))).get(5, TimeUnit.SECONDS);
            created = true;
        } catch (Exception e) {
            log.log(ServerLog.Level.DEBUG, "no progress reporting: " + e);
            return;
        }
        WorkDoneProgressBegin b = new WorkDoneProgressBegin();
        b.setTitle(title);
        b.setPercentage(0);
        b.setCancellable(false);
        send(b);
    }

    @Override
    public void report(int percent, String message) {
        if (!created || percent < lastPercent) {
            return;
        }
        lastPercent = percent;
        WorkDoneProgressReport r = new WorkDoneProgressReport();
        r.setPercentage(percent);
        r.setMessage(message);
        send(r);
    }

    @Override
    public void end(String message) {
        if (!created) {
            return;
        }
        WorkDoneProgressEnd e = new WorkDoneProgressEnd();
        e.setMessage(message);
        send(e);
    }

    private void send(WorkDoneProgressNotification n) {
        client.notifyProgress(new ProgressParams(Either.forLeft(token), Either.forLeft(n)));
    }
}
