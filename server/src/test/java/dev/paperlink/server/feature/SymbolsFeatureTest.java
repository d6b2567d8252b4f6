package dev.paperlink.server.feature;

import dev.paperlink.server.feature.diagnostics.DiagnosticsFeature;
import dev.paperlink.server.feature.hover.HoverFeature;
import dev.paperlink.server.feature.symbols.DocumentSymbolFeature;
import dev.paperlink.server.feature.symbols.PaperSymbol;
import dev.paperlink.server.feature.symbols.WorkspaceSymbolFeature;
import dev.paperlink.server.testing.Corpora;
import dev.paperlink.server.testing.FeatureFixture;
import dev.paperlink.server.testing.Fixture;
import dev.paperlink.server.testing.Render;
import org.junit.jupiter.api.Test;

import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Document outlines, workspace symbols, unused entries and where hovers say a key is cited. */
class SymbolsFeatureTest {

    @Test
    void bibOutline() {
        outline("""
                %! refs.bib
                @string{acl = "ACL"}
                @Article{vaswani2017,
                  title = {Attention Is {All} You Need}, year = 2017}
                @misc{nokey}
                @book{knuth1984, title = "Literate
                    Programming"}
                """, """
                vaswani2017 | @article · Attention Is All You Need | entry 1:9-1:20
                nokey | @misc | entry 3:6-3:11
                knuth1984 | @book · Literate Programming | entry 4:6-4:15
                """);
    }

    @Test
    void notesOutlineSectionsWithTheirCitations() {
        outline("""
                %! paper.tex
                \\cite{vaswani2017}
                \\section{Introduction}
                As \\cite{he2016}.
                \\subsection*{Background}
                \\cite{devlin2019, nobody}
                \\section[Short]{Method}
                """ + Corpora.ML, """
                vaswani2017 | Attention Is All You Need | citation 0:6-0:17
                Introduction | section 1:9-1:21
                  he2016 | Deep Residual Learning for Image Recognition | citation 2:9-2:15
                  Background | section 3:13-3:23
                    devlin2019 | BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding | citation 4:6-4:16
                    nobody | citation 4:18-4:24
                Method | section 5:16-5:22
                """);
        outline("""
                %! notes.md
                # Notes
                ```
                # not a heading @x
                ```
                ## Part @he2016
                """, """
                Notes | section 0:2-0:7
                  Part @he2016 | section 4:3-4:15
                    he2016 | citation 4:9-4:15
                """);
        outline("%! a.typ\n= Intro\n@a\n== Sub\n%! b.org\n", """
                Intro | section 0:2-0:7
                  a | citation 1:1-1:2
                  Sub | section 2:3-2:6
                """);
        outline("%! b.org\n* Top\n** Deeper [cite:@k]\n", """
                Top | section 0:2-0:5
                  Deeper [cite:@k] | section 1:3-1:19
                    k | citation 1:17-1:18
                """);
    }

    @Test
    void workspaceSymbolsByKeyTitleAuthorAndYearWorkspaceFirst() {
        FeatureFixture f = FeatureFixture.of(Fixture.parse("""
                %! refs.bib
                @article{mine2020, title = {Attention Everywhere}, author = {Mine, Ann}, year = {2020}}
                %! note.md
                <|>
                """)).inWorkspace();
        var workspace = new InMemoryLookup(dev.paperlink.server.testing.TinyBibReader.papers("/fixture/refs.bib", f.fixture().text("refs.bib")));
        var corpus = f.params().corpus();
        FeatureParams ml = FeatureFixture.of(Fixture.parse("<|>\n" + Corpora.ML)).params();
        assertEquals("""
                mine2020 — Attention Everywhere | Mine, A. (2020) · refs.bib:1 | refs.bib 0:9-0:17
                vaswani2017 — Attention Is All You Need | Vaswani, A.; Shazeer, N.; Parmar, N.; Uszkoreit, J.; Jones, L. et al. (2017) · ml.bib:1 | corpus/ml.bib 0:15-0:26
                """.strip(), symbols("attention", workspace, ml.corpus(), f));
        assertEquals("he2016 — Deep Residual Learning for Image Recognition | He, K.; Zhang, X.; Ren, S.; Sun, J. (2016) · ml.bib:8 | corpus/ml.bib 7:15-7:21",
                symbols("he 2016", workspace, ml.corpus(), f));
        assertEquals("devlin2019 — BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding | Devlin, J.; Chang, M.-W.; Lee, K.; Toutanova, K. (2019) · ml.bib:13 | corpus/ml.bib 12:9-12:19",
                symbols("devl", workspace, ml.corpus(), f));
        assertEquals("", symbols(" ", workspace, corpus, f));
    }

