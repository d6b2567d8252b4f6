package dev.paperlink.corpus;

import dev.paperlink.corpus.source.Identifiers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Issue 13, 8: the home folder is $HOME; a DOI keeps its case for display and is lower-cased for matching. */
class CorpusPathsTest {
    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
            "/home/env,  /home/java, /home/env",
            "null,       /home/java, /home/java",
            "'  ',       /home/java, /home/java",
    })
    void homeIsTheEnvironmentsHome(String env, String property, String expected) {
        assertEquals(expected, CorpusPaths.home(env, property));
    }

    @ParameterizedTest
    @CsvSource({
            "10.18653/v1/N19-1423,                    10.18653/v1/N19-1423, 10.18653/v1/n19-1423",
            "https://doi.org/10.1145/3292500.3330701., 10.1145/3292500.3330701, 10.1145/3292500.3330701",
            "doi:10.1000/ABC),                         10.1000/ABC,           10.1000/abc",
    })
    void aDoiIsShownAsWrittenAndMatchedInLowerCase(String value, String shown, String matched) {
        assertEquals(shown, Identifiers.doiAsWritten(value));
        assertEquals(matched, Identifiers.doi(value));
    }
}
