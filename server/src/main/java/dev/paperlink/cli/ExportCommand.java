package dev.paperlink.cli;

import dev.paperlink.corpus.Corpus;
import dev.paperlink.corpus.model.Paper;
import dev.paperlink.corpus.write.AppendPlan;
import dev.paperlink.corpus.write.Appender;
import dev.paperlink.corpus.write.EntryFormat;
import dev.paperlink.corpus.write.Entries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code paperlink export KEY... [--format F] [--append FILE]}: papers of the index as
 * bibliography entries, printed or appended to a file with the same writer the editor uses (the
 * file's own layout kept, a key it has never added twice).
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Writes papers as BibTeX, BibLaTeX, CSL-JSON or CSL-YAML entries, or appends them to a bibliography file.")
final class ExportCommand implements Callable<Integer> {
    @Mixin
    IndexDirOption indexDir;

    @Parameters(paramLabel = "KEY", arity = "1..*", description = "Citation keys or aliases.")
    List<String> keys;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "bibtex, biblatex, csl-json or csl-yaml (default: by the --append file's extension, else bibtex).")
    String format;

    @Option(names = "--append", paramLabel = "FILE", description = "Append the entries to this file (made when missing) instead of printing them.")
    Path append;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        Optional<EntryFormat> f = format != null ? EntryFormat.ofLabel(format)
                : append != null ? EntryFormat.forFile(append.getFileName().toString(), false, false) : Optional.of(EntryFormat.BIBTEX);
        if (f.isEmpty() || f.get() == EntryFormat.HAYAGRIVA && format != null && append == null) {
            err.println("paperlink: error: " + (format != null ? "unknown format '" + format + "' (bibtex, biblatex, csl-json, csl-yaml)"
                    : "cannot tell the format of " + append + " from its extension: give --format"));
            return 1;
        }
        List<Paper> papers = new ArrayList<>();
        try (Corpus corpus = Corpus.openReadOnly(indexDir.resolve())) {
            for (String key : keys) {
                Optional<Paper> p = corpus.byKey(key);
                if (p.isEmpty()) {
                    err.println("paperlink: error: no paper with key '" + PaperText.safe(key) + "'");
                    return 1;
                }
                Paper paper = p.get();
                papers.add(paper.key().equals(key) ? paper : paper.withIdentity(paper.id(), key, List.of()));
            }
        }
        if (append == null) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(Entries.file(papers, f.get()));
            out.flush();
            return 0;
        }
        String text = Files.exists(append) ? Files.readString(append, StandardCharsets.UTF_8) : "";
        for (Paper p : papers) {
            switch (Appender.plan(text, f.get(), p)) {
                case AppendPlan.Insert i -> text = text.substring(0, i.offset()) + i.text() + text.substring(i.offset());
                case AppendPlan.Present x -> err.println(append + " has '" + PaperText.safe(x.key()) + "' already");
                case AppendPlan.Taken t -> {
                    err.println("paperlink: error: " + append + " has another entry under the key '" + PaperText.safe(t.key()) + "' ("
                            + PaperText.safe(t.otherTitle()) + "); nothing was written");
                    return 1;
                }
                case AppendPlan.Unusable u -> {
                    err.println("paperlink: error: cannot append to " + append + ": " + u.reason());
                    return 1;
                }
            }
        }
        Path tmp = Files.createTempFile(append.toAbsolutePath().getParent(), ".paperlink-export", ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, append, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return 0;
    }
}
