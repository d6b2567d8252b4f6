package dev.paperlink.server.syntax;

import dev.paperlink.server.document.DocumentKind;

import java.util.List;
import java.util.Optional;

/**
 * Finds citation keys in the text of a note. Scanners never throw on malformed input: they return
 * what they could read.
 */
public sealed interface CitationScanner permits LatexCitationScanner, MarkdownCitationScanner, TypstCitationScanner, OrgCitationScanner {

    CitationScan scan(String text);

    /** The scanner for a kind of document; none for bibliographies and other files. */
    static Optional<CitationScanner> forKind(DocumentKind kind) {
        return switch (kind) {
            case LATEX -> Optional.of(LatexCitationScanner.INSTANCE);
            case MARKDOWN -> Optional.of(MarkdownCitationScanner.INSTANCE);
            case TYPST -> Optional.of(TypstCitationScanner.INSTANCE);
            case ORG -> Optional.of(OrgCitationScanner.INSTANCE);
            case BIBTEX, OTHER -> Optional.empty();
        };
    }

    /** Every key of a document of this kind (empty for kinds without citations). */
    static List<CitationRef> refs(DocumentKind kind, String text) {
        return forKind(kind).map(s -> s.scan(text).refs()).orElse(List.of());
    }
}
