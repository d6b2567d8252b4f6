package dev.paperlink.server.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paperlink.server.testing.JsonRpcClient;
import dev.paperlink.server.testing.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 10, 10, over the real pipes of server processes: bytes flipped in the stored fields and
 * terms of the index a server left (the text hovers show) are found by the next server's
 * background check of the checksums; it says so in its log, rebuilds the index from the
 * sources, and hovers show the right text again.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class DamagedIndexE2ETest {
    @TempDir
    Path tmp;

    @Test
    void flippedBytesAreFoundInTheBackgroundAndTheIndexRebuilt() throws Exception {
        Path bib = tmp.resolve("refs.bib");
        StringBuilder entries = new StringBuilder("@article{vaswani2017, title = {Attention Is All You Need}, year = {2017}}\n");
        for (int i = 0; i < 300; i++) {
            entries.append("@misc{paper").append(i).append(", title = {Paper number ").append(i)
                    .append("}, abstract = {What paper ").append(i).append(" is about.}}\n");
        }
        Files.writeString(bib, entries);
        Path note = tmp.resolve("note.tex");
        Files.writeString(note, "\\addbibresource{refs.bib}\n\\cite{vaswani2017}\n");
        String[] args = {"--index-dir", tmp.resolve("index").toString()};

        try (ServerProcess first = ServerProcess.start(tmp, args)) {
            open(first, note);
            assertTrue(hover(first, note).contains("Attention Is All You Need"));
            end(first);
        }
        int flipped = dev.paperlink.server.testing.IndexDamage.flipMiddle(tmp.resolve("index"), ".tim", ".fdt");
        assertTrue(flipped >= 2, "flipped bytes in " + flipped + " files");

        try (ServerProcess second = ServerProcess.start(tmp, args)) {
            open(second, note);
            hover(second, note); // answers, right or wrong, before the check has run
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!second.log().contains("every source is read again") && System.nanoTime() < end) {
                Thread.sleep(100);
            }
            assertTrue(second.log().contains("was damaged"), "the damage is found and said; log:\n" + second.log());
            String text = "";
            while (System.nanoTime() < end && !text.contains("Attention Is All You Need")) {
                text = hover(second, note);
                Thread.sleep(200);
            }
            assertTrue(text.contains("Attention Is All You Need"), "the right text after the rebuild: " + text);
            end(second);
        }
    }

    private static void open(ServerProcess server, Path note) throws java.io.IOException {
        JsonRpcClient c = server.client();
        c.request("initialize", Map.of("capabilities", Map.of(), "rootUri", note.getParent().toUri().toString()));
        c.notify("initialized", Map.of());
        c.notify("textDocument/didOpen", Map.of("textDocument", Map.of("uri", note.toUri().toString(), "languageId", "latex",
                "version", 1, "text", Files.readString(note))));
    }

    /** The hover on the note's citation, or "" for none. */
    private static String hover(ServerProcess server, Path note) {
        JsonNode h = server.client().request("textDocument/hover", Map.of("textDocument", Map.of("uri", note.toUri().toString()),
                "position", Map.of("line", 1, "character", 8)), 30);
        return h == null || h.isNull() ? "" : h.toString();
    }

    private static void end(ServerProcess server) throws InterruptedException {
        server.client().request("shutdown", null);
        server.client().notify("exit", null);
        assertEquals(0, server.waitFor(30), server.log());
    }
}
