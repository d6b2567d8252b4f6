package dev.paperlink.corpus.source.arxiv;

import dev.paperlink.corpus.source.hf.ReaderFixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The declarative fixtures of the arXiv JSON-lines reader (see {@link ReaderFixtures} for the format). */
class ArxivFixturesTest {

    static Stream<Path> fixtures() {
        return ReaderFixtures.inputs(ArxivFixturesTest.class, "fixtures");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void fixture(Path input) throws IOException {
        ReaderFixtures.check(new ArxivJsonlReader(), input);
    }
}
