package dev.paperlink.corpus.source.bibtex;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.paperlink.corpus.testing.CollectingSink;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

/**
 * Jazzer fuzz test: any input is read without an exception. Without JAZZER_FUZZ it replays the
 * seed and crash inputs in {@code BibtexReaderFuzzTestInputs/readsAnything/}. To fuzz for real:
 * {@code JAZZER_FUZZ=1 ./mvnw -pl corpus-loader test -Dtest=BibtexReaderFuzzTest} (its generated
 * corpus lands in {@code corpus-loader/.cifuzz-corpus/}, not to be committed; copy any crashing
 * input into the inputs folder above and fix the reader).
 */
class BibtexReaderFuzzTest {

    @FuzzTest(maxDuration = "2m")
    void readsAnything(byte[] data) throws IOException {
        String text = new String(data, StandardCharsets.UTF_8);
        new BibtexReader().read("fuzz.bib", new StringReader(text), new CollectingSink());
    }
}
