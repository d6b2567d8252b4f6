package dev.paperlink.cli;

import dev.paperlink.corpus.Corpus;
import dev.paperlink.corpus.IndexReport;
import dev.paperlink.corpus.source.Skip;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code paperlink index PATH...}. */
@Command(name = "index", mixinStandardHelpOptions = true,
        description = {"Adds (or updates) the paper records of files and folders in the index.",
                "Reads the given files and folders (recursively): new and changed files are read, unchanged ones are not, "
                        + "files under these paths that are gone are dropped. Sources indexed before from other paths are kept "
                        + "(--prune drops them; 'paperlink remove PATH' drops one; 'paperlink sources' lists them).",
                "--zotero adds the Zotero database (zotero.sqlite, read directly) with the chosen libraries and collections.",
                "Exit status: 0 when every record loaded, 2 when some were skipped (the rest are indexed), 1 on errors."})
final class IndexCommand implements Callable<Integer> {
    static final int SOME_SKIPPED = 2;

    @Mixin
    IndexDirOption indexDir;

    @Parameters(arity = "0..*", paramLabel = "PATH", description = "Files or folders of BibTeX, CSL-JSON/YAML, Zotero JSON, arXiv JSONL or Hugging Face pages (.gz too).")
    List<Path> paths;

    @Mixin
    ZoteroOptions zotero;

    @Option(names = "--json", description = "Print the summary as JSON on stdout.")
    boolean json;

    @Option(names = "--max-skips-shown", defaultValue = "20", description = "How many skipped records to list (default: ${DEFAULT-VALUE}; all are counted).")
    int maxSkipsShown;

    @Option(names = "--embeddings", description = "Then make the embeddings papers are missing (related papers rank by them too; "
            + "needs paperlink-embeddings.jar beside paperlink.jar; about 100 papers/s on 2 cores, once per paper).")
    boolean embeddings;

    @Option(names = "--prune", description = "Drop every source indexed before that is not under these paths: the index then mirrors them.")
    boolean prune;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Path> roots = new java.util.ArrayList<>(paths == null ? List.of() : paths);
        if (zotero.zotero != null && !zotero.zotero.isBlank() && notADatabase(Path.of(zotero.zotero))) {
            roots.add(0, Path.of(zotero.zotero)); // 'index --zotero refs.bib': the file is a PATH, Zotero's own folder is meant
            zotero.zotero = "";
        }
        for (Path p : roots) {
            if (!Files.exists(p)) {
                err.println("paperlink index: no such file or folder: " + PaperText.safe(p.toString()));
                return 1;
            }
        }
        dev.paperlink.corpus.source.ReaderOptions options = dev.paperlink.corpus.source.ReaderOptions.DEFAULT;
        if (zotero.given()) {
            var location = zotero.locate();
            if (!location.exists()) {
                err.println("paperlink index: " + PaperText.safe(location.missingMessage()) + "; --zotero=DIR names another data directory");
                return 1;
            }
            roots.add(location.database());
            options = new dev.paperlink.corpus.source.ReaderOptions(zotero.config().selection(),
                    dev.paperlink.corpus.source.zotero.sqlite.ZoteroDataDir.baseAttachmentPath(
                            dev.paperlink.corpus.source.zotero.sqlite.ZoteroDataDir.Environment.system()));
        }
        if (roots.isEmpty()) {
            err.println("paperlink index: nothing to index: give files or folders (PATH...), or --zotero");
            return 1;
        }
        IndexReport report;
        try (Corpus corpus = indexDir.openWritable();
             Progress progress = Progress.forTerminal(err)) {
            corpus.repaired().ifPresent(why -> err.println("paperlink: " + why));
            corpus.useReaderOptions(options);
            report = LastIndexError.recording(indexDir.resolve(), () -> prune ? corpus.index(roots, progress) : corpus.add(roots, progress));
            if (embeddings) {
                java.util.Optional<dev.paperlink.corpus.embed.Embedder> model = dev.paperlink.corpus.embed.Embedder.available();
                if (model.isEmpty()) {
                    err.println("paperlink: no embedding model: put paperlink-embeddings.jar beside paperlink.jar"
                            + " (./mvnw package builds it in embeddings/target)");
                    return 1;
                }
                corpus.useEmbedder(model);
                var figures = dev.paperlink.cli.bench.Embed.missing(corpus, err);
                err.printf("embeddings (%s): %,d papers, %,d made now%s%n", figures.get("model"), figures.get("papers"), figures.get("embeddedNow"),
                        ((Number) figures.get("embeddedNow")).longValue() == 0 ? "" : String.format(" at %.0f papers/s", figures.get("papersPerSecond")));
            }
        }
        if (json) {
            out.println(Json.write(report));
        } else {
            printSummary(report, err);
        }
        return report.skips().isEmpty() ? 0 : SOME_SKIPPED;
    }

    /** A file that is no SQLite database (picocli took a PATH as the value of --zotero). */
    private static boolean notADatabase(Path p) {
        if (!Files.isRegularFile(p)) {
            return false;
        }
        try (java.io.InputStream in = Files.newInputStream(p)) {
            return !java.util.Arrays.equals(in.readNBytes(16), "SQLite format 3\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private void printSummary(IndexReport r, PrintWriter w) {
        w.printf("indexed %,d records from %,d files in %.1f s (%,d unchanged files not read)%n",
                r.recordsRead(), r.sourcesRead(), r.millis() / 1000.0, r.sourcesUnchanged());
        printRemovals(r, w);
        w.printf("%,d papers in the index (%,d records merged into papers seen in another record)%n", r.papers(), r.recordsMerged());
        for (Map.Entry<String, Long> e : r.recordsByFormat().entrySet()) {
            w.printf("  %-14s %,d records%n", e.getKey(), e.getValue());
        }
        if (!r.skips().isEmpty()) {
            w.printf("%,d records skipped:%n", r.skips().size());
            r.skipsByReason().forEach((reason, n) -> w.printf("  %-30s %,d%n", reason, n));
            List<Skip> shown = r.skips().subList(0, Math.min(maxSkipsShown, r.skips().size()));
            shown.forEach(s -> w.println("  " + PaperText.safe(s.toString())));
            if (shown.size() < r.skips().size()) {
                w.printf("  ... and %,d more (--max-skips-shown N to list them)%n", r.skips().size() - shown.size());
            }
        }
        for (String u : r.unrecognised()) {
            w.println("not a recognised corpus file: " + u);
        }
        w.flush();
    }

    /** Every removal in papers, not only files: "removed 1 file: 2,310 papers left the index (3 kept records of other files)". */
    static void printRemovals(IndexReport r, PrintWriter w) {
        if (r.removedFiles().isEmpty()) {
            return;
        }
        w.printf("removed %,d file%s: %,d paper%s left the index%s%n", r.removedFiles().size(), r.removedFiles().size() == 1 ? "" : "s",
                r.papersRemoved(), r.papersRemoved() == 1 ? "" : "s",
                r.papersKept() == 0 ? "" : String.format(" (%,d more kept their records from other files)", r.papersKept()));
        int shown = Math.min(20, r.removedFiles().size());
        r.removedFiles().subList(0, shown).forEach(f -> w.println("  - " + PaperText.safe(f)));
        if (shown < r.removedFiles().size()) {
            w.printf("  ... and %,d more%n", r.removedFiles().size() - shown);
        }
    }
}
