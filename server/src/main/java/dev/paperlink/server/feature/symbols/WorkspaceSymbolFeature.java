package dev.paperlink.server.feature.symbols;

import dev.paperlink.corpus.model.Hit;
import dev.paperlink.corpus.model.Paper;
import dev.paperlink.corpus.model.SourceSpan;
import dev.paperlink.server.feature.CancelToken;
import dev.paperlink.server.feature.PaperLookup;
import dev.paperlink.server.feature.definition.DefinitionFeature;
import dev.paperlink.server.feature.definition.DefinitionTarget;
import dev.paperlink.server.feature.references.Occurrence;
import dev.paperlink.server.feature.references.WorkspaceCitations;
import dev.paperlink.server.render.CitationFormatter;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Workspace symbols: papers by key, title words, author or year, the workspace's bibliographies
 * first, then the corpus; at most {@link #LIMIT}. A paper of the workspace is located at its
 * entry (where an open buffer has it now), a corpus paper at its record (as go to definition).
 */
public final class WorkspaceSymbolFeature {
    public static final int LIMIT = 100;

    private WorkspaceSymbolFeature() {
    }

    public static List<PaperSymbol> find(String query, PaperLookup workspace, PaperLookup corpus, WorkspaceCitations citations,
                                         CancelToken cancel) {
        String q = query == null ? "" : query.strip();
        if (q.isEmpty()) {
            return List.of();
        }
        List<PaperSymbol> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (PaperLookup layer : List.of(workspace, corpus)) {
            for (int pass = 0; pass < 2 && out.size() < LIMIT; pass++) {
                cancel.check();
                List<Hit> hits = pass == 0 ? layer.completeKey(q, LIMIT - out.size()) : layer.completeTitle(q, LIMIT - out.size());
                for (Hit h : hits) {
                    Paper p = h.paper();
                    boolean fresh = seen.add("\u0000" + p.key().toLowerCase(java.util.Locale.ROOT)) & (p.id().isEmpty() || seen.add(p.id()));
                    if (out.size() < LIMIT && fresh) {
                        symbol(p, citations).ifPresent(out::add);
                    }
                }
            }
        }
        return out;
    }

    private static Optional<PaperSymbol> symbol(Paper p, WorkspaceCitations citations) {
        String name = CitationFormatter.plain(p.key() + (p.title().isEmpty() ? "" : " — " + p.title()));
        String container = CitationFormatter.detail(p);
        List<Occurrence> entries = citations.entries(p.key());
        if (!entries.isEmpty()) {
            Occurrence e = entries.get(0);
            return Optional.of(new PaperSymbol(name, container + " · " + e.shortPlace(), e.uri(), e.start(), e.end()));
        }
        // a Zotero database is no text a symbol can point into
        java.util.function.Predicate<SourceSpan> text = s -> !s.file().isEmpty() && s.format() != dev.paperlink.corpus.model.SourceFormat.ZOTERO_SQLITE;
        Optional<SourceSpan> source = p.sources().stream().filter(s -> text.test(s) && s.key().equalsIgnoreCase(p.key())).findFirst()
                .or(() -> p.sources().stream().filter(text).findFirst());
        return source.map(s -> {
            DefinitionTarget t = DefinitionFeature.location(s);
            return new PaperSymbol(name, container + " · " + CitationFormatter.source(s), t.uri(), t.start(), t.end());
        });
    }
}
