package dev.paperlink.cli;

import dev.paperlink.server.config.ServerConfig;
import dev.paperlink.server.lsp.ServerLauncher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code paperlink serve}: the language server. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Runs the PaperLink language server (LSP) over stdio, or on 127.0.0.1:PORT with --port.",
                "stdout carries only the protocol; logs go to stderr and to the client (window/logMessage).",
                "Client settings (section 'paperlink') override these options field by field."})
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "N", description = "Listen on 127.0.0.1:N for one client instead of using stdio (0: any free port, printed on stderr).")
    Integer port;

    @Option(names = "--corpus", arity = "1..*", paramLabel = "PATH",
            description = "Corpus files, folders or globs to index besides the workspace's bibliographies (setting paperlink.corpus).")
    List<String> corpus;

    @Option(names = "--index-dir", paramLabel = "DIR",
            description = "Index directory (setting paperlink.indexDir; default: one per workspace under the default index's parent folder, .../paperlink/server/<hash>).")
    Path indexDir;

    @Option(names = "--stdio", description = "Use stdio (the default; accepted because some clients always pass it).")
    boolean stdio;

    @Override
    public Integer call() throws Exception {
        ServerConfig config = ServerConfig.DEFAULT;
        if (corpus != null) {
            config = config.withCorpus(corpus);
        }
        if (indexDir != null) {
            config = config.withIndexDir(indexDir.toAbsolutePath());
        }
        return port != null ? ServerLauncher.socket(config, port) : ServerLauncher.stdio(config);
    }
}
