package dev.paperlink.server.workspace;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 10, 11: an index folder that cannot be used at all gives a temporary index, deleted when the server closes it. */
class CorpusServiceTest {
    @TempDir
    Path dir;

    @Test
    void aTemporaryIndexIsNotLeftBehind() throws Exception {
        Path notAFolder = dir.resolve("index");
        Files.writeString(notAFolder, "a file where the index folder should be\n");
        CorpusService service = new CorpusService(ServerLog.STDERR);
        service.reindex(notAFolder, List::of, () -> CorpusService.Progress.NONE, r -> { }).get(60, TimeUnit.SECONDS);
        Path used = service.indexDir();
        assertNotEquals(notAFolder, used);
        assertTrue(Files.isDirectory(used), "answers from a temporary index: " + used);
        service.close();
        assertFalse(Files.exists(used), "the temporary index is deleted with the service");
    }
}
