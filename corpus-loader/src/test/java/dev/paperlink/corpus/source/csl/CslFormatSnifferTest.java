package dev.paperlink.corpus.source.csl;

import dev.paperlink.corpus.model.SourceFormat;
import dev.paperlink.corpus.source.FormatSniffer;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How the CSL / Zotero look-alikes found in the shared corpora are classified. */
class CslFormatSnifferTest {

    @Test
    void cslJsonWithoutTypes() {
        assertEquals(Optional.of(SourceFormat.CSL_JSON),
                FormatSniffer.sniff("json", "[\n  {\n    \"id\": \"ITEM-1\",\n    \"title\": \"It is official\"\n  }\n]"));
        assertEquals(Optional.of(SourceFormat.CSL_JSON),
                FormatSniffer.sniff("json", "[{\"id\": \"ITEM-1\", \"issued\": {\"date-parts\": [[1998, 4, 10]]}}]"));
    }

    @Test
    void betterBibtexLibraryWithLongConfig() {
        String head = "{\n  \"config\": {\n    \"id\": \"36a3\",\n    \"label\": \"BetterBibTeX JSON\",\n    \"preferences\": {\n"
                + "      \"x\": \"" + "y".repeat(20_000) + "\"";
        assertEquals(Optional.of(SourceFormat.ZOTERO_JSON), FormatSniffer.sniff("json", head.substring(0, 16 * 1024)));
    }

    @Test
    void hayagrivaIsItsOwnFormatNotCslYaml() {
        String hayagriva = """
                mybook:
                  type: Book
                  title: Hayagriva Test Book
                  author: Doe, Jane
                  date: 2020-05-01
                  serial-number:
                    doi: 10.1234/example.doi
                """;
        assertEquals(Optional.of(SourceFormat.HAYAGRIVA), FormatSniffer.sniff("yml", hayagriva));
    }

    @Test
    void betterBibtexLibraryAsYamlIsNotCslYaml() {
        String bbtYaml = """
                config:
                  id: 36a3b0b5-bad0-4a04-b79b-441c7cef77db
                  label: BetterBibTeX JSON
                items:
                  - itemType: book
                    title: T
                """;
        assertEquals(Optional.empty(), FormatSniffer.sniff("yaml", bbtYaml));
    }

    @Test
    void cslProcessorFixtureIsNotCslJson() {
        assertEquals(Optional.empty(), FormatSniffer.sniff("json", "{\n  \"id\": \"x\",\n  \"result\": \"[@doe]\"\n}"));
    }

    @Test
    void cslYamlFrontMatter() {
        assertEquals(Optional.of(SourceFormat.CSL_YAML),
                FormatSniffer.sniff("yaml", "---\nreferences:\n- id: a\n  type: book\n  title: A\n"));
    }
}
