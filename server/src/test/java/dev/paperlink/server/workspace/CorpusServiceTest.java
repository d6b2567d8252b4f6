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

/**
 * Issue 10, 11: an index folder that cannot be used at all gives a temporary index, deleted when
 * the server closes it; papers are embedded in the background only in the pauses of the typing.
 */
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

    /** A model that counts what it is asked to embed. */
    private static final class CountingModel implements dev.paperlink.corpus.embed.Embedder {
        final java.util.concurrent.atomic.AtomicInteger texts = new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public String name() {
            return "counting";
        }

        @Override
        public int dimensions() {
            return 2;
        }

        @Override
        public List<float[]> embed(List<String> batch) {
            texts.addAndGet(batch.size());
            return batch.stream().map(t -> new float[] {0.6f, 0.8f}).toList();
        }
    }

    @Test
    void papersAreEmbeddedInThePausesOfTheTyping() throws Exception {
        StringBuilder bib = new StringBuilder();
        for (int i = 0; i < 150; i++) {
            bib.append("@article{p").append(i).append(", title = {Paper number ").append(i).append("}}\n");
        }
        Path refs = dir.resolve("refs.bib");
        Files.writeString(refs, bib);
        CountingModel model = new CountingModel();
        CorpusService service = new CorpusService(ServerLog.STDERR, java.util.Optional.of(model));
        try {
            long typingUntil = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(3 * CorpusService.QUIET_BEFORE_EMBEDDING_MS);
            service.userActive();
            service.reindex(dir.resolve("index"), () -> List.of(refs), () -> CorpusService.Progress.NONE, r -> { }).get(60, TimeUnit.SECONDS);
            while (System.nanoTime() < typingUntil) { // a keystroke every 100 ms
                service.userActive();
                Thread.sleep(100);
            }
            org.junit.jupiter.api.Assertions.assertEquals(0, model.texts.get(), "nothing embedded while the writer types");
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (service.corpus().orElseThrow().embeddingStatus().orElseThrow().missing() > 0 && System.nanoTime() < end) {
                Thread.sleep(50);
            }
            org.junit.jupiter.api.Assertions.assertEquals(0, service.corpus().orElseThrow().embeddingStatus().orElseThrow().missing(),
                    "all embedded once the typing paused");
            assertTrue(model.texts.get() >= 150, "every paper embedded: " + model.texts.get());
        } finally {
            service.close();
        }
    }
}
