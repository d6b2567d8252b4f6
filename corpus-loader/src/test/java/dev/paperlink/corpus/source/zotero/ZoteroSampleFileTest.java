package dev.paperlink.corpus.source.zotero;

import dev.paperlink.corpus.model.SourceFormat;
import dev.paperlink.corpus.source.FormatSniffer;
import dev.paperlink.corpus.source.csl.PaperFields;
import dev.paperlink.corpus.testing.CollectingSink;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ZoteroSampleFileTest {

    @Test
    void betterBibtexSample() throws Exception {
        String text;
        try (InputStream in = getClass().getResourceAsStream("/dev/paperlink/corpus/source/zotero/sample-bbt.json")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertEquals(Optional.of(SourceFormat.ZOTERO_JSON), FormatSniffer.sniff("json", text));
        CollectingSink sink = CollectingSink.read(new ZoteroJsonReader(), "sample-bbt.json", text);
        assertEquals(0, sink.skips.size(), () -> sink.skips.toString());
        assertEquals(3, sink.papers.size());
        PaperFields.check(sink.papers.get(0), "key", "he2016deep", "authors", "He|Kaiming", "date", "2016-06-27",
                "venue", "CVPR", "type", "article", "files", "/home/user/Zotero/storage/he2016.pdf", "keywords", "vision; resnet",
                "span", "zotero-json 13-29 key@13:0 he2016deep");
        PaperFields.check(sink.papers.get(1), "key", "brown2020language", "authors", "=OpenAI", "arxiv", "2005.14165",
                "date", "2020-05", "type", "misc");
        PaperFields.check(sink.papers.get(2), "key", "", "authors", "Only|Ed", "date", "2019-03-15", "venue", "Proceedings of Things",
                "type", "inproceedings");
    }
}
