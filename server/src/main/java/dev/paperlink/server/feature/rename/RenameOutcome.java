package dev.paperlink.server.feature.rename;

import dev.paperlink.server.document.TextRange;

import java.util.List;

/** What a rename (or its preparation) comes to: the key's place, the edits, or why not. */
public sealed interface RenameOutcome {

    /** The key under the cursor can be renamed: its range and text (prepareRename). */
    record Renamable(TextRange range, String key) implements RenameOutcome {
    }

    /** The edits of every file, one workspace edit. */
    record Edits(List<FileEdit> files) implements RenameOutcome {
        public Edits {
            files = List.copyOf(files);
        }
    }

    /** The rename is refused; the message says why (shown to the user). */
    record Refused(String message) implements RenameOutcome {
    }
}
