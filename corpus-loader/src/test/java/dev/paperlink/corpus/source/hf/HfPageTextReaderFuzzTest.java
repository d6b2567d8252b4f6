package dev.paperlink.corpus.source.hf;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.paperlink.corpus.model.Paper;
import dev.paperlink.corpus.source.Skip;
import dev.paperlink.corpus.testing.CollectingSink;

import java.nio.charset.StandardCharsets;

/**
 * Jazzer fuzz test of the page-text reader. Under plain {@code mvn test} it runs in regression mode
 * over the inputs in {@code HfPageTextReaderFuzzTestInputs/fuzz/}; with {@code JAZZER_FUZZ=1} it
 * fuzzes. Any exception or a broken invariant is a finding.
 */
class HfPageTextReaderFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void fuzz(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        CollectingSink sink = CollectingSink.read(new HfPageTextReader(), "fuzz.txt", text);
        long lines = text.lines().count() + 1;
        for (Paper p : sink.papers) {
            if (p.title().isBlank()) {
                throw new IllegalStateException("blank title");
            }
            var span = p.sources().get(0);
            if (span.startLine() < 1 || span.endLine() < span.startLine() || span.endLine() > lines + 1) {
                throw new IllegalStateException("bad span " + span + " for " + lines + " lines");
            }
        }
        for (Skip s : sink.skips) {
            if (s.line() < 1 || s.line() > lines + 1) {
                throw new IllegalStateException("bad skip line " + s);
            }
        }
    }
}
