package dev.paperlink.server.feature;

import dev.paperlink.server.feature.definition.DefinitionFeature;
import dev.paperlink.server.testing.Corpora;
import dev.paperlink.server.testing.FeatureFixture;
import dev.paperlink.server.testing.Fixture;
import dev.paperlink.server.testing.Render;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Go to paper: {@code file line:col-line:col} of the key inside its entry. */
class DefinitionFeatureTest {

    @Test
    void keyInsideItsBibEntry() {
        check("\\cite{he2016, devlin<|>2019}\n" + Corpora.ML, "corpus/ml.bib 12:9-12:19");
        check("""
                %! notes/a.md
                ---
                bibliography: ../refs.bib
                ---
                See [-@knuth1984<|>].
                %! refs.bib
                % the first line is a comment
                  @book{ knuth1984, title = {Literate Programming}}
                """, "refs.bib 1:9-1:18");
    }

    @Test
    void nothingForUnknownKeysOrOutsideCitations() {
        check("\\cite{nope<|>}\n" + Corpora.ML, "");
        check("\\cite{he2016} and <|>more\n" + Corpora.ML, "");
    }

    private static void check(String fixture, String expected) {
        FeatureFixture f = FeatureFixture.of(Fixture.parse(fixture));
        assertEquals(expected.strip(), Render.definition(DefinitionFeature.find(f.params())).strip());
    }
}
