package dev.paperlink.corpus.source.hf;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The declarative fixtures of both Hugging Face readers (see {@link ReaderFixtures} for the format). */
class HfFixturesTest {

    static Stream<Path> pageFixtures() {
        return ReaderFixtures.inputs(HfFixturesTest.class, "fixtures");
    }

    static Stream<Path> jsonFixtures() {
        return ReaderFixtures.inputs(HfFixturesTest.class, "json-fixtures");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pageFixtures")
    void pageText(Path input) throws IOException {
        ReaderFixtures.check(new HfPageTextReader(), input);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jsonFixtures")
    void json(Path input) throws IOException {
        ReaderFixtures.check(new HfJsonReader(), input);
    }
}
