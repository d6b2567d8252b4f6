package dev.paperlink.cli;

import dev.paperlink.corpus.Corpus;
import dev.paperlink.corpus.model.Hit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code paperlink search QUERY}. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Searches the index: BM25 over title, authors and abstract (or --complete, --key, --related).")
final class SearchCommand implements Callable<Integer> {
    @Mixin
    IndexDirOption indexDir;

    @Parameters(arity = "1..*", paramLabel = "QUERY", description = "Words to search for.")
    List<String> words;

    @Option(names = {"-n", "--limit"}, defaultValue = "10", description = "How many results (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--complete", description = "Title completion instead: words typed so far, the last one a prefix, typos forgiven, 'author year' too.")
    boolean complete;

    @Option(names = "--key", description = "Key completion instead: keys starting with QUERY.")
    boolean key;

    @Option(names = "--related", description = "Papers related to QUERY taken as a passage of text.")
    boolean related;

    @Option(names = "--json", description = "Print results as JSON.")
    boolean json;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        String query = String.join(" ", words);
        PrintWriter out = spec.commandLine().getOut();
        try (Corpus corpus = indexDir.openReadOnly()) {
            if (related) {
                corpus.useEmbedder(dev.paperlink.corpus.embed.Embedder.available()); // used when every paper has its vector
            }
            List<Hit> hits = key ? corpus.completeKey(query, limit)
                    : complete ? corpus.completeTitle(query, limit)
                    : related ? corpus.related(query, limit)
                    : corpus.search(query, limit);
            if (json) {
                out.println(Json.write(hits));
            } else if (hits.isEmpty()) {
                spec.commandLine().getErr().println("no paper matches '" + query + "'");
            } else {
                hits.forEach(h -> out.println(PaperText.line(h.paper())));
            }
        }
        out.flush();
        return 0;
    }
}
