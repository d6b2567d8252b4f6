package dev.paperlink.corpus.source.hf;

import dev.paperlink.corpus.model.Paper;
import dev.paperlink.corpus.source.RecordReader;
import dev.paperlink.corpus.source.Skip;
import dev.paperlink.corpus.source.arxiv.ArxivJsonlReader;
import dev.paperlink.corpus.testing.CollectingSink;
import dev.paperlink.corpus.testing.SharedCorpora;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Seeded random input and seeded mutations of real files never make the arXiv or HF readers throw
 * (other than IOException, which a StringReader never raises) or hang, and what they produce keeps
 * the reader contract: titled papers, line spans inside the input, skips with a line and a reason.
 */
class ReadersRobustnessTest {
    private static final Duration LIMIT = Duration.ofSeconds(10);
    private static final String STRUCTURE = "{}[]\",:\\\n\n\r •·authors 0123456789 Mar 13, 2024 arXiv:2401.12345 $ \t";

    static Stream<Integer> seeds() {
        return IntStream.range(0, 25).boxed();
    }

    private static List<RecordReader> readers() {
        return List.of(new ArxivJsonlReader(), new HfPageTextReader(), new HfJsonReader());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randomBytes(int seed) {
        Random rnd = new Random(seed);
        byte[] bytes = new byte[rnd.nextInt(20_000)];
        rnd.nextBytes(bytes);
        String text = new String(bytes, StandardCharsets.UTF_8);
        for (RecordReader reader : readers()) {
            check(reader, "random-" + seed, text);
        }
        // random text made of the characters that drive the parsers
        StringBuilder sb = new StringBuilder();
        int n = rnd.nextInt(20_000);
        for (int i = 0; i < n; i++) {
            sb.append(STRUCTURE.charAt(rnd.nextInt(STRUCTURE.length())));
        }
        for (RecordReader reader : readers()) {
            check(reader, "structured-" + seed, sb.toString());
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void mutatedRealFiles(int seed) throws IOException {
        Path root = SharedCorpora.require("seeds").getParent();
        List<Path> files = List.of(
                root.resolve("seeds/001_f6bd9009d98e2f8a.txt"),
                root.resolve("seeds/000_e3ddd3a1db7cb6b7.txt"),
                root.resolve("hf-daily-papers-json/2026-03-01.json"),
                root.resolve("arxiv-metadata/unarxive-2212-metadata-49.jsonl"));
        Random rnd = new Random(1000 + seed);
        for (Path f : files) {
            String original = Files.readString(f);
            String mutated = mutate(original, rnd);
            for (RecordReader reader : readers()) {
                check(reader, f.getFileName() + "~" + seed, mutated);
            }
        }
    }

    static String mutate(String s, Random rnd) {
        StringBuilder sb = new StringBuilder(s);
        int edits = 1 + rnd.nextInt(12);
        for (int e = 0; e < edits && !sb.isEmpty(); e++) {
            int at = rnd.nextInt(sb.length());
            int len = Math.min(sb.length() - at, rnd.nextInt(400));
            switch (rnd.nextInt(6)) {
                case 0 -> sb.delete(at, at + len);
                case 1 -> sb.insert(rnd.nextInt(sb.length()), sb.substring(at, at + len));
                case 2 -> sb.insert(at, STRUCTURE.charAt(rnd.nextInt(STRUCTURE.length())));
                case 3 -> sb.setLength(at);
                case 4 -> sb.insert(at, "\n\n" + "x".repeat(rnd.nextInt(500)) + "\n");
                default -> sb.setCharAt(at, (char) rnd.nextInt(0x3000));
            }
        }
        return sb.toString();
    }

    private static void check(RecordReader reader, String name, String text) {
        CollectingSink sink = assertTimeoutPreemptively(LIMIT, () -> CollectingSink.read(reader, name, text),
                () -> reader.getClass().getSimpleName() + " hangs on " + name);
        long lines = text.lines().count() + 1;
        for (Paper p : sink.papers) {
            assertFalse(p.title().isBlank(), name);
            var span = p.sources().get(0);
            assertTrue(span.startLine() >= 1 && span.startLine() <= span.endLine() && span.endLine() <= lines + 1,
                    () -> name + ": span " + span + " of " + lines + " lines");
        }
        for (Skip s : sink.skips) {
            assertTrue(s.line() >= 1 && s.line() <= lines + 1, () -> name + ": skip " + s);
            assertFalse(s.reason().isBlank());
        }
    }
}
