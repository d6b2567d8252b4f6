package dev.paperlink.solrtests.lsp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paperlink.server.testing.JsonRpcClient;
import dev.paperlink.solrtests.PaperlinkJar;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The built language server ({@code server/target/paperlink.jar serve}) as a process of its own
 * (its classpath has Lucene 10, this module's has Solr's Lucene 9), initialized over its pipes on
 * one workspace folder; its stderr goes to a file that failures quote.
 */
final class ServerProcess implements AutoCloseable {
    final JsonRpcClient rpc;
    private final Process process;
    private final Path log;

    private ServerProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
        this.rpc = new JsonRpcClient(process.getInputStream(), process.getOutputStream());
    }

    /** Starts {@code serve --index-dir TMP/server-index ARGS...} in {@code workspace} and initializes it with these initializationOptions. */
    static ServerProcess start(Path tmp, Path workspace, List<String> args, Map<String, Object> options) throws IOException {
        List<String> serve = new ArrayList<>(List.of("serve", "--index-dir", tmp.resolve("server-index").toString()));
        serve.addAll(args);
        List<String> cmd = PaperlinkJar.command(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"), serve);
        Path log = tmp.resolve("server-stderr.log");
        ServerProcess s = new ServerProcess(new ProcessBuilder(cmd).directory(workspace.toFile()).redirectError(log.toFile()).start(), log);
        String root = workspace.toUri().toString();
        s.rpc.request("initialize", Map.of("processId", ProcessHandle.current().pid(), "rootUri", root,
                "workspaceFolders", List.of(Map.of("uri", root, "name", "ws")), "capabilities", Map.of(), "initializationOptions", options));
        s.rpc.notify("initialized", Map.of());
        return s;
    }

    void open(String uri, String text) {
        rpc.notify("textDocument/didOpen", Map.of("textDocument", Map.of("uri", uri, "languageId", "latex", "version", 1, "text", text)));
    }

    void change(String uri, int version, String text) {
        rpc.notify("textDocument/didChange", Map.of("textDocument", Map.of("uri", uri, "version", version),
                "contentChanges", List.of(Map.of("text", text))));
    }

    JsonNode request(String method, String uri, int line, int character) {
        return rpc.request(method, Map.of("textDocument", Map.of("uri", uri), "position", Map.of("line", line, "character", character)));
    }

    /** The labels of the completion items at a position. */
    List<String> completionLabels(String uri, int line, int character) {
        List<String> labels = new ArrayList<>();
        request("textDocument/completion", uri, line, character).path("items").forEach(i -> labels.add(i.path("label").asText()));
        return labels;
    }

    String hoverText(String uri, int line, int character) {
        return request("textDocument/hover", uri, line, character).at("/contents/value").asText();
    }

    /** The server's stderr so far, for failure messages. */
    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        try {
            rpc.request("shutdown", null);
            rpc.notify("exit", null);
        } finally {
            rpc.close();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
