package dev.paperlink.server.feature;

import dev.paperlink.corpus.model.ShownText;
import dev.paperlink.server.feature.completion.CompletionCandidate;
import dev.paperlink.server.feature.completion.CompletionFeature;
import dev.paperlink.server.feature.hover.HoverFeature;
import dev.paperlink.server.feature.links.DocumentLinkTarget;
import dev.paperlink.server.feature.links.LinkFeature;
import dev.paperlink.server.testing.FeatureFixture;
import dev.paperlink.server.testing.Fixture;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 10, 4: what a hostile corpus puts in its records reaches the editor without control
 * characters or bidi overrides, capped in length, and links are valid URIs.
 */
class HostileTextTest {
    private static final String HOSTILE = "%! refs.bib\n"
            + "@misc{evil, title = {Ev\u001b]0;owned\u0007il \u202eTrojan\u202c " + "word ".repeat(400) + "},\n"
            + "  author = {Mal\u2066ory, Eve}, year = {2024}, url = {https://example.org/a b\"<x>}}\n";

    @Test
    void hoverCardsHaveNoControlsAndCappedTitles() {
        FeatureFixture f = FeatureFixture.of(Fixture.parse("%! main.tex\n\\cite{ev<|>il}\n\\bibliography{refs}\n" + HOSTILE));
        String md = HoverFeature.find(f.params()).orElseThrow().markdown();
        assertClean(md);
        assertTrue(md.contains("0;ownedil Trojan word"), "controls dropped, the rest shown as text: " + md);
        assertTrue(md.length() < 2_000, "the 2,000-character title is capped: " + md.length());
        assertTrue(md.contains("(https://example.org/a%20b%22%3Cx%3E)"), md);
    }

    @Test
    void completionItemsHaveNoControlsAndCappedTexts() {
        FeatureFixture f = FeatureFixture.of(Fixture.parse("%! main.tex\n\\cite{ev<|>}\n\\bibliography{refs}\n" + HOSTILE));
        List<CompletionCandidate> items = CompletionFeature.complete(f.params()).items();
        assertEquals(1, items.size());
        CompletionCandidate c = items.get(0);
        for (String s : List.of(c.label(), c.detail(), c.description(), c.filterText())) {
            assertClean(s);
            assertTrue(s.length() <= 2 * ShownText.EDITOR_MAX, s.length() + ": " + s);
        }
        assertEquals("evil", c.newText());
    }

    @Test
    void documentLinksAreValidUris() {
        FeatureFixture f = FeatureFixture.of(Fixture.files("%! main.tex\n\\cite{evil}\n\\bibliography{refs}\n" + HOSTILE));
        List<DocumentLinkTarget> links = LinkFeature.links(f.params());
        DocumentLinkTarget citation = links.get(0);
        assertEquals("https://example.org/a%20b%22%3Cx%3E", citation.target());
        URI.create(citation.target());
        assertClean(citation.tooltip());
    }

    private static void assertClean(String s) {
        for (char c : s.toCharArray()) {
            assertTrue((c >= 0x20 || c == '\n') && c != 0x7f && !(c >= 0x80 && c <= 0x9f) && !(c >= 0x202a && c <= 0x202e) && !(c >= 0x2066 && c <= 0x2069),
                    "U+" + Integer.toHexString(c) + " in " + s);
        }
    }
}