    @Test
    void unusedEntriesOfWorkspaceBibFilesAreHints() {
        String ws = """
                %! refs.bib
                @misc{used, title = {U}}
                @misc{unused, title = {N}}
                %! a.md
                [@used]
                """;
        assertEquals("refs.bib 1:6-1:12 hint unused-entry: 'unused' is cited by no document of the workspace", diagnostics(ws, c -> c));
        assertEquals("", diagnostics(ws, c -> c.withUnusedEntries(dev.paperlink.server.config.ServerConfig.UnusedEntries.OFF)));
        assertEquals("", diagnostics(ws + "%! b.tex\n\\nocite{*}\n", c -> c));
        StringBuilder big = new StringBuilder("%! refs.bib\n");
        for (int i = 0; i <= dev.paperlink.server.config.ServerConfig.UnusedEntries.AUTO_MAX_ENTRIES; i++) {
            big.append("@misc{k").append(i).append(", title = {T}}\n");
        }
        assertEquals("", diagnostics(big.toString(), c -> c));
        assertEquals(dev.paperlink.server.config.ServerConfig.UnusedEntries.AUTO_MAX_ENTRIES + 1,
                diagnostics(big.toString(), c -> c.withUnusedEntries(dev.paperlink.server.config.ServerConfig.UnusedEntries.ON)).lines().count());
    }

    @Test
    void hoverSaysWhereTheKeyIsCited() {
        FeatureFixture f = FeatureFixture.of(Fixture.parse("""
                %! intro.tex
                \\cite{he2016} \\cite{he<|>2016}
                %! more/notes.md
                [@he2016]
                """ + Corpora.ML)).inWorkspace();
        String hover = Render.hover(f.fixture().document(), HoverFeature.find(f.params()));
        assertEquals("Cited 3 times in the workspace: intro.tex:1, intro.tex:1, notes.md:1", hover.substring(hover.lastIndexOf('\n') + 1));
    }

    private static String diagnostics(String fixture, java.util.function.UnaryOperator<dev.paperlink.server.config.ServerConfig> config) {
        FeatureFixture f = FeatureFixture.of(Fixture.files(fixture)).inWorkspace().withConfig(config);
        return Render.diagnostics(f.fixture().mainFile(), DiagnosticsFeature.check(f.params())).strip();
    }

    private static String symbols(String query, PaperLookup workspace, PaperLookup corpus, FeatureFixture f) {
        return WorkspaceSymbolFeature.find(query, workspace, corpus, f.citations(), CancelToken.NONE).stream()
                .map((PaperSymbol s) -> s.name() + " | " + s.container() + " | " + dev.paperlink.server.testing.Render.occurrences(
                        java.util.List.of(new dev.paperlink.server.feature.references.Occurrence(s.uri(), null, s.start(), s.end(), ""))))
                .collect(Collectors.joining("\n"));
    }

    private static void outline(String fixture, String expected) {
        FeatureFixture f = FeatureFixture.of(Fixture.files(fixture));
        assertEquals(expected.strip(), Render.symbols(f.fixture().document(), DocumentSymbolFeature.symbols(f.params())).strip());
    }
}
