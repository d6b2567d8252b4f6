package dev.paperlink.server.syntax;

import dev.paperlink.server.document.DocumentKind;

import java.util.List;
import java.util.Optional;

/**
 * Finds citation keys in the text of a note. Scanners never throw on malformed input: they return
 * what they could read. One per syntax ({@link LatexCitationScanner}, {@link MarkdownCitationScanner},
 * {@link TypstCitationScanner}, {@link OrgCitationScanner}), each remembering its last scans
 * ({@link ScanMemo}).
 */
public sealed interface CitationScanner permits CitationScanner.Memoized {

    /** A syntax's scan, remembered by text identity: every request about one version of a document shares one scan. */
    final class Memoized implements CitationScanner {
        static final Memoized LATEX = new Memoized(LatexCitationScanner::read);
        static final Memoized MARKDOWN = new Memoized(MarkdownCitationScanner::read);
        static final Memoized TYPST = new Memoized(TypstCitationScanner::read);
        static final Memoized ORG = new Memoized(OrgCitationScanner::read);

        private final ScanMemo<CitationScan> memo;

        private Memoized(java.util.function.Function<String, CitationScan> read) {
            this.memo = new ScanMemo<>(read);
        }

        @Override
        public CitationScan scan(String text) {
            return memo.get(text);
        }
    }

    CitationScan scan(String text);

    /** The scanner for a kind of document; none for bibliographies and other files. */
    static Optional<CitationScanner> forKind(DocumentKind kind) {
        return switch (kind) {
            case LATEX -> Optional.of(Memoized.LATEX);
            case MARKDOWN -> Optional.of(Memoized.MARKDOWN);
            case TYPST -> Optional.of(Memoized.TYPST);
            case ORG -> Optional.of(Memoized.ORG);
            case BIBTEX, OTHER -> Optional.empty();
        };
    }

    /** Every key of a document of this kind (empty for kinds without citations). */
    static List<CitationRef> refs(DocumentKind kind, String text) {
        return forKind(kind).map(s -> s.scan(text).refs()).orElse(List.of());
    }
}
