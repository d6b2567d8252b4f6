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
        byte[] bytes = PaperCodec.encode(List.of(full, empty));
        assertEquals(List.of(full, empty), PaperCodec.decode(bytes, 0, bytes.length));
    }
}
