package dev.paperlink.server.feature.related;

import dev.paperlink.corpus.model.Paper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The "why" of a related paper: the passage's words (4+ letters, not common, not numbers) that start a word of its title or abstract. */
class SharedWordsTest {
    private static final Paper HE = Paper.builder().id("doi:10.1/he").key("he2016").title("Deep Residual Learning for Image Recognition")
            .abstractText("Deeper neural networks are more difficult to train. We present a residual learning framework (2016).").build();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Residual networks make deep image models trainable     | residual,networks,deep,image",
            "We use RESIDUAL connections, as in prior work          | residual",
            "The network of 2016 that was used                      | network",
            "this approach with these results from that paper       | ''",
            "Deep deep deep residual image recognition learning     | deep,residual,image,recognition,learning",
            "train trains training                                  | train",
    })
    void sharedWords(String passage, String expected) {
        List<String> want = expected.isEmpty() ? List.of() : Arrays.asList(expected.split(","));
        assertEquals(want, SharedWords.of(passage).in(HE));
    }
}
