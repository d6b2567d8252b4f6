package dev.paperlink.cli;

import dev.paperlink.corpus.CorpusPaths;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The {@code --index-dir} option every command shares. */
final class IndexDirOption {
    @Option(names = "--index-dir", paramLabel = "DIR",
            description = "Index directory (default: $PAPERLINK_INDEX_DIR, else $XDG_CACHE_HOME/paperlink/index, else ~/.cache/paperlink/index).")
    Path indexDir;

    Path resolve() {
        return indexDir != null ? indexDir : CorpusPaths.defaultIndexDir();
    }
}
