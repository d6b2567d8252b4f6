package dev.paperlink.corpus.source.csl;

import dev.paperlink.corpus.model.SourceFormat;
import dev.paperlink.corpus.testing.SharedCorpora;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CslSharedCorporaTest {

    @Test
    void cslTestSuiteInputsLoad() throws Exception {
        Path inputs = SharedCorpora.require("csl-json").resolve("inputs");
        CorpusRun run = CorpusRun.run(inputs, true);
        run.print("csl-json/inputs");
        run.printCoverage();
        assertEquals(916, run.files.getOrDefault(SourceFormat.CSL_JSON, 0), "every input file is detected as CSL-JSON");
        assertTrue(run.records(SourceFormat.CSL_JSON) >= 1900, "CSL items loaded: " + run.records(SourceFormat.CSL_JSON));
        assertEquals(0, run.skipReasons.getOrDefault("syntax", 0), "the inputs are valid JSON");
    }
}
