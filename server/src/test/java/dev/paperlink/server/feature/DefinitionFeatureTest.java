package dev.paperlink.server.feature;

import dev.paperlink.corpus.model.Paper;
import dev.paperlink.corpus.model.SourceFormat;
import dev.paperlink.corpus.model.SourceSpan;
import dev.paperlink.server.feature.definition.DefinitionFeature;
import dev.paperlink.server.testing.Corpora;
import dev.paperlink.server.testing.FeatureFixture;
import dev.paperlink.server.testing.Fixture;
import dev.paperlink.server.testing.Render;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Go to paper: {@code file line:col-line:col} of the key inside its entry. */
class DefinitionFeatureTest {

    @Test
    void keyInsideItsBibEntry() {
        check("\\cite{he2016, devlin<|>2019}\n" + Corpora.ML, "corpus/ml.bib 12:9-12:19");
        check("""
                %! notes/a.md
                ---
                bibliography: ../refs.bib
                ---
                See [-@knuth1984<|>].
                %! refs.bib
                % the first line is a comment
                  @book{ knuth1984, title = {Literate Programming}}
                """, "refs.bib 1:9-1:18");
    }

    @Test
    void theDocumentsOwnEntryWhenTheCorpusHasTheSamePaperToo() {
        FeatureParams base = FeatureFixture.of(Fixture.parse("%! n.md\n---\nbibliography: refs.bib\n---\n[@he2016<|>]\n%! refs.bib\n% read by the index\n"))
                .params();
        String own = dev.paperlink.corpus.source.SourceFiles.name(base.bibliography().files().get(0).file().path());
        // the index merged the note's entry with the corpus's copy of it
        Paper merged = Paper.builder().id("doi:10.1/he").key("he2016").title("Deep Residual Learning")
                .source(new SourceSpan("/corpus/demo.bib", SourceFormat.BIBTEX, 5, 9, 5, 15, "he2016"))
                .source(new SourceSpan(own, SourceFormat.BIBTEX, 2, 4, 2, 7, "he2016"))
                .build();
        FeatureParams p = new FeatureParams(base.document(), base.offset(), base.bibliography(), new InMemoryLookup(List.of(merged)),
                base.config(), base.cancel());
        assertEquals(1, DefinitionFeature.find(p).size(), Render.definition(DefinitionFeature.find(p)));
        assertEquals("refs.bib 1:7-1:13", Render.definition(DefinitionFeature.find(p)));
    }

    @Test
    void recordLineInOtherFormatsAndTheSourceOfTheCitedAlias() {
        // a merged paper: its key from a CSL-JSON record (line 12), an alias from a JSONL snapshot (line 3)
        Paper paper = Paper.builder().id("doi:10.1/x").key("smith2020").alias("2001.00001").title("T")
                .source(new SourceSpan("/data/library.json", SourceFormat.CSL_JSON, 12, 20, 12, 0, "smith2020"))
                .source(new SourceSpan("/data/arxiv.jsonl", SourceFormat.ARXIV_JSONL, 3, 3, 3, 0, "2001.00001"))
                .build();
        FeatureParams base = FeatureFixture.of(Fixture.parse("%! n.md\n[@smith2020<|>; @2001.00001]")).params();
        FeatureParams p = new FeatureParams(base.document(), base.offset(), base.bibliography(), new InMemoryLookup(List.of(paper)),
                base.config(), base.cancel());
        assertEquals("/data/library.json 11:0-11:0", Render.definition(DefinitionFeature.find(p)));
        assertEquals("/data/arxiv.jsonl 2:0-2:0", Render.definition(DefinitionFeature.find(p.at("[@smith2020; @2001.0".length()))));
    }

    @Test
    void aZoteroDatabaseIsNoTargetItsOtherSourcesAre() {
        SourceSpan zotero = new SourceSpan("/home/u/Zotero/zotero.sqlite", SourceFormat.ZOTERO_SQLITE, 42, 42, 42, 0, "smith2020");
        Paper both = Paper.builder().id("doi:10.1/x").key("smith2020").title("T").source(zotero)
                .source(new SourceSpan("/data/library.json", SourceFormat.CSL_JSON, 12, 20, 12, 0, "smith2020")).build();
        Paper onlyZotero = Paper.builder().id("doi:10.1/y").key("jones2021").title("U").source(zotero).build();
        FeatureParams base = FeatureFixture.of(Fixture.parse("%! n.md\n[@smith2020<|>; @jones2021]")).params();
        FeatureParams p = new FeatureParams(base.document(), base.offset(), base.bibliography(), new InMemoryLookup(List.of(both, onlyZotero)),
                base.config(), base.cancel());
        assertEquals("/data/library.json 11:0-11:0", Render.definition(DefinitionFeature.find(p)));
        assertEquals("", Render.definition(DefinitionFeature.find(p.at("[@smith2020; @jones".length()))).strip());
    }

    @Test
    void nothingForUnknownKeysOrOutsideCitations() {
        check("\\cite{nope<|>}\n" + Corpora.ML, "");
        check("\\cite{he2016} and <|>more\n" + Corpora.ML, "");
    }

    private static void check(String fixture, String expected) {
        FeatureFixture f = FeatureFixture.of(Fixture.parse(fixture));
        assertEquals(expected.strip(), Render.definition(DefinitionFeature.find(f.params())).strip());
    }
}
