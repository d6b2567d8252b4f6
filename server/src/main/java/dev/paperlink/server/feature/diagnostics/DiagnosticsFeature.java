package dev.paperlink.server.feature.diagnostics;

import dev.paperlink.corpus.source.Skip;
import dev.paperlink.server.bibliography.BibliographyFile;
import dev.paperlink.server.bibliography.DocumentBibliography;
import dev.paperlink.server.document.LineIndex;
import dev.paperlink.server.document.Pos;
import dev.paperlink.server.document.TextDocument;
import dev.paperlink.server.feature.FeatureParams;
import dev.paperlink.server.feature.PaperLookup;
import dev.paperlink.server.feature.diagnostics.Problem.Severity;
import dev.paperlink.server.render.CitationFormatter;
import dev.paperlink.server.bibliography.BibChunks;
import dev.paperlink.server.syntax.CitationRef;
import dev.paperlink.server.syntax.CitationScanner;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Diagnostics of a document: unknown keys (warning, naming the closest known keys), bibliography
 * files it names that cannot be read, keys defined twice in its bibliography, and records of its
 * bibliography files that fail to parse (at the failing line of that file, on that file).
 * Citations still being typed (unclosed) are not flagged.
 */
public final class DiagnosticsFeature {
    static final int NEAREST = 3;
    /** Distinct unknown keys of one document that get the closest known keys named. */
    static final int MAX_SUGGESTED = 50;

    private DiagnosticsFeature() {
    }

    public static DiagnosticsResult check(FeatureParams p) {
        TextDocument doc = p.document();
        Path self = doc.path().orElse(null);
        List<Problem> own = new ArrayList<>();
        Map<Path, List<Problem>> files = new LinkedHashMap<>();
        DocumentBibliography bib = p.bibliography();
        if (!bib.pending()) { // while the index reads the bibliography, a key not found yet may be still to come
            unknownKeys(p, own);
        }
        for (DocumentBibliography.Named n : bib.files()) {
            BibliographyFile f = n.file();
            boolean isSelf = f.path().equals(self);
            List<Problem> target = isSelf ? own : files.computeIfAbsent(f.path(), k -> new ArrayList<>());
            if (!f.readable()) {
                if (!isSelf && !n.inherited()) { // the root document reports its own missing files
                    Pos s = doc.position(n.ref().range().start());
                    Pos e = doc.position(n.ref().range().end());
                    own.add(new Problem(s, e, Severity.WARNING, Problem.MISSING_BIBLIOGRAPHY,
                            "Bibliography file " + f.path() + ": " + f.problem()));
                }
                continue;
            }
            for (Skip skip : f.skips()) {
                target.add(lineProblem(f, skip.line(), Severity.ERROR, Problem.BIBLIOGRAPHY_SYNTAX, skip.message()));
            }
        }
        duplicates(bib, self, own, files);
        own.addAll(UnusedEntries.check(p));
        return new DiagnosticsResult(own, files);
    }

    private static void unknownKeys(FeatureParams p, List<Problem> out) {
        TextDocument doc = p.document();
        PaperLookup lookup = p.lookup();
        Map<String, Optional<String>> verdicts = new HashMap<>();
        if (CitationScanner.forKind(doc.kind()).isEmpty()) {
            return; // a .bib cites nothing (and may be a big buffer: not copied into one string)
        }
        int[] suggested = {0};
        for (CitationRef r : CitationScanner.refs(doc.kind(), doc.text())) {
            if (r.isEmpty() || r.open() || r.isAll()) {
                continue;
            }
            p.cancel().check();
            Optional<String> message = verdicts.computeIfAbsent(r.key(), k -> {
                if (lookup.byKey(k).isPresent()) {
                    return Optional.empty();
                }
                // nearest keys cost several queries: for the first unknown keys of a document only, so
                // that a note full of unknown keys does not hold up the diagnostics of every other one
                List<String> near = suggested[0]++ < MAX_SUGGESTED
                        ? lookup.keysNear(k, NEAREST).stream().map(CitationFormatter::plain).toList() : List.of();
                return Optional.of("Unknown citation key '" + k + "'"
                        + (near.isEmpty() ? "" : "; closest known: " + String.join(", ", near)));
            });
            message.ifPresent(m -> out.add(new Problem(doc.position(r.range().start()), doc.position(r.range().end()),
                    Severity.WARNING, Problem.UNKNOWN_KEY, m)));
        }
    }

    /** A key defined more than once in the document's bibliography: flagged at every definition after the first. */
    private static void duplicates(DocumentBibliography bib, Path self, List<Problem> own, Map<Path, List<Problem>> files) {
        record Def(BibliographyFile file, Pos at) {
        }
        Map<String, Def> first = new HashMap<>();
        Set<Path> seen = new HashSet<>();
        for (DocumentBibliography.Named n : bib.files()) {
            BibliographyFile f = n.file();
            if (!f.readable() || !seen.add(f.path())) {
                continue;
            }
            BibChunks entries = f.chunks().get();
            for (int i = 0; i < entries.size(); i++) {
                if (entries.kind(i) != BibChunks.Kind.ENTRY || entries.key(i).isEmpty()) {
                    continue;
                }
                String key = entries.key(i);
                Def prev = first.putIfAbsent(key.toLowerCase(Locale.ROOT), new Def(f, entries.keyPosition(i)));
                if (prev == null) {
                    continue;
                }
                String where = CitationFormatter.source(new dev.paperlink.corpus.model.SourceSpan(
                        prev.file().path().toString(), null, prev.at().line() + 1, prev.at().line() + 1, 0, 0, ""));
                List<Problem> target = f.path().equals(self) ? own : files.computeIfAbsent(f.path(), x -> new ArrayList<>());
                target.add(new Problem(entries.keyPosition(i), entries.keyEndPosition(i), Severity.WARNING, Problem.DUPLICATE_KEY,
                        "Duplicate key '" + key + "': already defined at " + where));
            }
        }
    }

    /** The whole line: to its end where the text is at hand, else to the start of the next line. */
    private static Problem lineProblem(BibliographyFile f, int line1, Severity severity, String code, String message) {
        LineIndex lines = f.lines();
        if (lines == null) {
            int line = Math.max(0, line1 - 1);
            return new Problem(new Pos(line, 0), new Pos(line + 1, 0), severity, code, message);
        }
        int line = Math.max(0, Math.min(line1 - 1, lines.lineCount() - 1));
        Pos start = new Pos(line, 0);
        Pos end = lines.position(lines.lineEnd(line));
        return new Problem(start, end, severity, code, message);
    }
}
