package dev.paperlink.cli;

import dev.paperlink.cli.bench.LspPipe;
import dev.paperlink.corpus.Corpus;
import dev.paperlink.corpus.CorpusStats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code paperlink doctor}: what an editor's health check shows (Neovim's {@code :checkhealth
 * paperlink}, Emacs's {@code paperlink-doctor}): Java, launcher and jar, the index, its sources,
 * the last indexing error, and whether a language server starts and answers {@code initialize}.
 */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"Checks what PaperLink needs and says what is wrong.",
                "Java, the launcher and the jar, the index (location, schema, size, sources and whether each is still there), "
                        + "the last indexing error, the team corpus on Solr (with --solr or $PAPERLINK_SOLR), "
                        + "the Zotero database the setting zotero would read, "
                        + "and whether a language server starts and answers initialize (timed). "
                        + "Exit status 1 when something is wrong."})
final class DoctorCommand implements Callable<Integer> {
    @Mixin
    IndexDirOption indexDir;

    @Option(names = "--json", description = "Print the checks as JSON.")
    boolean json;

    @Option(names = "--no-server", description = "Do not start a language server.")
    boolean noServer;

    @Option(names = "--zotero", arity = "0..1", paramLabel = "DIR", fallbackValue = "",
            description = "The Zotero data directory (or zotero.sqlite) to check (default: Zotero's own, as the setting paperlink.zotero = true finds it).")
    String zotero;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** One check: ok, warn or error, and what was found. */
    record Check(String name, String level, String detail) {
    }

