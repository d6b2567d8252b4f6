package dev.paperlink.server.config;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Wire settings to resolved config: {@code json} over a base → the config's fields and the problems reported. */
class ServerOptionsTest {

    @Test
    void everySettingAndItsDefault() {
        check("{}", ServerConfig.DEFAULT, """
                corpus=[] indexDir=null style=AUTO command=cite title=REPLACE abstract=600 limit=50
                """);
        check("""
                {"corpus": ["a.bib", "~/z.json"], "indexDir": "/tmp/ix", "insertionStyle": "pandoc-bare",
                 "latexCommand": "\\\\citep", "titleCompletion": "append", "hover": {"abstractMaxChars": 0},
                 "completion": {"limit": 500}, "unknown": true}
                """, ServerConfig.DEFAULT, """
                corpus=[a.bib, ~/z.json] indexDir=/tmp/ix style=PANDOC_BARE command=citep title=APPEND abstract=0 limit=50
                """);
    }

    @Test
    void absentFieldsKeepTheCommandLineValuesAndBadValuesAreReported() {
        ServerConfig cli = ServerConfig.DEFAULT.withCorpus(List.of("cli.bib")).withIndexDir(java.nio.file.Path.of("/cli"));
        check("{\"corpus\": \"one.bib\", \"insertionStyle\": \"chicago\", \"titleCompletion\": 3}", cli, """
                corpus=[one.bib] indexDir=/cli style=AUTO command=cite title=REPLACE abstract=600 limit=50
                problem: paperlink.unknown insertionStyle 'chicago' (auto, latex, pandoc or pandoc-bare)
                problem: paperlink.unknown titleCompletion '3' (replace or append)
                """);
        check("null", cli, """
                corpus=[cli.bib] indexDir=/cli style=AUTO command=cite title=REPLACE abstract=600 limit=50
                """);
    }

    /** Issue 12: {@code bibliography.target}, kept when other settings change. */
    @Test
    void theBibliographyTarget() {
        List<String> problems = new ArrayList<>();
        ServerConfig c = ServerOptions.fromJson("{\"bibliography\": {\"target\": \" refs/main.bib \"}}").resolve(ServerConfig.DEFAULT, problems);
        assertEquals("refs/main.bib", c.bibliography().target());
        assertEquals("refs/main.bib", ServerOptions.fromJson("{\"latexCommand\": \"citep\"}").resolve(c, problems).bibliography().target());
        assertEquals(null, ServerConfig.DEFAULT.bibliography().target(), "the first file the document names");
        assertEquals(List.of(), problems);
    }

    @Test
    void unusedEntriesTakesABooleanOrAuto() {
        List<String> problems = new ArrayList<>();
        java.util.function.Function<String, ServerConfig.UnusedEntries> read = json ->
                ServerOptions.fromJson("{\"diagnostics\": {\"unusedEntries\": " + json + "}}").resolve(ServerConfig.DEFAULT, problems).unusedEntries();
        assertEquals(List.of(ServerConfig.UnusedEntries.ON, ServerConfig.UnusedEntries.OFF, ServerConfig.UnusedEntries.AUTO,
                        ServerConfig.UnusedEntries.OFF, ServerConfig.UnusedEntries.AUTO),
                List.of(read.apply("true"), read.apply("false"), read.apply("\"auto\""), read.apply("\"off\""), read.apply("7")));
        assertEquals(List.of("paperlink.diagnostics.unusedEntries must be true, false or \"auto\": 7"), problems);
        assertEquals(ServerConfig.UnusedEntries.AUTO, ServerConfig.DEFAULT.unusedEntries());
        assertEquals(List.of(true, false, true), List.of(ServerConfig.UnusedEntries.AUTO.flags(2_000), ServerConfig.UnusedEntries.AUTO.flags(2_001),
                ServerConfig.UnusedEntries.ON.flags(100_000)));
    }

    @Test
    void theCorpusMayNameATeamCorpusOnSolr() {
        List<String> problems = new ArrayList<>();
        ServerOptions o = ServerOptions.fromJson("""
                {"corpus": {"paths": ["a.bib"], "solr": {"urls": ["http://solr1:8983", "http://solr2:8983/solr"], "collection": "lab"}}}""");
        assertEquals(List.of("a.bib"), o.resolve(ServerConfig.DEFAULT, problems).corpus());
        var solr = o.solr(problems).orElseThrow();
        assertEquals(List.of("http://solr1:8983/solr", "http://solr2:8983/solr"), solr.urls());
        assertEquals("lab", solr.collection());
        assertEquals(List.of(), problems);

        assertEquals("papers", ServerOptions.fromJson("{\"corpus\": {\"solr\": {\"urls\": \"http://s:8983\"}}}").solr(problems).orElseThrow().collection());
        assertEquals(List.of(), ServerOptions.fromJson("{\"corpus\": {\"solr\": {\"urls\": \"http://s:8983\"}}}").resolve(ServerConfig.DEFAULT, problems).corpus(),
                "no paths: the workspace's bibliographies only");
        assertEquals(true, ServerOptions.fromJson("{\"corpus\": [\"a.bib\"]}").solr(problems).isEmpty());
        assertEquals(true, ServerOptions.fromJson("{\"corpus\": {\"solr\": {}}}").solr(problems).isEmpty());
        assertEquals(List.of("paperlink.corpus.solr.urls must name at least one Solr node"), problems);
    }

    private static void check(String json, ServerConfig base, String expected) {
        List<String> problems = new ArrayList<>();
        ServerConfig c = ServerOptions.fromJson(json).resolve(base, problems);
        StringBuilder sb = new StringBuilder("corpus=" + c.corpus() + " indexDir=" + c.indexDir() + " style=" + c.insertionStyle()
                + " command=" + c.latexCommand() + " title=" + c.titleCompletion() + " abstract=" + c.abstractMaxChars()
                + " limit=" + c.completionLimit() + "\n");
        problems.forEach(p -> sb.append("problem: ").append(p).append('\n'));
        assertEquals(expected.strip(), sb.toString().strip());
    }
}
