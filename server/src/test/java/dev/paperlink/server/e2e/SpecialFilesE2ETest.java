package dev.paperlink.server.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paperlink.server.testing.JsonRpcClient;
import dev.paperlink.server.testing.ServerProcess;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 10, 2 and 8, over the real pipes of a server process with a small heap: a note that names
 * its own stdin and stdout, devices (also behind a {@code .bib} symbolic link), a FIFO named
 * {@code refs.bib}, a secret without a bibliography extension and a 2 GB sparse {@code .bib}. None
 * of them is read into memory, blocks a thread or eats the protocol: each is reported on its
 * line, the good bibliography beside them is served, requests are answered all along, and the
 * server ends normally.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class SpecialFilesE2ETest {
    @TempDir
    Path tmp;

    @Test
    void specialFilesAreRefusedAndTheRestKeepsWorking() throws Exception {
        Assumptions.assumeTrue(Files.exists(Path.of("/proc/self/fd/0")), "a Linux /proc is needed");
        Path fifo = tmp.resolve("refs.bib");
        Assumptions.assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo is needed");
        Files.createSymbolicLink(tmp.resolve("zero.bib"), Path.of("/dev/zero"));
        Files.createSymbolicLink(tmp.resolve("stdin.bib"), Path.of("/proc/self/fd/0"));
        Files.writeString(tmp.resolve("id_rsa"), "-----BEGIN OPENSSH PRIVATE KEY-----\n");
        try (RandomAccessFile big = new RandomAccessFile(tmp.resolve("big.bib").toFile(), "rw")) {
            big.setLength(2L << 30); // sparse: 2 GB of NULs that take no disk
        }
        Files.writeString(tmp.resolve("good.bib"), "@article{good1, title = {A Good Paper}, author = {Doe, Jane}, year = {2020}}\n");
        List<String> names = List.of("/dev/stdin", "/proc/self/fd/0", "/proc/self/fd/1", "/dev/zero", "/dev/urandom",
                "refs.bib", "zero.bib", "stdin.bib", "id_rsa", "big.bib");
        StringBuilder note = new StringBuilder();
        names.forEach(n -> note.append("\\addbibresource{").append(n).append("}\n"));
        note.append("\\addbibresource{good.bib}\n\\cite{good1}\n");
        String uri = tmp.resolve("note.tex").toUri().toString();
        int citeLine = names.size() + 1;

        try (ServerProcess server = ServerProcess.start(tmp, List.of("-Xmx160m", "-XX:+ExitOnOutOfMemoryError"),
                "--index-dir", tmp.resolve("index").toString())) {
            JsonRpcClient c = server.client();
            c.request("initialize", Map.of("capabilities", Map.of(), "rootUri", tmp.toUri().toString()));
            c.notify("initialized", Map.of());
            c.notify("textDocument/didOpen", Map.of("textDocument", Map.of("uri", uri, "languageId", "latex", "version", 1,
                    "text", note.toString())));

            JsonNode hover = c.request("textDocument/hover", position(uri, citeLine, 8), 30);
            assertTrue(hover.toString().contains("A Good Paper"), "the good bibliography is served: " + hover);

            JsonNode diagnostics = c.awaitDiagnostics(uri, d -> d.size() >= names.size() - 1, 60);
            for (int line = 0; line < names.size(); line++) {
                if (names.get(line).equals("big.bib")) {
                    continue; // a real file, indexed (no entries in it)
                }
                int l = line;
                assertTrue(lineHas(diagnostics, l), names.get(l) + " is reported on its line: " + diagnostics);
            }

            for (int i = 0; i < 3; i++) { // while the 2 GB file is indexed, and after
                long t0 = System.nanoTime();
                JsonNode again = c.request("textDocument/hover", position(uri, citeLine, 8), 30);
                assertTrue(again.toString().contains("A Good Paper"), again.toString());
                assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0) < 10_000, "answered in time");
                Thread.sleep(3_000);
            }
            c.request("shutdown", null);
            c.notify("exit", null);
            assertEquals(0, server.waitFor(60), "no OutOfMemoryError, a normal end; log:\n" + server.log());
        }
    }

    private static boolean lineHas(JsonNode diagnostics, int line) {
        for (JsonNode d : diagnostics) {
            if (d.path("range").path("start").path("line").asInt() == line) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Object> position(String uri, int line, int character) {
        return Map.of("textDocument", Map.of("uri", uri), "position", Map.of("line", line, "character", character));
    }
}