    @Override
    public Integer call() {
        List<Check> checks = new ArrayList<>();
        Map<String, Object> facts = new LinkedHashMap<>();
        Runtime.Version v = Runtime.version();
        facts.put("java", System.getProperty("java.home"));
        facts.put("javaVersion", v.toString());
        checks.add(new Check("java", v.feature() >= 21 ? "ok" : "error", "Java " + v + " at " + System.getProperty("java.home")));
        String launcher = System.getenv("PAPERLINK_LAUNCHER");
        Path jar = jar();
        facts.put("launcher", launcher == null ? "" : launcher);
        facts.put("jar", jar == null ? "" : jar.toString());
        checks.add(new Check("launcher", launcher != null ? "ok" : "warn",
                launcher != null ? launcher : "not started through bin/paperlink (java -jar?)"));
        checks.add(new Check("jar", jar != null ? "ok" : "warn", jar != null ? jar.toString() : "not run from a jar"));
        index(checks, facts);
        if (indexDir.isSolr()) {
            teamCorpus(checks, facts);
        }
        zotero(checks, facts);
        if (!noServer) {
            server(checks, facts);
        }
        facts.put("checks", checks);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(facts));
        } else {
            for (Check c : checks) {
                out.printf("%-5s %-14s %s%n", c.level().equals("ok") ? "OK" : c.level().toUpperCase(java.util.Locale.ROOT), c.name(),
                        PaperText.safe(c.detail()));
            }
        }
        out.flush();
        return checks.stream().anyMatch(c -> c.level().equals("error")) ? 1 : 0;
    }

    private void index(List<Check> checks, Map<String, Object> facts) {
        Path dir = indexDir.resolve();
        facts.put("indexDir", dir.toString());
        if (!Files.isDirectory(dir)) {
            checks.add(new Check("index", "warn", dir + " does not exist yet ('paperlink index PATH' makes it)"));
            return;
        }
        try (Corpus corpus = Corpus.openReadOnly(dir)) {
            CorpusStats s = corpus.stats();
            facts.put("schema", s.schema());
            facts.put("indexBytes", s.indexBytes());
            facts.put("papers", s.papers());
            checks.add(new Check("index", "ok", String.format("%s: schema %d, %,d papers, %.1f MB", dir, s.schema(), s.papers(), s.indexBytes() / 1e6)));
            List<Map<String, Object>> sources = new ArrayList<>();
            long missing = 0;
            for (CorpusStats.SourceStats src : s.sources()) {
                Path file = Path.of(src.file());
                String state = !Files.exists(file) ? "missing" : sameSize(file, src.bytes()) ? "indexed" : "changed since indexed";
                missing += state.equals("missing") ? 1 : 0;
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("file", src.file());
                one.put("format", src.format());
                one.put("records", src.records());
                one.put("state", state);
                sources.add(one);
                checks.add(new Check("source", state.equals("indexed") ? "ok" : "warn",
                        String.format("%s [%s] %,d records, %s", src.file(), src.format(), src.records(), state)));
            }
            facts.put("sources", sources);
            if (s.sources().isEmpty()) {
                checks.add(new Check("sources", "warn", "the index holds no sources ('paperlink index PATH' adds some)"));
            } else if (missing > 0) {
                checks.add(new Check("sources", "warn", missing + " source files are gone ('paperlink remove PATH' drops them)"));
            }
        } catch (Exception e) {
            checks.add(new Check("index", "error", dir + ": " + e.getMessage()));
        }
        LastIndexError.read(dir).ifPresent(err -> {
            facts.put("lastIndexError", err);
            checks.add(new Check("last error", "warn", "the last 'paperlink index' failed: " + err));
        });
    }

    /**
     * The team's Solr corpus ({@code --solr}, {@code $PAPERLINK_SOLR}): whether the collection answers,
     * its papers, a keystroke's question timed against the completion budget, and under which user.
     */
    private void teamCorpus(List<Check> checks, Map<String, Object> facts) {
        Map<String, Object> t = new LinkedHashMap<>();
        facts.put("teamCorpus", t);
        try {
            dev.paperlink.corpus.solr.SolrSettings settings = indexDir.solrSettings();
            t.put("urls", settings.urls());
            t.put("collection", settings.collection());
            t.put("user", settings.username().orElse(""));
            String who = settings.username().map(u -> "as " + u).orElse("without credentials");
            try (dev.paperlink.corpus.solr.SolrCorpus corpus = dev.paperlink.corpus.solr.SolrCorpus.open(settings.withQueryTimeout(10_000))) {
                long papers = corpus.stats().papers();
                for (int i = 0; i < 20; i++) { // the first questions open the connections and warm this JVM
                    corpus.completeKey("a" + (char) ('a' + i), 10);
                }
                long[] nanos = new long[5];
                for (int i = 0; i < nanos.length; i++) {
                    long t0 = System.nanoTime();
                    corpus.completeKey("t" + (char) ('a' + i), 10);
                    nanos[i] = System.nanoTime() - t0;
                }
                java.util.Arrays.sort(nanos);
                long ms = nanos[nanos.length / 2] / 1_000_000;
                t.put("papers", papers);
                t.put("completionMs", ms);
                boolean fast = ms <= dev.paperlink.corpus.solr.SolrSettings.DEFAULT_QUERY_TIMEOUT_MILLIS;
                checks.add(new Check("team corpus", fast ? "ok" : "warn", String.format("collection %s at %s (%s): %,d papers, a key completion in %d ms (median of 5)%s",
                        settings.collection(), settings.urls(), who, papers, ms,
                        fast ? "" : " (over the " + dev.paperlink.corpus.solr.SolrSettings.DEFAULT_QUERY_TIMEOUT_MILLIS
                                + " ms a keystroke waits: the editor would answer from the own bibliographies only)")));
            }
        } catch (Exception e) {
            t.put("error", e.getMessage());
            checks.add(new Check("team corpus", "error", e.getMessage() + " (check the address, 'paperlink solr init', and "
                    + dev.paperlink.corpus.solr.SolrSettings.ENV_CREDENTIALS + " or " + dev.paperlink.corpus.solr.SolrSettings.ENV_CREDENTIALS_FILE + ")"));
        }
    }

    /** The Zotero database the setting {@code zotero} (or {@code --zotero}) would use: where, whether it is there, its schema. */
    private void zotero(List<Check> checks, Map<String, Object> facts) {
        var env = dev.paperlink.corpus.source.zotero.sqlite.ZoteroDataDir.Environment.system();
        var loc = dev.paperlink.corpus.source.zotero.sqlite.ZoteroDataDir.locate(zotero == null || zotero.isBlank() ? null : zotero,
                Path.of("").toAbsolutePath(), env);
        Map<String, Object> z = new LinkedHashMap<>();
        z.put("database", loc.database().toString());
        z.put("origin", loc.origin());
        z.put("exists", loc.exists());
        facts.put("zotero", z);
        if (!loc.exists()) {
            checks.add(new Check("zotero", zotero != null ? "warn" : "ok", loc.missingMessage()
                    + (zotero != null ? "" : "; needed only to read Zotero (setting paperlink.zotero, --zotero)")));
            return;
        }
        StringBuilder detail = new StringBuilder(loc.database().toString());
        java.util.Optional<Integer> schema = dev.paperlink.corpus.source.zotero.sqlite.ZoteroDataDir.schemaVersion(loc.database());
        schema.ifPresent(v -> z.put("schema", v));
        detail.append(schema.map(v -> ": userdata schema " + v).orElse(": schema unknown (not readable as a Zotero database)"));
        try {
            long bytes = Files.size(loc.database());
            z.put("bytes", bytes);
            detail.append(String.format(", %.1f MB", bytes / 1e6));
        } catch (java.io.IOException e) {
            // the size is not needed
        }
        boolean bbt = Files.isRegularFile(loc.dataDir().resolve("better-bibtex.sqlite"));
        z.put("betterBibtex", bbt);
        detail.append(bbt ? ", Better BibTeX keys beside it" : ", no better-bibtex.sqlite (keys are generated)");
        detail.append(" (").append(loc.origin()).append(')');
        checks.add(new Check("zotero", schema.isPresent() ? "ok" : "warn", detail.toString()));
    }

    private static boolean sameSize(Path file, long bytes) {
        try {
            return bytes <= 0 || Files.size(file) == bytes;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** Starts {@code paperlink serve} in a fresh JVM (a throwaway index), sends initialize over its pipes and times the answer. */
    private void server(List<Check> checks, Map<String, Object> facts) {
        Path scratch = null;
        long t0 = System.nanoTime();
        try {
            scratch = Files.createTempDirectory("paperlink-doctor");
            List<String> command = dev.paperlink.cli.bench.FreshJvm.command("-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xmx448m", null,
                    Main.class.getName(), List.of("serve", "--index-dir", scratch.resolve("index").toString()));
            try (LspPipe pipe = new LspPipe(dev.paperlink.cli.bench.FreshJvm.start(command))) {
                var init = pipe.request("initialize", Map.of("processId", ProcessHandle.current().pid(), "capabilities", Map.of(),
                        "rootUri", scratch.toUri().toString()));
                long ms = (System.nanoTime() - t0) / 1_000_000;
                String name = init.path("serverInfo").path("name").asText("?");
                pipe.notify("initialized", Map.of());
                pipe.shutdown();
                facts.put("serverStartMs", ms);
                checks.add(new Check("server", "ok", String.format("'paperlink serve' answered initialize in %,d ms (%s)", ms, name)));
            }
        } catch (Exception e) {
            checks.add(new Check("server", "error", "'paperlink serve' did not answer initialize: " + e.getMessage()));
        } finally {
            if (scratch != null) {
                try {
                    dev.paperlink.cli.bench.TempDirs.delete(scratch);
                } catch (java.io.IOException e) {
                    // a temporary folder left behind
                }
            }
        }
    }

    private static Path jar() {
        try {
            Path p = Path.of(DoctorCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return p.toString().endsWith(".jar") ? p : null;
        } catch (Exception e) {
            return null;
        }
    }
}
