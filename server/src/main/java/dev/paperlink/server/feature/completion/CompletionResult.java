package dev.paperlink.server.feature.completion;

import java.util.List;

/** Completion items, and whether more matched than were sent (the client should ask again as the user types). */
public record CompletionResult(List<CompletionCandidate> items, boolean incomplete) {
    public static final CompletionResult EMPTY = new CompletionResult(List.of(), false);

    public CompletionResult {
        items = List.copyOf(items);
    }
}
