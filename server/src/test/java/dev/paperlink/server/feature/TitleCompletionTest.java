package dev.paperlink.server.feature;

import dev.paperlink.server.config.ServerConfig;
import dev.paperlink.server.feature.completion.CompletionFeature;
import dev.paperlink.server.testing.Corpora;
import dev.paperlink.server.testing.FeatureFixture;
import dev.paperlink.server.testing.Fixture;
import dev.paperlink.server.testing.Render;
import org.junit.jupiter.api.Test;

import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Completion by title outside citations: the typed words become a citation in the file's syntax. */
class TitleCompletionTest {

    @Test
    void twoWordsOfATitleInLatex() {
        check("Transformers, see Attention is<|>\n" + Corpora.ML, """
                (incomplete)
                Attention Is All You Need 0:18-0:30 -> \\cite{vaswani2017} | vaswani2017 · Vaswani, A.; Shazeer, N.; Parmar, N.; Uszkoreit, J.; Jones, L. et al. (2017)
                """);
    }

    @Test
    void oneDistinctiveWordInMarkdown() {
        check("%! n.md\nWe use deep residual<|>\n" + Corpora.ML, """
                (incomplete)
                Deep Residual Learning for Image Recognition 0:7-0:20 -> [@he2016] | he2016 · He, K.; Zhang, X.; Ren, S.; Sun, J. (2016)
                """);
        check("%! n.md\nBER<|>\n" + Corpora.ML, "");
        check("%! n.md\nbidirectional<|>\n" + Corpora.ML, "");
        check("%! n.md\nsee attention<|>\n" + Corpora.ML, """
                (incomplete)
                Attention Is All You Need 0:4-0:13 -> [@vaswani2017] | vaswani2017 · Vaswani, A.; Shazeer, N.; Parmar, N.; Uszkoreit, J.; Jones, L. et al. (2017)
                """);
    }

    @Test
    void shortOrCommonSingleWordsAndMidWordCursorsOfferNothing() {
        check("%! n.md\nthe<|>\n" + Corpora.ML, "");
        check("%! n.md\nwhich<|>\n" + Corpora.ML, "");
        check("%! n.md\natten<|>tion\n" + Corpora.ML, "");
    }

    @Test
    void settingsKeepTheTitleOrChangeTheStyle() {
        check("Attention is<|>\n" + Corpora.ML, c -> c.withTitleCompletion(ServerConfig.TitleCompletion.APPEND), """
                (incomplete)
                Attention Is All You Need 0:0-0:12 -> Attention Is All You Need \\cite{vaswani2017} | vaswani2017 · Vaswani, A.; Shazeer, N.; Parmar, N.; Uszkoreit, J.; Jones, L. et al. (2017)
                """);
        check("%! n.md\nAttention is<|>\n" + Corpora.ML, c -> c.withInsertionStyle(ServerConfig.InsertionStyle.PANDOC_BARE), """
                (incomplete)
                Attention Is All You Need 0:0-0:12 -> @vaswani2017 | vaswani2017 · Vaswani, A.; Shazeer, N.; Parmar, N.; Uszkoreit, J.; Jones, L. et al. (2017)
                """);
    }

    private static void check(String fixture, String expected) {
        check(fixture, UnaryOperator.identity(), expected);
    }

    private static void check(String fixture, UnaryOperator<ServerConfig> config, String expected) {
        FeatureFixture f = FeatureFixture.of(Fixture.parse(fixture)).withConfig(config);
        assertEquals(expected.strip(), Render.completion(f.fixture().document(), CompletionFeature.complete(f.params())).strip());
    }
}
