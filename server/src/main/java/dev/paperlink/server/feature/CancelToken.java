package dev.paperlink.server.feature;

import java.util.concurrent.CancellationException;

/**
 * Asks whether the request was cancelled; {@link #check()} throws {@link CancellationException}
 * when it was. Features call it between units of work. The protocol layer adapts LSP4J's
 * CancelChecker to it.
 */
@FunctionalInterface
public interface CancelToken {
    CancelToken NONE = () -> { };

    void check() throws CancellationException;
}
