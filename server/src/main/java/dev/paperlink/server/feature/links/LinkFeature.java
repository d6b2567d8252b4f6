package dev.paperlink.server.feature.links;

import dev.paperlink.corpus.model.Paper;
import dev.paperlink.server.bibliography.DocumentBibliography;
import dev.paperlink.server.document.Uris;
import dev.paperlink.server.feature.FeatureParams;
import dev.paperlink.server.feature.PaperLookup;
import dev.paperlink.server.render.CitationFormatter;
import dev.paperlink.server.render.PaperLinks;
import dev.paperlink.server.syntax.CitationRef;
import dev.paperlink.server.syntax.CitationScanner;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Document links: every citation of a known paper links to its DOI, arXiv or URL page, else its
 * local PDF (a Zotero item's: the first attachment that exists), else the item in Zotero
 * ({@link PaperLinks#primary}); every bibliography file the document names links to the file.
 */
public final class LinkFeature {
    private LinkFeature() {
    }

    public static List<DocumentLinkTarget> links(FeatureParams p) {
        List<DocumentLinkTarget> out = new ArrayList<>();
        PaperLookup lookup = p.lookup();
        Map<String, Optional<Paper>> cache = new HashMap<>();
        List<CitationRef> refs = CitationScanner.forKind(p.document().kind()).isPresent()
                ? CitationScanner.refs(p.document().kind(), p.document().text()) : List.of(); // a .bib cites nothing
        for (CitationRef r : refs) {
            p.cancel().check();
            Optional<Paper> paper = cache.computeIfAbsent(r.key(), lookup::byKey);
            paper.flatMap(x -> PaperLinks.primary(x, p.files()))
                    .ifPresent(url -> out.add(new DocumentLinkTarget(r.range(), url, CitationFormatter.plain(paper.get().title()))));
        }
        for (DocumentBibliography.Named n : p.bibliography().files()) {
            if (n.file().readable() && !n.inherited()) {
                out.add(new DocumentLinkTarget(n.ref().range(), Uris.fromPath(n.file().path()), n.file().path().toString()));
            }
        }
        out.sort(java.util.Comparator.comparingInt(l -> l.range().start()));
        return out;
    }
}
