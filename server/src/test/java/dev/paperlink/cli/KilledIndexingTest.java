package dev.paperlink.cli;

import dev.paperlink.corpus.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A real process killed (SIGKILL) while indexing leaves the last committed index usable. */
class KilledIndexingTest {
    @TempDir
    Path tmp;

    @Test
    void killedWhileIndexingKeepsTheLastCommit() throws Exception {
        Path demo = Path.of("..", "demo").toAbsolutePath().normalize();
        Path index = tmp.resolve("index");
        assertEquals(0, Main.run(System.err, System.err, "index", "--index-dir=" + index, demo.toString()));

        Path big = tmp.resolve("big");
        Files.createDirectories(big);
        writeSyntheticBib(big.resolve("synthetic.bib"), 150_000);
        Process p = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "index", "--index-dir=" + index, demo.toString(), big.toString())
                .redirectErrorStream(true).start();
        // wait until it is reading the big file, then kill it without warning
        var reader = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream()));
        String line;
        while ((line = reader.readLine()) != null && !line.contains("synthetic.bib")) {
            // skip
        }
        Thread.sleep(300);
        p.destroyForcibly();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));

        try (Corpus corpus = Corpus.openReadOnly(index)) {
            assertEquals(10, corpus.stats().papers(), "the demo corpus, as last committed");
            assertTrue(corpus.byKey("vaswani2017attention").isPresent());
        }
        try (Corpus corpus = Corpus.open(index)) {
            var report = corpus.index(List.of(demo, big), dev.paperlink.corpus.IndexListener.NONE);
            assertEquals(150_010, report.papers());
        }
    }

    private static void writeSyntheticBib(Path file, int n) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            for (int i = 0; i < n; i++) {
                w.write("@article{synthetic" + i + ", title = {Synthetic paper number " + i + " about topic " + (i % 977)
                        + "}, author = {Author" + (i % 1013) + ", Ann}, year = {" + (1990 + i % 35) + "}}\n");
            }
        }
    }
}
