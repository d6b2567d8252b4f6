package dev.paperlink.server.feature;

import dev.paperlink.server.feature.references.ReferencesFeature;
import dev.paperlink.server.testing.FeatureFixture;
import dev.paperlink.server.testing.Fixture;
import dev.paperlink.server.testing.Render;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Find references: {@code file line:col-line:col} of every citation of the key, its entry first with the declaration. */
class ReferencesFeatureTest {
    static final String WORKSPACE = """
            %! intro.tex
            \\cite{vaswani2017, he2016} and \\parencites[p.~2]{Vaswani2017}{x}
            \\bibliography{refs}
            %! notes.md
            ---
            bibliography: refs.bib
            ---
            As [@vaswani2017; see @he2016, p. 3].
            %! paper.typ
            See @vaswani2017 and #cite(<he2016>).
            #bibliography("refs.bib")
            %! todo.org
            [cite/t:@vaswani2017] and cite:he2016
            %! refs.bib
            @inproceedings{vaswani2017, title = {Attention Is All You Need}, year = {2017}}
            @inproceedings{he2016, title = {Deep Residual Learning}, year = {2016}}
            @misc{lonely, title = {Cited by nobody}}
            """;

    /** The entry of vaswani2017 and its citations in every file (one of them written Vaswani2017). */
    static final String VASWANI_EVERYWHERE = """
                refs.bib 0:15-0:26
                intro.tex 0:6-0:17
                intro.tex 0:49-0:60
                notes.md 3:5-3:16
                paper.typ 0:5-0:16
                todo.org 0:9-0:20
                """;

    @Test
    void fromACitationEveryCitationInEveryFileIgnoringCaseAndTheEntry() {
        check(WORKSPACE.replace("\\cite{vaswani2017,", "\\cite{vasw<|>ani2017,"), true, VASWANI_EVERYWHERE);
        check(WORKSPACE.replace("#cite(<he2016>)", "#cite(<he<|>2016>)"), false, """
                intro.tex 0:19-0:25
                notes.md 3:23-3:29
                paper.typ 0:28-0:34
                todo.org 0:31-0:37
                """);
    }

    @Test
    void fromTheBibEntryAndForAKeyNobodyCites() {
        check(WORKSPACE.replace("@misc{lonely", "@misc{lon<|>ely"), true, "refs.bib 2:6-2:12");
        check(WORKSPACE.replace("[cite/t:@vaswani2017]", "[cite/t:@vaswani2017<|>]"), true, VASWANI_EVERYWHERE);
        check(WORKSPACE.replace("and cite:he2016", "and<|> cite:he2016"), true, "");
    }

    static void check(String fixture, boolean declaration, String expected) {
        FeatureFixture f = FeatureFixture.of(Fixture.parse(fixture)).inWorkspace();
        assertEquals(expected.strip(), Render.occurrences(ReferencesFeature.find(f.params(), declaration)).strip());
    }
}
