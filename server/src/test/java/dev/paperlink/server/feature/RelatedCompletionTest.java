package dev.paperlink.server.feature;

import dev.paperlink.server.config.ServerConfig;
import dev.paperlink.server.feature.completion.CompletionFeature;
import dev.paperlink.server.testing.FeatureFixture;
import dev.paperlink.server.testing.Fixture;
import dev.paperlink.server.testing.Render;
import org.junit.jupiter.api.Test;

import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 11: citation completion ranks by the sentence around the citation ({@code label range ->
 * newText | detail}; the two best items).
 */
class RelatedCompletionTest {
    static final String PAPERS = """
            %! corpus/papers.bib
            @inproceedings{vaswani2017,
              title = {Attention Is All You Need}, author = {Vaswani, Ashish and Shazeer, Noam}, year = {2017},
              abstract = {Sequence transduction models based on attention alone, for machine translation, without recurrence.}
            }
            @inproceedings{smith2020,
              title = {Graph Neural Networks for Molecules}, author = {Smith, Anna}, year = {2020},
              abstract = {Message passing over molecular graphs predicts chemical properties.}
            }
            @inproceedings{smith2021,
              title = {Low-Resource Machine Translation}, author = {Smith, Anna and Lee, Bo}, year = {2021},
              abstract = {Translation between languages with little parallel data, by back-translation.}
            }
            @article{he2016,
              title = {Deep Residual Learning for Image Recognition}, author = {He, Kaiming}, year = {2016},
              abstract = {Residual connections ease the training of very deep convolutional networks for images.}
            }
            """;

    @Test
    void anEmptyKeyOffersThePapersTheSentenceIsAbout() {
        check("Residual connections make very deep networks trainable \\cite{<|>}.\n" + PAPERS, """
                he2016 0:61-0:61 -> he2016 | related · 2016 · He
                smith2020 0:61-0:61 -> smith2020 | related · 2020 · Smith
                """);
        check("%! notes.md\nWe translate with little parallel data [@<|>].\n" + PAPERS, """
                smith2021 0:41-0:41 -> smith2021 | related · 2021 · Smith et al.
                """);
    }

    @Test
    void thePreviousSentenceDoesNotCountButTheParagraphDoesALittle() {
        check("Molecules are graphs. Machine translation needs attention \\cite{<|>}.\n" + PAPERS, """
                (incomplete)
                vaswani2017 0:64-0:64 -> vaswani2017 | related · 2017 · Vaswani et al.
                smith2021 0:64-0:64 -> smith2021 | related · 2021 · Smith et al.
                """);
    }

    @Test
    void papersTheSentenceCitesAlreadyAreNotOfferedAgain() {
        check("Machine translation with attention \\cite{vaswani2017, <|>}.\n" + PAPERS, """
                smith2021 0:54-0:54 -> smith2021 | related · 2021 · Smith et al.
                """);
    }

    @Test
    void aTypedPrefixKeepsItsTiersAndTheSentenceOrdersInsideThem() {
        String translation = "Back-translation helps low-resource machine translation \\cite{smit<|>}.\n" + PAPERS;
        check(translation, """
                smith2021 0:62-0:66 -> smith2021 | Smith, A.; Lee, B. (2021)
                smith2020 0:62-0:66 -> smith2020 | Smith, A. (2020)
                """);
        check(translation, c -> c.withRelated(new ServerConfig.Related(false, 0.3f, true)), """
                smith2020 0:62-0:66 -> smith2020 | Smith, A. (2020)
                smith2021 0:62-0:66 -> smith2021 | Smith, A.; Lee, B. (2021)
                """);
    }

    @Test
    void thePaperBeingWrittenIsNotSuggestedToItself() {
        check("\\title{Attention Is All You Need}\n\nMachine translation with attention alone \\cite{<|>}.\n" + PAPERS, """
                smith2021 2:47-2:47 -> smith2021 | related · 2021 · Smith et al.
                """);
    }

    private static void check(String fixture, String expected) {
        check(fixture, UnaryOperator.identity(), expected);
    }

    private static void check(String fixture, UnaryOperator<ServerConfig> config, String expected) {
        FeatureFixture f = FeatureFixture.of(Fixture.parse(fixture)).withConfig(c -> config.apply(c.withCompletionLimit(2)));
        assertEquals(expected.strip(), Render.completion(f.fixture().document(), CompletionFeature.complete(f.params())).strip());
    }
}
