package dev.paperlink.server.feature;

import dev.paperlink.server.feature.rename.RenameFeature;
import dev.paperlink.server.testing.Corpora;
import dev.paperlink.server.testing.FeatureFixture;
import dev.paperlink.server.testing.Fixture;
import dev.paperlink.server.testing.Render;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Rename a key: {@code file line:col-line:col -> new} for the entry and every citation, or why not. */
class RenameFeatureTest {
    private static final String WORKSPACE = ReferencesFeatureTest.WORKSPACE;

    @Test
    void theEntryAndEveryCitationInEverySyntax() {
        check(WORKSPACE.replace("As [@vaswani2017;", "As [@vaswani<|>2017;"), "attention2017", """
                refs.bib 0:15-0:26 -> attention2017
                intro.tex 0:6-0:17 -> attention2017
                intro.tex 0:49-0:60 -> attention2017
                notes.md 3:5-3:16 -> attention2017
                paper.typ 0:5-0:16 -> attention2017
                todo.org 0:9-0:20 -> attention2017
                """);
        check(WORKSPACE.replace("@inproceedings{he2016", "@inproceedings{<|>he2016"), "dblp:conf/cvpr/HeZRS16", """
                refs.bib 1:15-1:21 -> dblp:conf/cvpr/HeZRS16
                intro.tex 0:19-0:25 -> dblp:conf/cvpr/HeZRS16
                notes.md 3:23-3:29 -> dblp:conf/cvpr/HeZRS16
                paper.typ 0:28-0:34 -> dblp:conf/cvpr/HeZRS16
                todo.org 0:31-0:37 -> dblp:conf/cvpr/HeZRS16
                """);
    }

    @Test
    void refusals() {
        String at = WORKSPACE.replace("As [@vaswani2017;", "As [@vaswani<|>2017;");
        check(at, "he2016", "refused: The key 'he2016' already exists (refs.bib:2).");
        check(at, "HE2016", "refused: The key 'HE2016' already exists (refs.bib:2).");
        check(at, "two words", "refused: 'two words' is not a valid citation key (no blanks and none of , { } ( ) [ ] \" ' # % = ~ \\ @ ; < > `).");
        check(at, "a,b", "refused: 'a,b' is not a valid citation key (no blanks and none of , { } ( ) [ ] \" ' # % = ~ \\ @ ; < > `).");
        check(at, "devlin2019", "refused: The key 'devlin2019' already exists (ml.bib:13).", Corpora.ML);
        check("\\cite{he<|>2016}\n", "x",
                "refused: 'he2016' is defined only in the corpus (ml.bib:8), not in a bibliography file of the workspace: PaperLink does not edit the corpus.",
                Corpora.ML);
        check("\\cite{nowhere<|>}\n", "x", "refused: 'nowhere' is defined in no bibliography file of the workspace.");
        check("%! note.md\n---\nbibliography: lib.json\n---\n[@smith<|>2020]\n%! lib.json\n[\n  {\"id\": \"smith2020\", \"type\": \"article-journal\", \"title\": \"Graphs\"}\n]\n",
                "x", "refused: 'smith2020' is defined in lib.json:2 (csl-json): PaperLink renames the keys of .bib and Hayagriva files only;"
                        + " change its id there by hand.");
        check("\\cite{a} and <|>text\n", "x", "refused: No citation key here to rename.");
        check("\\cite{tewel<|>2024}\n", "x", "refused: 'tewel2024' comes from your Zotero library (zotero.bib:1): PaperLink does not change Zotero;"
                + " change the item's citation key in Better BibTeX, and PaperLink follows.",
                "%! corpus/zotero.bib\n@misc{tewel2024, title = {T}, zotero.select = {zotero://select/library/items/8XSB2LMG}}\n");
    }

    @Test
    void sameKeyIsNoEditAndACaseChangeIsAllowed() {
        String at = WORKSPACE.replace("@misc{lonely", "@misc{lon<|>ely");
        check(at, "lonely", "");
        check(at, "Lonely", "refs.bib 2:6-2:12 -> Lonely");
    }

    private static void check(String fixture, String newKey, String expected) {
        check(fixture, newKey, expected, "");
    }

    /** {@code corpus}: files added to the fixture but not to the workspace (the corpus). */
    private static void check(String fixture, String newKey, String expected, String corpus) {
        FeatureFixture workspace = FeatureFixture.of(Fixture.parse(fixture)).inWorkspace();
        FeatureFixture all = FeatureFixture.of(Fixture.parse(fixture + corpus));
        var p = all.params();
        var params = new FeatureParams(p.document(), p.offset(), p.bibliography(), p.corpus(), p.config(), p.cancel(),
                corpus.isEmpty() ? all.inWorkspace().citations() : workspace.citations());
        assertEquals(expected.strip(), Render.rename(RenameFeature.rename(params, newKey)).strip());
    }
}
