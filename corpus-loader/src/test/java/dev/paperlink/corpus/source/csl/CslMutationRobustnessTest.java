package dev.paperlink.corpus.source.csl;

import dev.paperlink.corpus.model.Paper;
import dev.paperlink.corpus.source.RecordReader;
import dev.paperlink.corpus.source.Skip;
import dev.paperlink.corpus.source.zotero.ZoteroJsonReader;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Seeded random mutations of real CSL-JSON, CSL-YAML and BBT JSON files never make a reader throw
 * or hang; every skip and every paper points at a line of the file. The inputs are the bundled
 * samples plus, when the shared corpora are present, small files from them.
 */
class CslMutationRobustnessTest {
    private static final String[] TOKENS = {
        "{", "}", "[", "]", "\"", ",", ":", "\\", "\n", "- ", "---\n", "...\n", "&a ", "*a", "\u0000", "\uD800", "\uFFFD",
        "\"date-parts\": [[", "{\"items\": [", "references:\n", "<i>", "</span>", "&#x0;", "&amp", "null", "1e999999",
        "-", "\t", "'", "#", "!!binary ", "? ", "|", ">", "\"issued\": \"", "[[[[[[[[[[[[[[[[[[[[", "{\"author\": 7}",
        "\"title\": {}", "\"creators\": \"x\"", "\"extra\": [1, {}]", "99999999999999999999", "true", "\"tags\": [null]",
    };

    static List<Path> sharedFiles() {
        Optional<Path> root = SharedCorpora.root();
        List<Path> out = new ArrayList<>();
        if (root.isEmpty()) {
            return out;
        }
        for (String corpus : new String[] {"csl-json/inputs", "zotero-bbt-fixtures"}) {
            Path dir = root.get().resolve(corpus);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.filter(Files::isRegularFile)
                        .filter(p -> p.getFileName().toString().matches("(?i).*\\.(json|ya?ml)"))
                        .filter(p -> {
                            try {
                                return Files.size(p) < 60_000;
                            } catch (IOException e) {
                                return false;
                            }
                        })
                        .sorted()
                        .forEach(out::add);
            } catch (IOException e) {
                // fall back to the bundled samples
            }
        }
        return out;
    }

    private static final List<Path> SHARED = sharedFiles();

    static IntStream seeds() {
        return IntStream.range(0, 300);
    }

    private static String pick(Random rnd) throws IOException {
        if (SHARED.isEmpty() || rnd.nextInt(4) == 0) {
            String[] samples = {"csl/sample.csl.json", "csl/sample.csl.yaml", "zotero/sample-bbt.json"};
            return CslSampleFilesTest.resource(samples[rnd.nextInt(samples.length)]);
        }
        return Files.readString(SHARED.get(rnd.nextInt(SHARED.size())), StandardCharsets.UTF_8);
    }

    static String mutate(String text, Random rnd) {
        StringBuilder sb = new StringBuilder(text);
        int ops = 1 + rnd.nextInt(6);
        for (int i = 0; i < ops; i++) {
            int len = sb.length();
            int at = len == 0 ? 0 : rnd.nextInt(len + 1);
            switch (rnd.nextInt(7)) {
                case 0 -> sb.delete(at, Math.min(len, at + 1 + rnd.nextInt(60)));
                case 1, 2 -> sb.insert(at, TOKENS[rnd.nextInt(TOKENS.length)]);
                case 3 -> {
                    int end = Math.min(len, at + rnd.nextInt(200));
                    sb.insert(at, sb.substring(at, end));
                }
                case 4 -> sb.setLength(at);
                case 5 -> {
                    if (len > 1) {
                        int b = rnd.nextInt(len);
                        int a = Math.min(at, len - 1);
                        char c = sb.charAt(a);
                        sb.setCharAt(a, sb.charAt(b));
                        sb.setCharAt(b, c);
                    }
                }
                default -> {
                    if (len > 0) {
                        sb.setCharAt(Math.min(at, len - 1), (char) (rnd.nextInt(2) == 0 ? 32 + rnd.nextInt(95) : rnd.nextInt(0x3000)));
                    }
                }
            }
        }
        return sb.toString();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void mutatedFilesNeverBreakTheReaders(int seed) throws IOException {
        Random rnd = new Random(seed * 7919L + 17);
        String original = pick(rnd);
        String mutated = mutate(original, rnd);
        int lines = (int) mutated.chars().filter(c -> c == '\n').count() + 1;
        for (RecordReader reader : List.of(new CslJsonReader(), new CslYamlReader(), new ZoteroJsonReader())) {
            CollectingSink sink = new CollectingSink();
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> reader.read("m.json", new StringReader(mutated), sink),
                    () -> reader.getClass().getSimpleName() + " hangs on seed " + seed);
            for (Skip s : sink.skips) {
                assertTrue(s.line() >= 1 && s.line() <= lines + 1, () -> "skip line out of range: " + s);
                assertTrue(s.reason() != null && !s.reason().isBlank() && s.message() != null, () -> "bad skip: " + s);
            }
            for (Paper p : sink.papers) {
                var span = p.primarySource().orElseThrow();
                assertTrue(span.startLine() >= 1 && span.endLine() <= lines + 1, () -> "span out of range: " + span);
                assertTrue(!p.title().isEmpty() || !p.key().isEmpty() || !p.doi().isEmpty() || !p.url().isEmpty()
                        || !p.arxivId().isEmpty(), () -> "paper without title or identifier: " + p);
            }
        }
    }
}
