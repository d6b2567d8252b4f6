package dev.paperlink.server.feature;

import dev.paperlink.server.feature.links.LinkFeature;
import dev.paperlink.server.testing.Corpora;
import dev.paperlink.server.testing.FeatureFixture;
import dev.paperlink.server.testing.Fixture;
import dev.paperlink.server.testing.Render;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Document links: every citation of a known paper to its DOI, arXiv, URL or PDF; bibliography names to their files. */
class LinkFeatureTest {

    @Test
    void citationsAndBibliographyFiles() {
        check("""
                %! paper/main.tex
                \\cite{he2016,vaswani2017} \\citet{devlin2019} \\cite{unknown} \\cite{local}
                \\bibliography{refs,missing}
                %! paper/refs.bib
                @misc{local, title = {A local copy}, file = {:pdfs/local.pdf:PDF}}
                """ + Corpora.ML, """
                0:6-0:12 -> https://doi.org/10.1109/CVPR.2016.90
                0:13-0:24 -> https://arxiv.org/abs/1706.03762
                0:33-0:43 -> https://aclanthology.org/N19-1423
                0:66-0:71 -> paper/pdfs/local.pdf
                1:14-1:18 -> paper/refs.bib
                """);
    }

    /**
     * Issue 14: a Zotero item's citation goes to its DOI (as any paper's), else its first attachment
     * that exists, else the item in Zotero.
     */
    @Test
    void zoteroItemsGoToTheirDoiElseAnExistingPdfElseZotero() {
        check("""
                %! notes.md
                [@withdoi] [@withpdf] [@nothing]
                %! corpus/zotero.bib
                @misc{withdoi, title = {A}, doi = {10.1/a}, zotero.select = {zotero://select/library/items/AAAA1111},
                  file = {/fixture/storage/AAAA1111/a.pdf}}
                @misc{withpdf, title = {B}, zotero.select = {zotero://select/library/items/BBBB2222},
                  file = {/fixture/storage/GONE/gone.pdf; /fixture/storage/BBBB2222/b.pdf}}
                @misc{nothing, title = {C}, zotero.select = {zotero://select/library/items/CCCC3333},
                  file = {/fixture/storage/CCCC3333/c.pdf}}
                %! storage/AAAA1111/a.pdf
                %! storage/BBBB2222/b.pdf
                """, """
                0:2-0:9 -> https://doi.org/10.1/a
                0:13-0:20 -> storage/BBBB2222/b.pdf
                0:24-0:31 -> zotero://select/library/items/CCCC3333
                """);
    }

    private static void check(String fixture, String expected) {
        FeatureFixture f = FeatureFixture.of(Fixture.files(fixture));
        assertEquals(expected.strip(), Render.links(f.fixture().document(), LinkFeature.links(f.params())).strip());
    }
}
