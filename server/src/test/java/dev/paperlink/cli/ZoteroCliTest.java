package dev.paperlink.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paperlink.corpus.testing.SharedCorpora;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.paperlink.cli.IndexSourcesCliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 14: {@code --zotero [DIR]}, {@code --zotero-library}, {@code --zotero-collection} on serve and index; doctor's Zotero check. */
class ZoteroCliTest {
    @TempDir
    Path tmp;

    /** The arguments → the Zotero setting they make ({@code on|off dir=... libraries=[...] collections=[...]}). */
    @Test
    void serveOptions() {
        serve("", "off dir=default libraries=[] collections=[]");
        serve("--zotero", "on dir=default libraries=[] collections=[]");
        serve("--zotero /data/Zotero", "on dir=/data/Zotero libraries=[] collections=[]");
        serve("--zotero=~/Zotero/zotero.sqlite --index-dir /ix", "on dir=~/Zotero/zotero.sqlite libraries=[] collections=[]");
        serve("--zotero --index-dir /ix", "on dir=default libraries=[] collections=[]");
        serve("--zotero-library Lab --zotero-library Mine --zotero-collection PBRT/Chapter_1",
                "on dir=default libraries=[Lab, Mine] collections=[PBRT/Chapter_1]");
    }

    @Test
    void indexOptionsAndAPathTakenForTheDirectory() throws Exception {
        Path bib = Files.writeString(tmp.resolve("refs.bib"), "@misc{a, title = {A}}\n");
        IndexCommand c = parse(new IndexCommand(), "refs.bib", "--zotero", "--zotero-collection", "Thesis");
        assertEquals("on dir=default libraries=[] collections=[Thesis]", shown(c.zotero));
        assertEquals(1, c.paths.size());

        // picocli gives 'refs.bib' to --zotero: a file that is no database is indexed as a PATH, Zotero's own folder is meant
        CliTest.Run r = run("index", "--index-dir=" + tmp.resolve("index"), "--zotero", bib.toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().startsWith("paperlink index: no Zotero database at "), r.err());
        assertTrue(!r.err().contains(bib.toString()), "refs.bib is not taken for the data directory: " + r.err());
    }

    @Test
    void indexWithAMissingDatabaseSaysWhereItLooked() {
        CliTest.Run r = run("index", "--index-dir=" + tmp.resolve("index"), "--zotero=" + tmp.resolve("nowhere"));
        assertEquals(1, r.code());
        assertEquals("paperlink index: no Zotero database at " + tmp.resolve("nowhere/zotero.sqlite")
                + " (the configured data directory); --zotero=DIR names another data directory", r.err().strip());
        CliTest.Run none = run("index", "--index-dir=" + tmp.resolve("index"));
        assertEquals(1, none.code());
        assertEquals("paperlink index: nothing to index: give files or folders (PATH...), or --zotero", none.err().strip());
    }

    @Test
    void doctorReportsTheZoteroDatabase() throws Exception {
        Path data = copy(tmp.resolve("Zotero"));
        CliTest.Run r = run("doctor", "--index-dir=" + tmp.resolve("index"), "--no-server", "--json", "--zotero=" + data);
        JsonNode d = r.json();
        assertEquals(123, d.at("/zotero/schema").asInt(), r.out());
        assertTrue(d.at("/zotero/betterBibtex").asBoolean(), r.out());
        String check = check(d, "zotero");
        assertEquals("ok: " + data.resolve("zotero.sqlite") + ": userdata schema 123, 1.3 MB, Better BibTeX keys beside it (the configured data directory)",
                check);

        CliTest.Run missing = run("doctor", "--index-dir=" + tmp.resolve("index"), "--no-server", "--json", "--zotero=" + tmp.resolve("none"));
        assertEquals("warn: no Zotero database at " + tmp.resolve("none/zotero.sqlite") + " (the configured data directory)", check(missing.json(), "zotero"));
        CliTest.Run text = run("doctor", "--index-dir=" + tmp.resolve("index"), "--no-server", "--zotero=" + data);
        assertTrue(text.out().contains("OK    zotero         " + data.resolve("zotero.sqlite")), text.out());
    }

    /** {@code index --zotero=DIR}, then search and show answer from the index; a selection the database lacks keeps nothing. */
    @Test
    void indexTheDatabaseThenSearchAndShow() throws Exception {
        Path data = copy(tmp.resolve("Zotero"));
        String index = "--index-dir=" + tmp.resolve("index");
        CliTest.Run r = run("index", index, "--zotero=" + data);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("zotero-sqlite"), r.err());

        CliTest.Run search = run("search", index, "consistent text-to-image");
        assertTrue(search.out().startsWith("tewelTrainingFreeConsistentTexttoImage2024  2024  Training-Free Consistent Text-to-Image Generation"),
                search.out());
        CliTest.Run show = run("show", index, "tewelTrainingFreeConsistentTexttoImage2024");
        assertEquals(0, show.code(), show.err());
        assertTrue(show.out().contains("  zotero     zotero://select/library/items/8XSB2LMG\n"), show.out());
        assertTrue(show.out().contains("storage/RF26FHQD/Tewel et al. - 2024"), show.out());

        CliTest.Run other = run("index", index, "--zotero=" + data, "--zotero-collection", "Story-Gen");
        assertTrue(run("search", index, "consistent text-to-image").out().isBlank(), "an empty collection: " + other.err());
    }

    // ---- helpers

    private static Path copy(Path into) throws Exception {
        Path shared = SharedCorpora.require("zotero-sqlite/elmoghany-my-zotero-sync");
        Files.createDirectories(into);
        for (String name : new String[] {"zotero.sqlite", "better-bibtex.sqlite"}) {
            Files.copy(shared.resolve(name), into.resolve(name));
            assertTrue(into.resolve(name).toFile().setWritable(true));
        }
        return into;
    }

    private static void serve(String args, String expected) {
        ServeCommand c = parse(new ServeCommand(), args.isEmpty() ? new String[0] : args.split(" "));
        assertEquals(expected, shown(c.zotero), args);
    }

    private static <T> T parse(T command, String... args) {
        new CommandLine(command).parseArgs(args);
        return command;
    }

    private static String shown(ZoteroOptions o) {
        var z = o.config();
        return (z.enabled() ? "on" : "off") + " dir=" + (z.dataDirectory() == null ? "default" : z.dataDirectory())
                + " libraries=" + z.libraries() + " collections=" + z.collections();
    }

    private static String check(JsonNode doctor, String name) {
        for (JsonNode c : doctor.get("checks")) {
            if (c.get("name").asText().equals(name)) {
                return c.get("level").asText() + ": " + c.get("detail").asText();
            }
        }
        return "absent";
    }
}
