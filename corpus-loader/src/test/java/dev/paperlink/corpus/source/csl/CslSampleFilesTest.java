package dev.paperlink.corpus.source.csl;

import dev.paperlink.corpus.model.SourceFormat;
import dev.paperlink.corpus.source.FormatSniffer;
import dev.paperlink.corpus.testing.CollectingSink;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The bundled sample files: detected as their format and read completely. */
class CslSampleFilesTest {

    static String resource(String name) {
        try (InputStream in = CslSampleFilesTest.class.getResourceAsStream("/dev/paperlink/corpus/source/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void cslJsonSample() {
        String text = resource("csl/sample.csl.json");
        assertEquals(Optional.of(SourceFormat.CSL_JSON), FormatSniffer.sniff("json", text));
        CollectingSink sink = CollectingSink.read(new CslJsonReader(), "sample.csl.json", text);
        assertEquals(3, sink.papers.size(), () -> sink.skips.toString());
        PaperFields.check(sink.papers.get(0), "key", "vaswani2017attention", "title", "Attention is all you need",
                "authors", "Vaswani|Ashish; Gogh|Vincent|van; =Google Brain", "date", "2017-12", "arxiv", "1706.03762",
                "type", "inproceedings", "span", "csl-json 2-17 key@2:0 vaswani2017attention");
        PaperFields.check(sink.papers.get(1), "key", "ITEM-2", "authors", "Doe|Jane||Jr.", "date", "2019-03", "type", "book");
        PaperFields.check(sink.papers.get(2), "key", "thesis2001", "date", "2001", "type", "phdthesis", "raw.id", "3");
    }

    @Test
    void cslYamlSample() {
        String text = resource("csl/sample.csl.yaml");
        assertEquals(Optional.of(SourceFormat.CSL_YAML), FormatSniffer.sniff("yaml", text));
        CollectingSink sink = CollectingSink.read(new CslYamlReader(), "sample.csl.yaml", text);
        assertEquals(2, sink.papers.size(), () -> sink.skips.toString());
        assertEquals(0, sink.skips.size(), () -> sink.skips.toString());
        PaperFields.check(sink.papers.get(0), "key", "smith2019", "title", "A study of things", "authors", "Smith|John|de",
                "date", "2019-03-15", "venue", "Journal of Things", "doi", "10.1000/things.1", "span", "csl-yaml 4-17 key@4:0 smith2019");
        PaperFields.check(sink.papers.get(1), "key", "jones2020", "date", "2020", "arxiv", "2001.00001", "type", "techreport");
    }
}
