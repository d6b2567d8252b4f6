package dev.paperlink.cli;

import dev.paperlink.corpus.Corpus;
import dev.paperlink.corpus.model.Paper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code paperlink show KEY}. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Shows the paper with this citation key or alias.")
final class ShowCommand implements Callable<Integer> {
    @Mixin
    IndexDirOption indexDir;

    @Parameters(paramLabel = "KEY", description = "A citation key or alias.")
    String key;

    @Option(names = "--json", description = "Print the paper as JSON.")
    boolean json;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (Corpus corpus = indexDir.openReadOnly()) {
            Optional<Paper> paper = corpus.byKey(key);
            if (paper.isEmpty()) {
                // as the unknown-key diagnostic and hover do: key prefixes, then author + year + title words of the key
                String near = dev.paperlink.server.feature.PaperLookup.of(corpus).keysNear(key, 5).stream()
                        .map(PaperText::safe).collect(Collectors.joining(", "));
                spec.commandLine().getErr().println("no paper with key '" + key + "'" + (near.isEmpty() ? "" : "; keys near it: " + near));
                return 1;
            }
            out.print(json ? Json.write(paper.get()) + "\n" : PaperText.card(paper.get()));
        }
        out.flush();
        return 0;
    }
}
