package dev.paperlink.server.render;

import java.nio.file.Path;

/**
 * Whether a local file is there (a Zotero attachment is linked only when it is). Features do no
 * I/O: the workspace passes the real check in ({@code FeatureParams.files}); tests pass a set.
 */
@FunctionalInterface
public interface FileExistence {
    /** Nothing exists: no attachment link. */
    FileExistence NONE = p -> false;

    boolean exists(Path file);
}
