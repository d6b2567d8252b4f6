package dev.paperlink.server.workspace;

import dev.paperlink.corpus.testing.SharedCorpora;
import dev.paperlink.server.config.ServerConfig;
import dev.paperlink.server.document.TextDocument;
import dev.paperlink.server.feature.CancelToken;
import dev.paperlink.server.feature.completion.CompletionCandidate;
import dev.paperlink.server.feature.completion.CompletionFeature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The same entries give the same completion items whether they are the document's own
 * bibliography ({@code \bibliography{refs}}) or the corpus ({@code paperlink.corpus}): same
 * items, same order, for key prefixes and for title and author words typed in a citation.
 */
class OwnBibliographyAsCorpusTest {
    @TempDir
    Path dir;

    @Test
    void aGeneratedBibliography() throws Exception {
        Random random = new Random(7);
        String[] words = {"attention", "graph", "neural", "translation", "parsing", "semantic", "learning", "retrieval",
                "language", "models", "transformer", "speech", "dialogue", "summarization", "question", "answering"};
        String[] names = {"Vaswani", "Devlin", "Zhang", "Li", "Wang", "Smith", "Müller", "García", "Chen", "Kim"};
        StringBuilder bib = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            String name = names[random.nextInt(names.length)];
            int year = 1995 + random.nextInt(30);
            String w1 = words[random.nextInt(words.length)];
            String w2 = words[random.nextInt(words.length)];
            bib.append("@inproceedings{").append(name.toLowerCase().replace("ü", "u").replace("í", "i")).append(year).append(w1).append(i)
                    .append(",\n  title = {").append(Character.toUpperCase(w1.charAt(0))).append(w1.substring(1)).append(" for ").append(w2)
                    .append(" ").append(words[random.nextInt(words.length)]).append("},\n  author = {").append(name).append(", A. and ")
                    .append(names[random.nextInt(names.length)]).append(", B.},\n  year = {").append(year).append("},\n}\n");
        }
        Path refs = dir.resolve("refs.bib");
        Files.writeString(refs, bib);
        compare(refs, new Random(11));
    }

    @Test
    void aRealBibliography() throws Exception {
        Path crypto = SharedCorpora.require("latex-papers/snark-survey/cryptobib/crypto.bib");
        Path refs = dir.resolve("refs.bib");
        Files.copy(crypto, refs);
        compare(refs, new Random(13));
    }

    /** Typed texts from the bibliography's keys and titles (seeded), completed both ways. */
    private void compare(Path refs, Random random) throws Exception {
        List<String> keys = new ArrayList<>();
        List<String> titleWords = new ArrayList<>();
        for (String line : Files.readAllLines(refs)) {
            if (line.startsWith("@") && line.contains("{") && line.contains(",")) {
                keys.add(line.substring(line.indexOf('{') + 1, line.indexOf(',')).strip());
            } else if (line.strip().toLowerCase().startsWith("title")) {
                for (String w : line.replaceAll("[^\\p{L} ]", " ").split("\\s+")) {
                    if (w.length() >= 4 && !w.equalsIgnoreCase("title")) {
                        titleWords.add(w.toLowerCase());
                    }
                }
            }
        }
        Set<String> typed = new LinkedHashSet<>(List.of("", "a", "z"));
        for (int i = 0; i < 60; i++) {
            String k = keys.get(random.nextInt(keys.size()));
            typed.add(k.substring(0, Math.min(k.length(), 1 + random.nextInt(6))));
            String w = titleWords.get(random.nextInt(titleWords.size()));
            typed.add(w.substring(0, Math.min(w.length(), 3 + random.nextInt(4))));
        }
        Path asCorpus = Files.createDirectories(dir.resolve("as-corpus"));
        Path asOwn = Files.createDirectories(dir.resolve("as-own"));
        try (Workspace corpus = workspace(asCorpus.resolve("index"), List.of(refs.toString()));
             Workspace own = workspace(asOwn.resolve("index"), List.of())) {
            int nonEmpty = 0;
            for (String t : typed) {
                if (t.isEmpty()) {
                    continue; // the corpus is not asked about an empty prefix: the own bibliography lists its papers
                }
                List<String> viaCorpus = complete(corpus, asCorpus, "", t);
                List<String> viaOwn = complete(own, refs.getParent(), "\\bibliography{refs}\n", t);
                assertEquals(viaCorpus, viaOwn, "typed '" + t + "'");
                nonEmpty += viaOwn.isEmpty() ? 0 : 1;
            }
            assertTrue(nonEmpty > typed.size() / 2, "most typed texts find papers: " + nonEmpty + " of " + typed.size());
            assertFalse(complete(own, refs.getParent(), "\\bibliography{refs}\n", "").isEmpty(), "an empty citation lists the bibliography");
        }
    }

    private Workspace workspace(Path index, List<String> corpus) {
        return new Workspace(ServerConfig.DEFAULT.withIndexDir(index).withCorpus(corpus), ServerLog.STDERR, new BibliographyCache(),
                new CorpusService(ServerLog.STDERR));
    }

    /** The labels completion offers in {@code \cite{TYPED|}} of a note in {@code folder} that starts with {@code preamble}. */
    private static List<String> complete(Workspace ws, Path folder, String preamble, String typed) throws Exception {
        String text = preamble + "See \\cite{" + typed + "}.\n";
        TextDocument note = TextDocument.of(folder.resolve("note.tex").toUri().toString(), "latex", 1, text);
        ws.open(note);
        ws.corpus().reindex(ws.indexDir(), ws::corpusRoots, () -> CorpusService.Progress.NONE, r -> { }).get(60, TimeUnit.SECONDS);
        int cursor = text.indexOf("\\cite{") + 6 + typed.length();
        return CompletionFeature.complete(ws.params(note.uri(), cursor, CancelToken.NONE).orElseThrow()).items().stream()
                .map(CompletionCandidate::label).toList();
    }
}
