package dev.paperlink.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.paperlink.cli.IndexSourcesCliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 13, 9 (and 8): {@code paperlink doctor}, what every editor's health check shows. */
class DoctorCliTest {
    @TempDir
    Path tmp;

    private static String level(JsonNode doctor, String check) {
        for (JsonNode c : doctor.get("checks")) {
            if (c.get("name").asText().equals(check)) {
                return c.get("level").asText() + ": " + c.get("detail").asText();
            }
        }
        return "absent";
    }

    @Test
    void doctorShowsJavaTheIndexItsSourcesTheLastErrorAndAServerThatAnswers() throws Exception {
        String index = "--index-dir=" + tmp.resolve("index");
        Path bib = tmp.resolve("refs.bib");
        Files.writeString(bib, "@article{a2020, title = {A Paper About Things}, author = {Doe, Jane}, year = 2020}\n");
        Path gone = tmp.resolve("gone.bib");
        Files.writeString(gone, "@article{b2021, title = {Another Paper}, author = {Roe, Rick}, year = 2021}\n");
        assertEquals(0, run("index", index, bib.toString(), gone.toString()).code());
        Files.delete(gone);
        Files.writeString(tmp.resolve("index").resolve(LastIndexError.FILE), "2026-01-01T00:00:00Z disk full\n");

        CliTest.Run r = run("doctor", index, "--json");
        assertEquals(0, r.code(), r.err() + r.out());
        JsonNode d = r.json();
        assertTrue(level(d, "java").startsWith("ok: Java "), level(d, "java"));
        assertTrue(level(d, "index").startsWith("ok: ") && level(d, "index").contains("2 papers"), level(d, "index"));
        assertTrue(d.get("schema").asInt() > 0 && d.get("indexBytes").asLong() > 0, d.toString());
        assertEquals(2, d.get("sources").size());
        for (JsonNode s : d.get("sources")) {
            assertEquals(s.get("file").asText().endsWith("gone.bib") ? "missing" : "indexed", s.get("state").asText(), s.toString());
        }
        assertTrue(level(d, "last error").contains("disk full"), level(d, "last error"));
        assertTrue(level(d, "server").startsWith("ok: 'paperlink serve' answered initialize in "), level(d, "server"));
        assertTrue(d.get("serverStartMs").asLong() > 0);

        CliTest.Run text = run("doctor", index, "--no-server");
        assertTrue(text.out().contains("OK    java") && text.out().contains("WARN  source") && text.out().contains("missing"), text.out());
        assertTrue(!text.out().contains("server "), text.out());
    }

    /** The index location follows $HOME, not Java's user.home, when they differ. */
    @Test
    void theDefaultIndexIsUnderTheEnvironmentsHome() throws Exception {
        Path home = tmp.resolve("home");
        ProcessBuilder pb = new ProcessBuilder(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "doctor", "--json", "--no-server"));
        pb.environment().put("HOME", home.toString());
        pb.environment().remove("XDG_CACHE_HOME");
        pb.environment().remove("PAPERLINK_INDEX_DIR");
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        JsonNode d = new ObjectMapper().readTree(out);
        assertEquals(home.resolve(".cache/paperlink/index").toString(), d.get("indexDir").asText(), out);
    }
}
