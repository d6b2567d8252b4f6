package dev.paperlink.server.feature;

import dev.paperlink.server.feature.completion.CompletionFeature;
import dev.paperlink.server.testing.Corpora;
import dev.paperlink.server.testing.FeatureFixture;
import dev.paperlink.server.testing.Fixture;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** completionItem/resolve: the documentation card of a key, looked up again (stateless: data = key). */
class CompletionResolveTest {

    @Test
    void documentationIsTheCard() {
        check("he2016", """
                **Deep Residual Learning for Image Recognition**

                He, K.; Zhang, X.; Ren, S.; Sun, J. (2016). *CVPR*

                [DOI 10.1109/CVPR.2016.90](https://doi.org/10.1109/CVPR.2016.90)

                `he2016` · ml.bib:8
                """);
        check("gone", "");
    }

    private static void check(String key, String expected) {
        FeatureParams p = FeatureFixture.of(Fixture.files(Corpora.ML.replace("%! corpus/ml.bib", "%! main.tex\n%! corpus/ml.bib"))).params();
        assertEquals(expected.strip(), CompletionFeature.resolve(p.lookup(), key, p.config()).orElse(""));
    }
}
