package dev.paperlink.corpus.index;

import dev.paperlink.corpus.model.Author;
import dev.paperlink.corpus.model.Paper;
import dev.paperlink.corpus.model.SourceFormat;
import dev.paperlink.corpus.model.SourceSpan;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PaperCodecTest {

    @Test
    void everyFieldSurvivesARoundTrip() {
        Paper full = Paper.builder().id("arxiv:1706.03762").key("vaswani2017").alias("Vaswani_Attention")
                .title("Attention Is All You Need — 注意力 😀").author(Author.person("Vaswani", "Ashish"))
                .author(new Author("Berg", "Jan", "van den", "Jr.", "")).author(Author.literal("Google Brain")).author(Author.OTHERS)
                .year("2017").date("2017-06-12").venue("NeurIPS").entryType("inproceedings").abstractText("Long text.")
                .doi("10.5555/3295222").arxivId("1706.03762").url("https://arxiv.org/abs/1706.03762").file("/tmp/a.pdf")
                .keyword("cs.CL").popularity(42L)
                .source(new SourceSpan("/x/refs.bib", SourceFormat.BIBTEX, 3, 9, 3, 14, "vaswani2017"))
                .source(SourceSpan.line("/x/a.jsonl", SourceFormat.ARXIV_JSONL, 70000))
                .raw("title", "Attention Is All You Need").raw("month", "jun").build();
        Paper empty = Paper.builder().build();
        Cluster cluster = new Cluster("arxiv:1706.03762", "vaswani2017attention", List.of(full, empty));
        byte[] bytes = PaperCodec.encode(cluster);
        assertEquals(cluster, PaperCodec.decode(bytes, 0, bytes.length));
        assertEquals("arxiv:1706.03762", PaperCodec.decodeId(bytes, 0, bytes.length));
    }

    @Test
    void rawValuesEqualToDisplayValuesAndUncommonNamesSurvive() {
        Paper p = Paper.builder().id("doi:10.1/x").key("k").title("T").year("2020").date("2020-05").venue("ACL")
                .abstractText("A.").doi("10.1/x").url("https://x.org")
                .raw("title", "T").raw("abstract", "A.").raw("year", "2020").raw("doi", "10.1/x")
                .raw("url", "https://x.org").raw("booktitle", "ACL").raw("date", "2020-05")
                .raw("x-custom-field", "T").raw("note", "").raw("journal", "{ACL} journal").build();
        byte[] bytes = PaperCodec.encode(new Cluster("doi:10.1/x", "", List.of(p)));
        assertEquals(p, PaperCodec.decode(bytes, 0, bytes.length).parts().get(0));
    }
}
