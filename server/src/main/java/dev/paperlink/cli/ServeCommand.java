package dev.paperlink.cli;

import dev.paperlink.server.config.ServerConfig;
import dev.paperlink.server.lsp.ServerLauncher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code paperlink serve}: the language server. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Runs the PaperLink language server (LSP) over stdio, or on 127.0.0.1:PORT with --port.",
                "stdout carries only the protocol; logs go to stderr and to the client (window/logMessage).",
                "Client settings (section 'paperlink') override these options field by field."})
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "N", description = {"Listen on 127.0.0.1:N for one client instead of using stdio (0: any free port, printed on stderr).",
            "The client must send the token (printed on stderr, written to --token-file) in initializationOptions.token."})
    Integer port;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "With --port: where to write the token, readable by you only (default: $XDG_RUNTIME_DIR/paperlink/serve-PORT.token, else under ~/.cache/paperlink).")
    Path tokenFile;

    @Option(names = "--handshake-timeout", paramLabel = "SECONDS", hidden = true, defaultValue = "10",
            description = "With --port: how long a connection has to send its initialize.")
    double handshakeSeconds;

    @Option(names = "--half-message-timeout", paramLabel = "SECONDS", hidden = true, defaultValue = "30",
            description = "With --port: how long half a message may wait for the rest before the client is given up.")
    double halfMessageSeconds;

    @Option(names = "--corpus", arity = "1..*", paramLabel = "PATH",
            description = "Corpus files, folders or globs to index besides the workspace's bibliographies (setting paperlink.corpus).")
    List<String> corpus;

    @Option(names = "--index-dir", paramLabel = "DIR",
            description = "Index directory (setting paperlink.indexDir; default: one per workspace under the default index's parent folder, .../paperlink/server/<hash>).")
    Path indexDir;

    @Option(names = "--solr", paramLabel = "URL", split = ",",
            description = "Also answer from the team's shared corpus on SolrCloud (a node's address; repeat or separate by commas; "
                    + "default: $PAPERLINK_SOLR), after the workspace's own bibliographies and corpus.")
    List<String> solr;

    @Option(names = "--collection", paramLabel = "NAME", description = "The shared corpus's Solr collection (default: papers).")
    String collection;

    @Option(names = "--stdio", description = "Use stdio (the default; accepted because some clients always pass it).")
    boolean stdio;

    @picocli.CommandLine.Mixin
    ZoteroOptions zotero;

    @Override
    public Integer call() throws Exception {
        ServerConfig config = ServerConfig.DEFAULT;
        if (corpus != null) {
            config = config.withCorpus(corpus);
        }
        if (indexDir != null) {
            config = config.withIndexDir(indexDir.toAbsolutePath());
        }
        if (zotero.given()) {
            config = config.withZotero(zotero.config()); // followed live: a change in Zotero is indexed within seconds
        }
        List<String> solrUrls = solr != null && !solr.isEmpty() ? solr
                : System.getenv("PAPERLINK_SOLR") == null || System.getenv("PAPERLINK_SOLR").isBlank() ? List.of()
                : List.of(System.getenv("PAPERLINK_SOLR").split(","));
        if (!solrUrls.isEmpty()) {
            dev.paperlink.server.workspace.SharedCorpus.use(
                    dev.paperlink.corpus.solr.SolrSettings.of(solrUrls, collection).withCredentialsFrom(System.getenv()));
        }
        try {
            if (port == null) {
                return ServerLauncher.stdio(config);
            }
            return ServerLauncher.socket(config, port, tokenFile == null ? null : tokenFile.toAbsolutePath(),
                    Duration.ofMillis((long) (handshakeSeconds * 1000)), Duration.ofMillis((long) (halfMessageSeconds * 1000)));
        } finally {
            dev.paperlink.server.workspace.SharedCorpus.close(); // no thread of it left working while the JVM exits
        }
    }
}
