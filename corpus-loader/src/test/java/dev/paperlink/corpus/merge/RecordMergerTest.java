package dev.paperlink.corpus.merge;

import dev.paperlink.corpus.model.Author;
import dev.paperlink.corpus.model.Paper;
import dev.paperlink.corpus.model.SourceFormat;
import dev.paperlink.corpus.model.SourceSpan;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RecordMergerTest {

    private static final Paper ARXIV = Paper.builder().title("Attention Is All You Need").arxivId("1706.03762")
            .author(Author.person("Vaswani", "Ashish")).year("2017").date("2017-06-12")
            .abstractText("arXiv abstract").keyword("cs.CL")
            .source(SourceSpan.line("arxiv.jsonl", SourceFormat.ARXIV_JSONL, 7)).build();
    private static final Paper HF = Paper.builder().title("Attention is all you need").arxivId("1706.03762").popularity(99L)
            .source(SourceSpan.line("page.txt", SourceFormat.HF_PAGE_TEXT, 3)).build();
    private static final Paper BIB = Paper.builder().key("vaswani2017").title("Attention Is All You Need").year("2017")
            .venue("NeurIPS").keyword("transformers")
            .source(new SourceSpan("refs.bib", SourceFormat.BIBTEX, 10, 20, 10, 15, "vaswani2017")).build();
    private static final Paper CSL = Paper.builder().key("Vaswani_Attention").title("Attention Is All You Need")
            .source(SourceSpan.line("refs.json", SourceFormat.CSL_JSON, 2)).build();

    @Test
    void userKeyFromBibWinsWhateverTheOrder() {
        Paper merged = RecordMerger.merge("arxiv:1706.03762", "vaswani2017attention", List.of(ARXIV, CSL, HF, BIB));
        assertEquals("vaswani2017", merged.key());
        assertEquals(List.of("Vaswani_Attention"), merged.aliases());
        assertEquals("refs.bib", merged.sources().get(0).file());
        assertEquals(4, merged.sources().size());
    }

    @Test
    void aZoteroItemCitedFromTheBibKeepsItsZoteroAddressAndFiles() {
        Paper zotero = Paper.builder().key("vaswaniAttentionAllYou2017").title("Attention Is All You Need").arxivId("1706.03762")
                .file("/home/u/Zotero/storage/ABCD1234/Vaswani.pdf")
                .raw(dev.paperlink.corpus.model.ZoteroItem.SELECT, "zotero://select/library/items/ABCD1234")
                .source(SourceSpan.line("/home/u/Zotero/zotero.sqlite", SourceFormat.ZOTERO_SQLITE, 5)).build();
        Paper merged = RecordMerger.merge("arxiv:1706.03762", "", List.of(zotero, BIB));
        assertEquals("vaswani2017", merged.key(), "the .bib entry comes first");
        assertEquals("zotero://select/library/items/ABCD1234", dev.paperlink.corpus.model.ZoteroItem.selectUri(merged).orElseThrow());
        assertEquals(List.of("/home/u/Zotero/storage/ABCD1234/Vaswani.pdf"), merged.files());
    }

    @Test
    void theUsersDateWinsOverAPreprintDate() {
        Paper bibWithMonth = BIB.toBuilder().date("2017-12").build();
        assertEquals("2017-12", RecordMerger.merge("id", "", List.of(ARXIV, bibWithMonth)).date());
    }

    @Test
    void generatedKeyOnlyWhenNoRecordHasOne() {
        Paper merged = RecordMerger.merge("arxiv:1706.03762", "vaswani2017attention", List.of(ARXIV, HF));
        assertEquals("vaswani2017attention", merged.key());
        assertEquals(List.of(), merged.aliases());
    }

    @Test
    void fieldsComeFromTheBestRecordThatHasThem() {
        Paper merged = RecordMerger.merge("id", "", List.of(ARXIV, HF, BIB));
        assertEquals("NeurIPS", merged.venue());
        assertEquals("arXiv abstract", merged.abstractText());
        assertEquals("2017-06-12", merged.date());
        assertEquals(99L, merged.popularity());
        assertEquals(List.of("transformers", "cs.CL"), merged.keywords());
        assertEquals("1706.03762", merged.arxivId());
    }
}
