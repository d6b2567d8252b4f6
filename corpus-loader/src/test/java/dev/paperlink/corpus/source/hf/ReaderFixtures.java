package dev.paperlink.corpus.source.hf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperlink.corpus.model.Author;
import dev.paperlink.corpus.model.Paper;
import dev.paperlink.corpus.source.RecordReader;
import dev.paperlink.corpus.source.Skip;
import dev.paperlink.corpus.testing.CollectingSink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Declarative reader fixtures: an input file {@code NAME.EXT} beside {@code NAME.expected.json}
 * in a test-resources folder. The expectation lists every paper in order and every skip:
 *
 * <pre>
 * {"papers": [{"title": "...", "authors": ["Given Family", "Org"], "literal": [false, true], "year": "2023",
 *              "date": "2023-08-30", "popularity": 4, "arxivId": "...", "doi": "...", "venue": "...",
 *              "entryType": "misc", "url": "...", "keywords": ["..."], "abstract": "exact",
 *              "abstractStartsWith": "...", "lines": [start, end], "raw": {"field": "value"}}],
 *  "skips": [{"line": 3, "reason": "invalid JSON"}]}
 * </pre>
 * Only the fields written in the expectation are compared; counts are always compared.
 */
public final class ReaderFixtures {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReaderFixtures() {
    }

    /** The input files of a fixture folder on the test class path (every file but *.expected.json). */
    public static Stream<Path> inputs(Class<?> owner, String folder) {
        try {
            Path dir = Path.of(owner.getResource(folder).toURI());
            try (Stream<Path> files = Files.list(dir)) {
                return files.filter(p -> !p.getFileName().toString().endsWith(".expected.json")).sorted().toList().stream();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads one fixture input and checks it against its expectation. */
    public static void check(RecordReader reader, Path input) throws IOException {
        String name = input.getFileName().toString();
        Path expectedFile = input.resolveSibling(name.substring(0, name.lastIndexOf('.')) + ".expected.json");
        assertTrue(Files.exists(expectedFile), "missing " + expectedFile);
        JsonNode expected = JSON.readTree(expectedFile.toFile());
        CollectingSink sink = CollectingSink.read(reader, name, Files.readString(input, StandardCharsets.UTF_8));

        JsonNode papers = expected.path("papers");
        assertEquals(papers.size(), sink.papers.size(), () -> name + ": papers " + titles(sink.papers) + " skips " + sink.skips);
        for (int i = 0; i < papers.size(); i++) {
            checkPaper(name + " paper " + i, papers.get(i), sink.papers.get(i));
        }
        JsonNode skips = expected.path("skips");
        assertEquals(skips.size(), sink.skips.size(), () -> name + ": skips " + sink.skips);
        for (int i = 0; i < skips.size(); i++) {
            Skip s = sink.skips.get(i);
            JsonNode e = skips.get(i);
            if (e.has("line")) {
                assertEquals(e.get("line").asInt(), s.line(), name + " skip " + i + ": " + s);
            }
            if (e.has("reason")) {
                assertEquals(e.get("reason").asText(), s.reason(), name + " skip " + i + ": " + s);
            }
            assertEquals(name, s.file());
        }
    }

    private static List<String> titles(List<Paper> papers) {
        return papers.stream().map(Paper::title).toList();
    }

    private static void checkPaper(String where, JsonNode e, Paper p) {
        String w = where + " (" + p.title() + ")";
        text(w, e, "title", p.title());
        text(w, e, "year", p.year());
        text(w, e, "date", p.date());
        text(w, e, "arxivId", p.arxivId());
        text(w, e, "doi", p.doi());
        text(w, e, "venue", p.venue());
        text(w, e, "entryType", p.entryType());
        text(w, e, "url", p.url());
        text(w, e, "key", p.key());
        text(w, e, "id", p.id());
        text(w, e, "abstract", p.abstractText());
        if (e.has("abstractStartsWith")) {
            assertTrue(p.abstractText().startsWith(e.get("abstractStartsWith").asText()), w + ": abstract " + p.abstractText());
        }
        if (e.has("popularity")) {
            assertEquals(e.get("popularity").isNull() ? null : e.get("popularity").asLong(), p.popularity(), w + ": popularity");
        }
        if (e.has("authors")) {
            List<String> names = new ArrayList<>();
            e.get("authors").forEach(a -> names.add(a.asText()));
            assertEquals(names, p.authors().stream().map(Author::displayName).toList(), w + ": authors");
        }
        if (e.has("families")) {
            List<String> names = new ArrayList<>();
            e.get("families").forEach(a -> names.add(a.asText()));
            assertEquals(names, p.authors().stream().map(Author::sortName).toList(), w + ": author families");
        }
        if (e.has("literal")) {
            List<Boolean> lit = new ArrayList<>();
            e.get("literal").forEach(a -> lit.add(a.asBoolean()));
            assertEquals(lit, p.authors().stream().map(Author::isLiteral).toList(), w + ": literal authors");
        }
        if (e.has("keywords")) {
            List<String> kws = new ArrayList<>();
            e.get("keywords").forEach(a -> kws.add(a.asText()));
            assertEquals(kws, p.keywords(), w + ": keywords");
        }
        if (e.has("lines")) {
            assertEquals(e.get("lines").get(0).asInt(), p.sources().get(0).startLine(), w + ": start line");
            assertEquals(e.get("lines").get(1).asInt(), p.sources().get(0).endLine(), w + ": end line");
        }
        if (e.has("raw")) {
            for (Map.Entry<String, JsonNode> r : e.get("raw").properties()) {
                assertEquals(r.getValue().isNull() ? null : r.getValue().asText(), p.raw().get(r.getKey()), w + ": raw " + r.getKey());
            }
        }
    }

    private static void text(String where, JsonNode e, String field, String actual) {
        if (e.has(field)) {
            assertEquals(e.get(field).asText(), actual, where + ": " + field);
        }
    }
}
