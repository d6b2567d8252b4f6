package dev.paperlink.server.feature.rename;

import java.util.List;

/**
 * The edits of one file.
 *
 * @param version the open document's version the edits are for; null for a file on disk
 */
public record FileEdit(String uri, Integer version, List<KeyEdit> edits) {

    public FileEdit {
        edits = List.copyOf(edits);
    }
}
