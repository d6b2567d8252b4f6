package dev.paperlink.cli;

import dev.paperlink.corpus.solr.SolrSettings;
import dev.paperlink.corpus.solr.SolrSetup;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code paperlink solr init}: the team corpus's collection on a SolrCloud (docs/team-corpus.md). */
@Command(name = "solr", mixinStandardHelpOptions = true,
        description = "The team's shared corpus on SolrCloud (see docs/team-corpus.md).",
        subcommands = SolrCommand.Init.class)
final class SolrCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    @Command(name = "init", mixinStandardHelpOptions = true,
            description = {"Uploads the configset that ships in paperlink.jar (schema, solrconfig) and creates the collection.",
                    "On a collection that exists, the configset is uploaded again and the collection reloaded (its documents stay)."})
    static final class Init implements Callable<Integer> {
        @Option(names = "--solr", paramLabel = "URL", split = ",", required = true,
                description = "A node of the cluster (http://host:8983/solr); repeat or separate by commas.")
        List<String> solr;

        @Option(names = "--collection", paramLabel = "NAME", defaultValue = SolrSettings.DEFAULT_COLLECTION,
                description = "The collection (default: ${DEFAULT-VALUE}).")
        String collection;

        @Option(names = "--shards", defaultValue = "1", description = {"Shards (default: ${DEFAULT-VALUE}: a keystroke is answered fastest by one;",
                "more once a copy of the corpus passes about 20 GB, some 7M arXiv-like papers: docs/team-corpus.md)."})
        int shards;

        @Option(names = "--replicas", defaultValue = "2", description = "Replicas of each shard (default: ${DEFAULT-VALUE}).")
        int replicas;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            SolrSettings settings = SolrSettings.of(solr, collection).withCredentialsFrom(System.getenv());
            SolrSetup.Result r = SolrSetup.init(settings, shards, replicas);
            out.printf("%s collection %s with configset %s%s%n", r.created() ? "created" : "updated", r.collection(), r.configSet(),
                    r.created() ? " (" + r.shards() + " shards x " + r.replicas() + " replicas)" : "");
            return 0;
        }
    }
}
