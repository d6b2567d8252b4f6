package dev.paperlink.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paperlink.corpus.testing.SharedCorpora;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.paperlink.cli.IndexSourcesCliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 13, 4, 5, 7 and 8 on the shared ACL anthology (skipped loudly without it; CI fails instead). */
class AclAnthologyQueriesTest {
    @TempDir
    static Path tmp;
    static String index;

    @BeforeAll
    static void indexTheAnthology() {
        Path acl = SharedCorpora.require("acl-anthology");
        index = "--index-dir=" + tmp.resolve("index");
        CliTest.Run r = run("index", index, acl.toString());
        assertEquals(0, r.code(), r.err());
    }

    /** 4: a mistyped key in the generated style is read as author | year | title word. */
    @Test
    void showSuggestsTheKeyWithTheSameAuthorYearAndTitleWord() {
        CliTest.Run r = run("show", index, "devlin2019bert");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("keys near it: devlin-etal-2019-bert"), r.err());
    }

    /** 5: author + year filters by the year. */
    @Test
    void authorAndYearNeverListsAnotherYear() throws Exception {
        JsonNode hits = run("search", index, "--json", "--complete", "-n", "20", "koehn 2007").json();
        assertTrue(hits.size() > 0, "Koehn has papers of 2007");
        for (JsonNode h : hits) {
            assertEquals("2007", h.get("paper").get("year").asText(), h.get("paper").get("key").asText());
        }
        CliTest.Run none = run("search", index, "--complete", "vaswani 2017");
        assertEquals("", none.out(), "no Vaswani paper of 2017 in the anthology: none of 2016 or 2018 instead");
    }

    /** 7: a topical query is decided by title and abstract, not by an author field that reads "Group, Machine Translation". */
    @Test
    void aTopicalQueryIsNotWonByAnOrganisationAsAuthor() throws Exception {
        JsonNode hits = run("search", index, "--json", "neural machine translation attention").json();
        for (int i = 0; i < 5; i++) {
            JsonNode p = hits.get(i).get("paper");
            assertTrue(p.get("title").asText().toLowerCase().contains("attention"), i + ": " + p.get("key") + " " + p.get("title"));
        }
        CliTest.Run organisation = run("show", index, "group-koch-1993-machine");
        assertTrue(organisation.out().contains("Machine Translation Group"), "an organisation written as 'Last, First' is kept as its name: "
                + organisation.out());
        JsonNode byName = run("search", index, "--json", "-n", "3", "devlin bert").json();
        assertEquals("devlin-etal-2019-bert", byName.get(0).get("paper").get("key").asText(), "names still count");
    }

    /** 8: a DOI is shown as written; matching ignores its case. */
    @Test
    void doiKeepsItsCase() {
        CliTest.Run r = run("show", index, "devlin-etal-2019-bert");
        assertTrue(r.out().contains("10.18653/v1/N19-1423"), r.out());
        assertFalse(r.out().contains("n19-1423"), r.out());
    }
}
