package dev.paperlink.server.feature;

import dev.paperlink.server.feature.completion.CompletionFeature;
import dev.paperlink.server.feature.definition.DefinitionFeature;
import dev.paperlink.server.feature.diagnostics.DiagnosticsFeature;
import dev.paperlink.server.feature.hover.HoverFeature;
import dev.paperlink.server.feature.references.ReferencesFeature;
import dev.paperlink.server.feature.rename.RenameFeature;
import dev.paperlink.server.testing.FeatureFixture;
import dev.paperlink.server.testing.Fixture;
import dev.paperlink.server.testing.Render;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The scanner-driven features in each newer syntax: Typst (with a Hayagriva bibliography), Org
 * (org-cite and org-ref), LaTeX's multi-cites and DOI-like keys, Quarto-style Markdown. Each
 * fixture is checked for completion, hover, definition, references and rename.
 */
class CitationSyntaxesFeatureTest {
    private static final String BIB = """
            %! refs.bib
            @article{vaswani2017, title = {Attention Is All You Need}, author = {Vaswani, Ashish}, year = {2017}}
            @article{doi:10.1/x.y+z, title = {A Paper With A DOI Key}, author = {Doe, Jane}, year = {2020}}
            """;

    @Test
    void typstWithAHayagrivaBibliography() {
        String hayagriva = """
                %! refs.yml
                knuth1984:
                  type: book
                  title: Literate Programming
                  author: Knuth, Donald E.
                  date: 1984
                """;
        String doc = "%! paper.typ\nAs @knu<|> said.\n#bibliography(\"refs.yml\")\n" + hayagriva;
        completion(doc, "knuth1984 0:4-0:7 -> knuth1984 | Knuth, D. E. (1984)");
        hover(doc.replace("@knu<|>", "@knuth<|>1984"), "0:4-0:13", "**Literate Programming**");
        definition(doc.replace("@knu<|>", "#cite(<knuth<|>1984>)"), "refs.yml 0:0-0:0");
        references(doc.replace("@knu<|> said.", "@knuth<|>1984 said, #cite(label(\"knuth1984\"))."), """
                refs.yml 0:0-0:9
                paper.typ 0:4-0:13
                paper.typ 0:33-0:42
                """);
        rename(doc.replace("@knu<|> said.", "@knuth<|>1984 said."), "knuth1984lp", """
                refs.yml 0:0-0:9 -> knuth1984lp
                paper.typ 0:4-0:13 -> knuth1984lp
                """);
        diagnostics("%! paper.typ\nSee @nobody.\n#bibliography(\"refs.yml\")\n" + hayagriva,
                "paper.typ 0:5-0:11 warning unknown-key: Unknown citation key 'nobody'");
    }

    @Test
    void orgCiteAndOrgRef() {
        String doc = "%! notes.org\n#+bibliography: refs.bib\n[cite:@vas] and citep:doi:10.1/x.y+z\n" + BIB;
        completion(doc.replace("@vas]", "@vas<|>]"), "vaswani2017 1:7-1:10 -> vaswani2017 | Vaswani, A. (2017)");
        hover(doc.replace("@vas]", "@vaswani2017<|>]"), "1:7-1:18", "**Attention Is All You Need**");
        definition(doc.replace("citep:doi:10.1/x.y+z", "citep:doi:10.1/x<|>.y+z"), "refs.bib 1:9-1:23");
        references(doc.replace("[cite:@vas]", "[cite/t:@vaswani2017;@vaswani<|>2017]"), """
                refs.bib 0:9-0:20
                notes.org 1:9-1:20
                notes.org 1:22-1:33
                """);
        rename(doc.replace("citep:doi:10.1/x.y+z", "citep:doi:10.1/x<|>.y+z"), "doe2020", """
                refs.bib 1:9-1:23 -> doe2020
                notes.org 1:22-1:36 -> doe2020
                """);
    }

    @Test
    void latexMulticitesAndKeysWithPunctuation() {
        String doc = "%! a.tex\n\\parencites(see)()[p.~1]{vaswani2017}[2]{doi:10<|>}\n\\bibliography{refs}\n" + BIB;
        completion(doc, "doi:10.1/x.y+z 0:41-0:47 -> doi:10.1/x.y+z | Doe, J. (2020)");
        hover(doc.replace("{doi:10<|>}", "{doi:10.1/x.y+z<|>}"), "0:41-0:55", "**A Paper With A DOI Key**");
        definition(doc.replace("{vaswani2017}", "{vaswani<|>2017}").replace("{doi:10<|>}", "{x}"), "refs.bib 0:9-0:20");
        references(doc.replace("{doi:10<|>}", "{doi:10.1/x.y+z}\n\\nocite{doi:10.1/x<|>.y+z}"), """
                refs.bib 1:9-1:23
                a.tex 0:41-0:55
                a.tex 1:8-1:22
                """);
        rename(doc.replace("{vaswani2017}", "{vaswani<|>2017}").replace("{doi:10<|>}", "{x}"), "v17", """
                refs.bib 0:9-0:20 -> v17
                a.tex 0:25-0:36 -> v17
                """);
        diagnostics("%! a.tex\n\\nocite{*}\n\\bibliography{refs}\n" + BIB, "");
    }

    @Test
    void completionWritesEachSyntaxesCitation() {
        var config = dev.paperlink.server.config.ServerConfig.DEFAULT;
        assertEquals("@knuth1984", CompletionFeature.citation("knuth1984", dev.paperlink.server.document.DocumentKind.TYPST, config));
        assertEquals("#cite(label(\"doi/10.1\"))", CompletionFeature.citation("doi/10.1", dev.paperlink.server.document.DocumentKind.TYPST, config));
        assertEquals("[cite:@knuth1984]", CompletionFeature.citation("knuth1984", dev.paperlink.server.document.DocumentKind.ORG, config));
    }

    private static FeatureParams params(String fixture) {
        return FeatureFixture.of(Fixture.parse(fixture)).inWorkspace().params();
    }

    private static void completion(String fixture, String expected) {
        FeatureParams p = params(fixture);
        assertEquals(expected.strip(), Render.completion(p.document(), CompletionFeature.complete(p)).strip());
    }

    private static void hover(String fixture, String range, String firstLine) {
        FeatureParams p = params(fixture);
        String[] lines = Render.hover(p.document(), HoverFeature.find(p)).split("\n");
        assertEquals(range + "\n" + firstLine, lines[0] + "\n" + (lines.length > 1 ? lines[1] : ""));
    }

    private static void definition(String fixture, String expected) {
        assertEquals(expected.strip(), Render.definition(DefinitionFeature.find(params(fixture))).strip());
    }

    private static void references(String fixture, String expected) {
        assertEquals(expected.strip(), Render.occurrences(ReferencesFeature.find(params(fixture), true)).strip());
    }

    private static void rename(String fixture, String to, String expected) {
        assertEquals(expected.strip(), Render.rename(RenameFeature.rename(params(fixture), to)).strip());
    }

    private static void diagnostics(String fixture, String expected) {
        FeatureFixture f = FeatureFixture.of(Fixture.files(fixture));
        assertEquals(expected.strip(), Render.diagnostics(f.fixture().mainFile(), DiagnosticsFeature.check(f.params())).strip());
    }
}
