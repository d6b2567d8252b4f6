package dev.paperlink.corpus.source.hayagriva;

import dev.paperlink.corpus.model.SourceFormat;
import dev.paperlink.corpus.source.FormatSniffer;
import dev.paperlink.corpus.source.csl.PaperFields;
import dev.paperlink.corpus.testing.CollectingSink;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Hayagriva (Typst's YAML bibliography): fields, names, dates, parents, identifiers, spans, skips and sniffing. */
class HayagrivaReaderTest {

    @Test
    void theSampleFile() throws Exception {
        String text = Files.readString(Path.of(getClass().getResource("sample.yml").toURI()));
        CollectingSink sink = CollectingSink.read(new HayagrivaReader(), "refs.yml", text);
        assertEquals(3, sink.papers.size(), () -> sink.skips.toString());
        PaperFields.check(sink.papers.get(0), "key", "vaswani2017", "title", "Attention Is All You Need",
                "authors", "Vaswani|Ashish; Shazeer|Noam", "date", "2017-06-12",
                "venue", "Advances in Neural Information Processing Systems", "type", "inproceedings",
                "arxiv", "1706.03762", "span", "hayagriva 2-13 key@2:0 vaswani2017");
        PaperFields.check(sink.papers.get(1), "key", "knuth1984", "title", "Literate Programming", "authors", "Knuth|Donald E.",
                "date", "1984", "type", "book", "doi", "10.1093/comjnl/27.2.97", "url", "https://example.org/lp");
        PaperFields.check(sink.papers.get(2), "key", "odd:key/1", "type", "online");
        assertEquals("[refs.yml:33: entry 'broken' is not a map of fields]", sink.skips.toString());
    }

    @Test
    void brokenYamlIsASkipAtItsLine() {
        CollectingSink sink = CollectingSink.read(new HayagrivaReader(), "refs.yml", "a:\n  title: ok\nb:\n  title: [unclosed\n");
        assertEquals(1, sink.skips.size(), sink.skips::toString);
        assertEquals("syntax", sink.skips.get(0).reason());
    }

    @Test
    void sniffedApartFromCslYaml() throws IOException {
        assertEquals(Optional.of(SourceFormat.HAYAGRIVA), FormatSniffer.sniff("yml", "# refs\nkey2020:\n  type: article\n  title: T\n"));
        assertEquals(Optional.of(SourceFormat.CSL_YAML), FormatSniffer.sniff("yml", "- id: a\n  type: book\n  title: T\n"));
        assertEquals(Optional.empty(), FormatSniffer.sniff("yml", "name: ci\non:\n  push:\n    branches: [main]\n"));
    }

    @Test
    void aMapOfOtherThingsIsToldQuickly() {
        // a Better BibTeX library as YAML: a first key whose indented lines have no type or title (a regular
        // expression once backtracked over every split of their leading blanks: minutes)
        String bbt = "config:\n" + "                      id: 36a3b0b5\n".repeat(60) + "items:\n  - itemType: book\n    title: T\n";
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(2),
                () -> assertEquals(Optional.empty(), FormatSniffer.sniff("yml", bbt)));
    }
}
