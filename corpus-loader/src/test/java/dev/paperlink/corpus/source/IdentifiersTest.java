package dev.paperlink.corpus.source;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** arXiv ids and DOIs from the ways records write them, as data; and no input makes them slow. */
class IdentifiersTest {

    @Test
    void arxivIdsAsRecordsWriteThem() {
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("1706.03762", "1706.03762");
        cases.put("arXiv:1706.03762v5", "1706.03762");
        cases.put("https://arxiv.org/abs/2106.09685v2", "2106.09685");
        cases.put("hep-th/9901001", "hep-th/9901001");
        cases.put("https://arxiv.org/abs/hep-th/9901001v3", "hep-th/9901001");
        cases.put("math.GT/0309136", "math.GT/0309136");
        cases.put("arXiv:cond-mat/0102536", "cond-mat/0102536");
        cases.put("-quant-ph/0201082", "quant-ph/0201082");
        cases.put("hep-th/99010012", "hep-th/9901001");
        cases.put("see 1.GT/1234567", "");
        cases.put("HEP-TH/9901001", "");
        cases.put("hep-th/990100", "");
        cases.put("nothing here", "");
        cases.forEach((in, out) -> assertEquals(out, Identifiers.arxivId(in), in));
        assertEquals("10.18653/v1/2021.woah-1.1", Identifiers.doi("https://doi.org/10.18653/v1/2021.woah-1.1."));
    }

    /** An 80 KB arXiv-looking URL took 43-55 s with the old pattern (quadratic backtracking). */
    @Test
    void longArxivLookingTextsAreLinear() {
        String letters = "a".repeat(80_000);
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            assertEquals("", Identifiers.arxivId("https://arxiv.org/abs/" + letters));
            assertEquals("", Identifiers.arxivId(letters + "/123456"));
            assertEquals("", Identifiers.arxivId(letters + "/1234567"), "an archive name is short");
            assertEquals("cond-mat/0102536", Identifiers.arxivId(letters.replace("a", "A") + " cond-mat/0102536"));
            assertEquals("", Identifiers.arxivId(("ab-/".repeat(20_000))));
            assertEquals("", Identifiers.arxivIdOf("", "https://arxiv.org/abs/" + letters + "x"));
            assertEquals("", Identifiers.doi("10.1234" + "/".repeat(80_000).replace("/", " 10.1234")));
        });
    }
}
