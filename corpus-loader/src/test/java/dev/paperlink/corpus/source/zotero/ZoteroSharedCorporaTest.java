package dev.paperlink.corpus.source.zotero;

import dev.paperlink.corpus.model.SourceFormat;
import dev.paperlink.corpus.source.csl.CorpusRun;
import dev.paperlink.corpus.testing.SharedCorpora;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ZoteroSharedCorporaTest {

    @Test
    void betterBibtexFixturesLoad() throws Exception {
        Path root = SharedCorpora.require("zotero-bbt-fixtures");
        CorpusRun run = CorpusRun.run(root, true);
        run.print("zotero-bbt-fixtures");
        run.printCoverage();
        assertEquals(499, run.files.getOrDefault(SourceFormat.ZOTERO_JSON, 0), "every BBT library is detected");
        assertTrue(run.records(SourceFormat.ZOTERO_JSON) >= 6900, "Zotero items loaded: " + run.records(SourceFormat.ZOTERO_JSON));
        assertTrue(run.records(SourceFormat.CSL_JSON) >= 100, "CSL-JSON items loaded: " + run.records(SourceFormat.CSL_JSON));
        assertTrue(run.records(SourceFormat.CSL_YAML) >= 1, "CSL-YAML items loaded: " + run.records(SourceFormat.CSL_YAML));
        assertEquals(0, run.skipReasons.getOrDefault("syntax", 0), "the fixtures are valid JSON/YAML");
    }
}
