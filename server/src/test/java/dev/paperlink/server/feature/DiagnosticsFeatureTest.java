package dev.paperlink.server.feature;

import dev.paperlink.server.feature.diagnostics.DiagnosticsFeature;
import dev.paperlink.server.testing.Corpora;
import dev.paperlink.server.testing.FeatureFixture;
import dev.paperlink.server.testing.Fixture;
import dev.paperlink.server.testing.Render;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Diagnostics: {@code file line:col-line:col severity code: message}, the document first, then its bibliography files. */
class DiagnosticsFeatureTest {

    @Test
    void unknownKeysNameTheClosestKnownKeys() {
        check("""
                %! main.tex
                \\cite{vaswani2071, he2016} \\cite{he2061,devlin}
                \\cite{zzz} % \\cite{commented}
                \\cite{typing
                """ + Corpora.ML, """
                main.tex 0:6-0:17 warning unknown-key: Unknown citation key 'vaswani2071'; closest known: vaswani2017
                main.tex 0:33-0:39 warning unknown-key: Unknown citation key 'he2061'; closest known: he2016
                main.tex 0:40-0:46 warning unknown-key: Unknown citation key 'devlin'; closest known: devlin2019
                main.tex 1:6-1:9 warning unknown-key: Unknown citation key 'zzz'
                """);
    }

    @Test
    void bibliographyProblemsArePublishedOnTheirFiles() {
        check("""
                %! notes.md
                ---
                bibliography:
                  - a.bib
                  - b.bib
                  - gone.bib
                ---
                [@dup; @ok]
                %! a.bib
                @misc{dup, title = {First}}
                @misc{ok, title = {Fine}}
                @misc{bad, title = {x}, broken = {yes}}
                %! b.bib
                @misc{DUP, title = {Second}}
                """, """
                notes.md 4:4-4:12 warning missing-bibliography: Bibliography file /fixture/gone.bib: not found
                a.bib 2:0-2:39 error bibliography-syntax: bad field in 'bad'
                a.bib 0:6-0:9 warning duplicate-key: Duplicate key 'dup': also defined at b.bib:1 [see b.bib 0:6-0:9]
                b.bib 0:6-0:9 warning duplicate-key: Duplicate key 'DUP': already defined at a.bib:1 [see a.bib 0:6-0:9]
                """);
    }

    @Test
    void anOpenBibFileGetsItsOwnProblems() {
        check("""
                %! refs.bib
                @misc{a, title = {A}}
                @misc{a, title = {A again}}
                @misc{unclosed, title = {x}
                """, """
                refs.bib 2:0-2:27 error bibliography-syntax: entry 'unclosed' is not closed
                refs.bib 0:6-0:7 warning duplicate-key: Duplicate key 'a': also defined at refs.bib:2 [see refs.bib 1:6-1:7]
                refs.bib 1:6-1:7 warning duplicate-key: Duplicate key 'a': already defined at refs.bib:1 [see refs.bib 0:6-0:7]
                """);
    }

    /** Issue 10, 9: nearest keys are looked for only for a document's first unknown keys (20,000 of them once took 14 s). */
    @Test
    void aNoteFullOfUnknownKeysIsCheckedInBoundedWork() {
        StringBuilder note = new StringBuilder("%! main.tex\n");
        for (int i = 0; i < 2_000; i++) {
            note.append("\\cite{vaswani").append(i).append("x}\n");
        }
        FeatureFixture f = FeatureFixture.of(Fixture.files(note + Corpora.ML));
        int[] asked = {0};
        var params = f.params();
        PaperLookup counting = new PaperLookup() {
            @Override
            public java.util.Optional<dev.paperlink.corpus.model.Paper> byKey(String key) {
                return params.corpus().byKey(key);
            }

            @Override
            public java.util.List<dev.paperlink.corpus.model.Hit> completeKey(String prefix, int limit) {
                asked[0]++;
                return params.corpus().completeKey(prefix, limit);
            }

            @Override
            public java.util.List<dev.paperlink.corpus.model.Hit> completeTitle(String typed, int limit) {
                return params.corpus().completeTitle(typed, limit);
            }
        };
        var problems = DiagnosticsFeature.check(new FeatureParams(params.document(), -1, params.bibliography(), counting, params.config(),
                params.cancel())).document();
        assertEquals(2_000, problems.size(), "every unknown key is flagged");
        long named = problems.stream().filter(pr -> pr.message().contains("closest known")).count();
        org.junit.jupiter.api.Assertions.assertTrue(named <= 50, "the closest keys of the first 50 at most: " + named);
        // unbounded, every one of the 2,000 keys asked for its nearest keys (one prefix look-up or more each)
        org.junit.jupiter.api.Assertions.assertTrue(asked[0] < 2_000, "bounded look-ups: " + asked[0]);
    }

    private static void check(String fixture, String expected) {
        FeatureFixture f = FeatureFixture.of(Fixture.files(fixture));
        assertEquals(expected.strip(), Render.diagnostics(f.fixture().mainFile(), DiagnosticsFeature.check(f.params())).strip());
    }
}
