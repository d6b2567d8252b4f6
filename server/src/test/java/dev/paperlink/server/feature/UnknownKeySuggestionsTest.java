package dev.paperlink.server.feature;

import dev.paperlink.server.feature.diagnostics.DiagnosticsFeature;
import dev.paperlink.server.feature.diagnostics.Problem;
import dev.paperlink.server.feature.hover.HoverFeature;
import dev.paperlink.server.testing.FeatureFixture;
import dev.paperlink.server.testing.Fixture;
import dev.paperlink.server.testing.Render;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 13, 4: the unknown-key hover and diagnostic suggest keys with the mistyped key's author, year and title word. */
class UnknownKeySuggestionsTest {
    private static final String FIXTURE = """
            \\cite{devlin2019bert<|>}
            %! corpus/acl.bib
            @inproceedings{devaraj-etal-2019-evaluating, title = {Evaluating Things}, author = {Devaraj, Ashwin}, year = 2019}
            @inproceedings{devillers-2019-bertha, title = {Bertha}, author = {Devillers, Laurence}, year = 2019}
            @inproceedings{devlin-etal-2019-bert, title = {{BERT}: Pre-training of Deep Bidirectional Transformers},
              author = {Devlin, Jacob and Chang, Ming-Wei}, year = 2019}
            """;

    @Test
    void hoverAndDiagnosticNameTheKeyWithThoseParts() {
        FeatureFixture f = FeatureFixture.of(Fixture.parse(FIXTURE));
        String hover = Render.hover(f.fixture().document(), HoverFeature.find(f.params()));
        assertTrue(hover.contains("Did you mean **devlin-etal-2019-bert**"), hover);
        Problem unknown = DiagnosticsFeature.check(f.params()).document().stream()
                .filter(p -> p.message().contains("devlin2019bert")).findFirst().orElseThrow();
        int devlin = unknown.message().indexOf("devlin-etal-2019-bert");
        int devaraj = unknown.message().indexOf("devaraj");
        assertTrue(devlin >= 0 && (devaraj < 0 || devlin < devaraj), "devlin-etal-2019-bert comes first: " + unknown.message());
    }
}
