package dev.paperlink.cli.bench.arxiv;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperlink.corpus.model.Paper;
import dev.paperlink.corpus.source.RecordSink;
import dev.paperlink.corpus.source.Skip;
import dev.paperlink.corpus.source.arxiv.ArxivJsonlReader;
import dev.paperlink.corpus.testing.SharedCorpora;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The arXiv stand-in: the snapshot's schema, its id formats and order, the same bytes for a seed, a growing vocabulary. */
class ArxivStandInTest {
    private static final List<String> FIELDS = List.of("id", "submitter", "authors", "title", "comments", "journal-ref", "doi", "report-no",
            "categories", "license", "abstract", "versions", "update_date", "authors_parsed");
    private static final Pattern NEW_ID = Pattern.compile("\\d{4}\\.\\d{4,5}");
    private static final Pattern OLD_ID = Pattern.compile("[a-z-]+/\\d{7}");
    private static ArxivStandIn trained;

    @BeforeAll
    static void train() throws IOException {
        Path acl = SharedCorpora.require("acl-anthology");
        org.junit.jupiter.api.Assumptions.assumeTrue(acl != null);
        trained = new ArxivStandIn(acl.getParent(), 1, 2_000_000);
    }

    private static String generate(long seed, int n, int day, StringWriter dayOut) throws IOException {
        StringWriter out = new StringWriter();
        trained.withSeed(seed).write(n, out, day, dayOut, done -> { });
        return out.toString();
    }

    @Test
    void theSameSeedGivesTheSameBytesAndAnotherSeedOthers() throws IOException {
        String a = generate(7, 3000, 0, null);
        String b = generate(7, 3000, 0, null);
        String c = generate(8, 3000, 0, null);
        assertEquals(a, b);
        assertNotEquals(a.lines().limit(10).toList(), c.lines().limit(10).toList());
        // the first K records do not depend on how many follow... of the same month plan: same N, same bytes
        assertEquals(a.lines().limit(100).toList(), generate(7, 3000, 500, new StringWriter()).lines().limit(100).toList());
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void everyLineHasTheSnapshotsSchemaAndIdsAreUniqueAndInOrder(long seed) throws IOException {
        StringWriter day = new StringWriter();
        String text = generate(seed, 4000, 200, day);
        ObjectMapper json = new ObjectMapper();
        Set<String> ids = new HashSet<>();
        List<String> newIds = new ArrayList<>();
        List<String> oldIds = new ArrayList<>();
        DateTimeFormatter rfc = DateTimeFormatter.RFC_1123_DATE_TIME;
        for (String line : (text + day).lines().toList()) {
            JsonNode n = json.readTree(line);
            List<String> names = new ArrayList<>();
            for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
                names.add(it.next());
            }
            assertEquals(FIELDS, names, line);
            String id = n.get("id").asText();
            assertTrue(ids.add(id), "duplicate id " + id);
            if (NEW_ID.matcher(id).matches()) {
                assertTrue(oldIds.isEmpty() || day.toString().contains("\"" + id + "\""), "a new-style id after the old ones: " + id);
                newIds.add(id);
                assertEquals(Integer.parseInt(id.substring(0, 2)) >= 15 ? 5 : 4, id.length() - 5, id);
            } else {
                assertTrue(OLD_ID.matcher(id).matches(), id);
                oldIds.add(id);
            }
            assertTrue(n.get("abstract").asText().startsWith("  ") && n.get("abstract").asText().endsWith("\n"));
            assertTrue(n.get("versions").size() >= 1);
            n.get("versions").forEach(v -> ZonedDateTime.parse(v.get("created").asText(), rfc));
            assertEquals(n.get("authors_parsed").size(), n.get("authors").asText().replaceAll("\\s+", " ").split(",| and ").length, line);
            assertTrue(n.get("update_date").asText().matches("\\d{4}-\\d{2}-\\d{2}"));
            for (String f : List.of("comments", "journal-ref", "doi", "report-no", "license")) {
                assertTrue(n.get(f).isNull() || n.get(f).isTextual());
            }
        }
        List<String> sortedNew = new ArrayList<>(newIds);
        sortedNew.sort(null);
        assertEquals(sortedNew, newIds);
        // old-style ids: by archive, then by month (1991 before 2007: the two-digit year is read as 19YY or 20YY), then number
        List<String> sortedOld = new ArrayList<>(oldIds);
        sortedOld.sort(java.util.Comparator.comparing((String id) -> id.substring(0, id.indexOf('/')))
                .thenComparing(id -> (id.charAt(id.indexOf('/') + 1) >= '9' ? "19" : "20") + id.substring(id.indexOf('/') + 1)));
        assertTrue(sortedOld.equals(oldIds), "old-style ids out of order");
        assertEquals(4200, ids.size());
        assertTrue(oldIds.size() > 300, "old-style ids for the years before 2007-04: " + oldIds.size());
        assertTrue(day.toString().startsWith("{\"id\":\"2501.00001\""));

        // the project's own reader takes every record
        List<Paper> read = new ArrayList<>();
        List<Skip> skips = new ArrayList<>();
        new ArxivJsonlReader().read("x.jsonl", new StringReader(text), new RecordSink() {
            @Override
            public void accept(Paper paper) {
                read.add(paper);
            }

            @Override
            public void skip(Skip skip) {
                skips.add(skip);
            }
        });
        assertEquals(List.of(), skips);
        assertEquals(4000, read.size());
    }

    @Test
    void theVocabularyGrowsAsHeapsLawSays() throws IOException {
        ArxivStandIn g = trained.withSeed(5);
        g.write(20_000, new StringWriter(), 0, null, done -> { });
        double beta = ArxivStandIn.beta(g.growth(), 100_000);
        assertTrue(beta > 0.4 && beta < 0.65, "Heaps beta " + beta + "\n" + ArxivStandIn.growthTable(g.growth()));
        assertTrue(g.distinctAuthors() < g.authorSlots() * 0.9, "authors write several papers");
    }
}
