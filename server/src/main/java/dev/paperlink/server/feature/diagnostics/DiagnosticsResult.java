package dev.paperlink.server.feature.diagnostics;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The diagnostics of one document, and those of the bibliography files it names (published on
 * the files' own URIs; every named file is present, with an empty list when it has none, so that
 * old diagnostics get cleared).
 */
public record DiagnosticsResult(List<Problem> document, Map<Path, List<Problem>> files) {

    public DiagnosticsResult {
        document = List.copyOf(document);
        files = Map.copyOf(files);
    }
}
