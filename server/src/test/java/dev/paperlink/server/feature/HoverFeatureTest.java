package dev.paperlink.server.feature;

import dev.paperlink.server.config.ServerConfig;
import dev.paperlink.server.feature.hover.HoverFeature;
import dev.paperlink.server.testing.Corpora;
import dev.paperlink.server.testing.FeatureFixture;
import dev.paperlink.server.testing.Fixture;
import dev.paperlink.server.testing.Render;
import org.junit.jupiter.api.Test;

import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Hover on citation keys and on .bib entry keys: the key's range, then the Markdown. */
class HoverFeatureTest {

    @Test
    void latexCiteKeyFromTheCorpus() {
        check("As shown in \\cite{he2016, vas<|>wani2017}, attention...\n" + Corpora.ML, """
                0:26-0:37
                **Attention Is All You Need**

                Vaswani, A.; Shazeer, N.; Parmar, N.; Uszkoreit, J.; Jones, L. et al. (2017). *Advances in Neural Information Processing Systems*

                [arXiv:1706.03762](https://arxiv.org/abs/1706.03762)

                > The dominant sequence transduction models are based on complex recurrent or convolutional neural networks.

                `vaswani2017` · ml.bib:1
                """);
    }

    @Test
    void pandocCitationFromTheDocumentBibliographyWithShortAbstract() {
        check("""
                %! notes.md
                ---
                bibliography: [refs.bib]
                ---
                Literate programming [@knuth<|>1984, p. 3] changed how...
                %! refs.bib
                @book{knuth1984, author = {Knuth, Donald E.}, title = {Literate Programming}, year = {1984},
                      doi = {10.1093/comjnl/27.2.97}, abstract = {The author and his associates have been experimenting}}
                """, c -> c.withAbstractMaxChars(20), """
                3:23-3:32
                **Literate Programming**

                Knuth, D. E. (1984)

                [DOI 10.1093/comjnl/27.2.97](https://doi.org/10.1093/comjnl/27.2.97)

                > The author and his…

                `knuth1984` · refs.bib:1
                """);
    }

    @Test
    void corpusTextIsEscaped() {
        check("""
                \\cite{evil<|>}
                %! corpus/evil.bib
                @misc{evil, title = {<img src=x onerror=alert(1)> [click](command:workbench.action.quit) **bold**},
                  url = {javascript:alert(1)}}
                """, c -> c, """
                0:6-0:10
                **\\<img src=x onerror=alert(1)> \\[click](command:workbench.action.quit) \\*\\*bold\\*\\***

                `evil` · evil.bib:1
                """);
    }

    @Test
    void bibEntryKeyAndUnknownKeys() {
        check("""
                %! refs.bib
                @book{knuth<|>1984, title = {Literate Programming}, year = {1984}}
                """, """
                0:6-0:15
                **Literate Programming**

                (1984)

                `knuth1984` · refs.bib:1
                """);
        check("\\cite{vaswani2071<|>}\n" + Corpora.ML, """
                0:6-0:17
                Unknown citation key **vaswani2071**. Did you mean **vaswani2017**?
                """);
        check("\\cite{zzz<|>}\n" + Corpora.ML, """
                0:6-0:9
                Unknown citation key **zzz**: it is in no bibliography PaperLink knows.
                """);
        check("plain <|>text\n" + Corpora.ML, "");
    }

    /**
     * Issue 14: a paper from Zotero links each attachment file that exists (here: the fixture's
     * files), then the item in Zotero; a missing attachment has no link.
     */
    @Test
    void aZoteroItemOpensItsPdfAndShowsInZotero() {
        check("""
                \\cite{tewel<|>2024}
                %! corpus/zotero.bib
                @misc{tewel2024, title = {Training-Free Consistent Text-to-Image Generation}, year = {2024}, author = {Tewel, Yoad},
                  eprint = {2402.03286}, abstract = {Text-to-image models offer creative flexibility.},
                  zotero.select = {zotero://select/library/items/8XSB2LMG}, zotero.key = {8XSB2LMG},
                  file = {/fixture/storage/ABCD1234/Tewel - 2024.pdf; /fixture/storage/GONE0000/missing.pdf; /fixture/storage/EFGH5678/2402.html}}
                %! storage/ABCD1234/Tewel - 2024.pdf
                %PDF-1.4
                %! storage/EFGH5678/2402.html
                <html></html>
                """, """
                0:6-0:15
                **Training-Free Consistent Text-to-Image Generation**

                Tewel, Y. (2024)

                [arXiv:2402.03286](https://arxiv.org/abs/2402.03286) · [Open PDF](file:///fixture/storage/ABCD1234/Tewel%20-%202024.pdf) · [Open snapshot](file:///fixture/storage/EFGH5678/2402.html) · [Show in Zotero](zotero://select/library/items/8XSB2LMG)

                > Text-to-image models offer creative flexibility.

                `tewel2024` · zotero.bib:1
                """);
    }

    @Test
    void aZoteroItemWithoutFilesOnDiskOrWithSeveralPdfsOrAForgedAddress() {
        check("""
                \\cite{a<|>} \\cite{b} \\cite{c}
                %! corpus/zotero.bib
                @misc{a, title = {Nothing on disk}, zotero.select = {zotero://select/groups/42/items/AAAA1111},
                  file = {/fixture/storage/AAAA1111/a.pdf}}
                """, """
                0:6-0:7
                **Nothing on disk**

                [Show in Zotero](zotero://select/groups/42/items/AAAA1111)

                `a` · zotero.bib:1
                """);
        check("""
                \\cite{b<|>}
                %! corpus/zotero.bib
                @misc{b, title = {Two PDFs}, zotero.select = {zotero://select/library/items/BBBB2222},
                  file = {/fixture/s/B1/main.pdf; /fixture/s/B2/supplement.pdf}}
                %! s/B1/main.pdf
                %! s/B2/supplement.pdf
                """, """
                0:6-0:7
                **Two PDFs**

                [Open PDF (main.pdf)](file:///fixture/s/B1/main.pdf) · [Open PDF (supplement.pdf)](file:///fixture/s/B2/supplement.pdf) · [Show in Zotero](zotero://select/library/items/BBBB2222)

                `b` · zotero.bib:1
                """);
        check("""
                \\cite{c<|>}
                %! corpus/zotero.bib
                @misc{c, title = {Forged}, zotero.select = {zotero://select/library/items/X) [click](command:quit}}
                """, """
                0:6-0:7
                **Forged**

                `c` · zotero.bib:1
                """);
    }

    private static void check(String fixture, String expected) {
        check(fixture, UnaryOperator.identity(), expected);
    }

    private static void check(String fixture, UnaryOperator<ServerConfig> config, String expected) {
        FeatureFixture f = FeatureFixture.of(Fixture.parse(fixture)).withConfig(config);
        assertEquals(expected.strip(), Render.hover(f.fixture().document(), HoverFeature.find(f.params())).strip());
    }
}
