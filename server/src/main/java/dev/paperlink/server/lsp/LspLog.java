package dev.paperlink.server.lsp;

import dev.paperlink.server.workspace.ServerLog;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.services.LanguageClient;

import java.io.PrintStream;

/** Logs to stderr and, once a client is connected, to its {@code window/logMessage}. Never to stdout. */
final class LspLog implements ServerLog {
    private final PrintStream stderr;
    private final boolean debug = System.getenv("PAPERLINK_DEBUG") != null;
    private volatile LanguageClient client;

    LspLog(PrintStream stderr) {
        this.stderr = stderr;
    }

    void connect(LanguageClient c) {
        this.client = c;
    }

    @Override
    public void log(Level level, String message) {
        if (level == Level.DEBUG && !debug) {
            return;
        }
        stderr.println("[paperlink " + level.name().toLowerCase(java.util.Locale.ROOT) + "] " + message);
        LanguageClient c = client;
        if (c != null) {
            try {
                c.logMessage(new MessageParams(ToLsp.messageType(level), message));
            } catch (RuntimeException e) {
                stderr.println("[paperlink error] cannot send a log message: " + e);
            }
        }
    }
}
