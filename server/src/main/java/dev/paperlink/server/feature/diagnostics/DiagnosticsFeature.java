package dev.paperlink.server.feature.diagnostics;

import dev.paperlink.corpus.source.Skip;
import dev.paperlink.server.bibliography.BibliographyFile;
import dev.paperlink.server.bibliography.DocumentBibliography;
import dev.paperlink.server.document.LineIndex;
import dev.paperlink.server.document.Pos;
import dev.paperlink.server.document.TextDocument;
import dev.paperlink.server.feature.FeatureParams;
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
        Map<String, Optional<Problem.Severity>> verdicts = new HashMap<>();
        Map<String, String> messages = new HashMap<>();
        Map<String, String> codes = new HashMap<>();
        if (CitationScanner.forKind(doc.kind()).isEmpty()) {
            return; // a .bib cites nothing (and may be a big buffer: not copied into one string)
        }
        int[] suggested = {0};
        for (CitationRef r : CitationScanner.refs(doc.kind(), doc.text())) {
            if (r.isEmpty() || r.open() || r.isAll()) {
                continue;
            }
            p.cancel().check();
            Optional<Problem.Severity> verdict = verdicts.computeIfAbsent(r.key(), k -> verdict(p, k, suggested, messages, codes));
            verdict.ifPresent(s -> out.add(new Problem(doc.position(r.range().start()), doc.position(r.range().end()),
                    s, codes.get(r.key()), messages.get(r.key()))));
        }
    }

    /**
     * What is wrong with a cited key, if anything: known to the document's bibliography only in
     * another case; absent from it though the corpus has it (held back until the corpus index is
     * ready); unknown.
     */
    private static Optional<Problem.Severity> verdict(FeatureParams p, String k, int[] suggested, Map<String, String> messages,
                                                      Map<String, String> codes) {
        Optional<dev.paperlink.corpus.model.Paper> own = p.bibliography().lookup().byKey(k);
        if (own.isPresent()) {
            Optional<String> entry = dev.paperlink.server.feature.bibedit.CitationFixes.entryCase(own.get(), k);
            entry.ifPresent(e -> {
                codes.put(k, Problem.KEY_CASE);
                messages.put(k, "Citation key '" + k + "' differs in case from the entry '" + CitationFormatter.plain(e)
                        + "' (BibTeX finds it and warns; biber does not find it)");
            });
            return entry.map(e -> Severity.WARNING);
        }
        if (!p.corpusReady()) {
            return Optional.empty(); // the corpus index is still being built: the key may be on its way
        }
        Optional<dev.paperlink.corpus.model.Paper> inCorpus = p.corpus().byKey(k);
        if (inCorpus.isPresent()) {
            if (p.bibliography().files().isEmpty()) {
                return Optional.empty(); // a note without a bibliography cites from the corpus
            }
            codes.put(k, Problem.NOT_IN_BIBLIOGRAPHY);
            messages.put(k, "Citation key '" + k + "' is not in the document's bibliography; the corpus has it: "
                    + CitationFormatter.plain(inCorpus.get().title()));
            return Optional.of(Severity.WARNING);
        }
        // nearest keys cost several queries: for the first unknown keys of a document only, so
        // that a note full of unknown keys does not hold up the diagnostics of every other one
        List<String> near = suggested[0]++ < MAX_SUGGESTED
                ? p.lookup().keysNear(k, NEAREST).stream().map(CitationFormatter::plain).toList() : List.of();
        codes.put(k, Problem.UNKNOWN_KEY);
        messages.put(k, "Unknown citation key '" + k + "'" + (near.isEmpty() ? "" : "; closest known: " + String.join(", ", near)));
        return Optional.of(Severity.WARNING);
    }

    /** A key defined more than once in the document's bibliography: flagged at every definition, each naming the others. */
    private static void duplicates(DocumentBibliography bib, Path self, List<Problem> own, Map<Path, List<Problem>> files) {
        record Def(BibliographyFile file, String key, Pos at, Pos end) {
            String where() {
                return CitationFormatter.source(new dev.paperlink.corpus.model.SourceSpan(
                        file.path().toString(), null, at.line() + 1, at.line() + 1, 0, 0, ""));
            }
        }
        Map<String, List<Def>> defs = new LinkedHashMap<>();
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
                defs.computeIfAbsent(entries.key(i).toLowerCase(Locale.ROOT), x -> new ArrayList<>())
                        .add(new Def(f, entries.key(i), entries.keyPosition(i), entries.keyEndPosition(i)));
            }
        }
        for (List<Def> same : defs.values()) {
            if (same.size() < 2) {
                continue;
            }
            for (int i = 0; i < same.size(); i++) {
                Def d = same.get(i);
                Def other = same.get(i == 0 ? 1 : 0);
                List<Problem.Related> related = new ArrayList<>();
                for (Def o : same) {
                    if (o != d) {
                        related.add(new Problem.Related(o.file().path(), o.at(), o.end(), "'" + o.key() + "' is defined here too"));
                    }
                }
                String message = i == 0 ? "Duplicate key '" + d.key() + "': also defined at " + other.where()
                        : "Duplicate key '" + d.key() + "': already defined at " + other.where();
                List<Problem> target = d.file().path().equals(self) ? own : files.computeIfAbsent(d.file().path(), x -> new ArrayList<>());
                target.add(new Problem(d.at(), d.end(), Severity.WARNING, Problem.DUPLICATE_KEY, message, related));
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
