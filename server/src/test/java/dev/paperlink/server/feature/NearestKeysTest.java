package dev.paperlink.server.feature;

import dev.paperlink.corpus.model.Author;
import dev.paperlink.corpus.model.Hit;
import dev.paperlink.corpus.model.Paper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 13, 4: the keys suggested for an unknown one (show, the unknown-key diagnostic, its hover,
 * the "replace with nearest" quick fixes). Each row: the typed key, the known keys, the first
 * suggestions.
 */
class NearestKeysTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", value = {
            // a generated-style key is author | year | title word: another style with those parts is nearest
            "devlin2019bert => devaraj-2019-bert devillers-etal-2019-bertha devlin-etal-2019-bert devlin-2018-other => devlin-etal-2019-bert",
            "Devlin:2019 => devlin-etal-2019-bert devlin-2018-other => devlin-etal-2019-bert",
            "vaswani2017attention => vaswani-etal-2017-attention vaswani2018attention => vaswani-etal-2017-attention vaswani2018attention",
            // a typo in one part
            "vaswani2071 => vaswani2017attention shazeer2017 => vaswani2017attention",
            "vaswnai2017attention => vaswani2017attention vaswani2016attention => vaswani2017attention vaswani2016attention",
            // nothing shared: nothing suggested
            "knuth1984 => devlin-etal-2019-bert vaswani2017attention => ",
    })
    void ranksByPartsThenByEdits(String key, String known, String expected) {
        List<String> want = expected == null ? List.of() : Arrays.asList(expected.split(" "));
        assertEquals(want, NearestKeys.rank(key, Arrays.asList(known.split(" ")), want.isEmpty() ? 5 : want.size()));
    }

    /** Candidates also come from title completion of the key's parts (a paper whose key shares no prefix with it). */
    @org.junit.jupiter.api.Test
    void titleCompletionOfThePartsAddsCandidates() {
        Paper bert = Paper.builder().key("devlin-etal-2019-bert").aliases(List.of("N19-1423")).title("BERT").year("2019")
                .authors(List.of(Author.person("Devlin", "Jacob"))).build();
        List<String> asked = new java.util.ArrayList<>();
        List<String> near = NearestKeys.near("devlin2019bert", 5, (prefix, n) -> List.of(), (typed, n) -> {
            asked.add(typed);
            return List.of(new Hit(bert, Hit.Match.WORDS, 1f));
        });
        assertEquals(List.of("devlin 2019 bert "), asked);
        assertEquals(List.of("devlin-etal-2019-bert"), near, "its alias N19-1423 shares no part: not offered");
    }
}
