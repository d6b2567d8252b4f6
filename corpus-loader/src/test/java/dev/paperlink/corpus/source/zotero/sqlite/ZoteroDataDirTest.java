package dev.paperlink.corpus.source.zotero.sqlite;

import dev.paperlink.corpus.testing.SharedCorpora;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where zotero.sqlite is: each case is a home folder laid out as the text says ({@code %! path}
 * then the file's content; a path ending in {@code /} is a folder), a setting, and the database
 * and origin expected ({@code ~} for the home folder).
 */
class ZoteroDataDirTest {
    @TempDir
    Path home;

    @Test
    void noProfileIsZoterosDefaultFolder() throws IOException {
        check("linux", "", null, """
                ~/Zotero/zotero.sqlite
                Zotero's default data directory; no Zotero profile in ~/.zotero/zotero
                missing
                """);
    }

    @Test
    void aLinuxProfileThatMovedTheDataDirectory() throws IOException {
        check("linux", """
                %! .zotero/zotero/profiles.ini
                [General]
                StartWithLastProfile=1

                [Profile0]
                Name=default
                IsRelative=1
                Path=abcd1234.default
                Default=1
                %! .zotero/zotero/abcd1234.default/prefs.js
                // Mozilla User Preferences
                user_pref("extensions.zotero.dataDir", "~/Research/ZoteroData");
                user_pref("extensions.zotero.firstRun2", false);
                user_pref("extensions.zotero.useDataDir", true);
                %! Research/ZoteroData/zotero.sqlite
                SQLite format 3
                """, null, """
                ~/Research/ZoteroData/zotero.sqlite
                extensions.zotero.dataDir in ~/.zotero/zotero/abcd1234.default/prefs.js
                exists
                """);
    }

    @Test
    void aDataDirPrefThatIsNotInUseIsIgnored() throws IOException {
        check("linux", """
                %! .zotero/zotero/x.default/prefs.js
                user_pref("extensions.zotero.dataDir", "/elsewhere");
                user_pref("extensions.zotero.useDataDir", false);
                """, null, """
                ~/Zotero/zotero.sqlite
                Zotero's default data directory; ~/.zotero/zotero/x.default/prefs.js sets no other
                missing
                """);
    }

    @Test
    void severalProfilesTheDefaultOneOfProfilesIniCounts() throws IOException {
        check("mac", """
                %! Library/Application Support/Zotero/profiles.ini
                [Profile1]
                Name=work
                IsRelative=1
                Path=Profiles/work.default

                [Profile0]
                Name=home
                IsRelative=1
                Path=Profiles/home.default
                Default=1
                %! Library/Application Support/Zotero/Profiles/work.default/prefs.js
                user_pref("extensions.zotero.dataDir", "~/Work");
                user_pref("extensions.zotero.useDataDir", true);
                %! Library/Application Support/Zotero/Profiles/home.default/prefs.js
                user_pref("extensions.zotero.useDataDir", true);
                user_pref("extensions.zotero.dataDir", "~/Home \\"Zotero\\" \\u00e9");
                """, null, """
                ~/Home "Zotero" é/zotero.sqlite
                extensions.zotero.dataDir in ~/Library/Application Support/Zotero/Profiles/home.default/prefs.js
                missing
                """);
    }

    @Test
    void anInstallSectionsDefaultWinsOverDefault1() throws IOException {
        check("windows", """
                %! AppData/Roaming/Zotero/Zotero/profiles.ini
                [Install308046B0AF4A39CB]
                Default=Profiles/b.default
                Locked=1

                [Profile0]
                Name=a
                IsRelative=1
                Path=Profiles/a.default
                Default=1

                [Profile1]
                Name=b
                IsRelative=1
                Path=Profiles/b.default
                %! AppData/Roaming/Zotero/Zotero/Profiles/a.default/prefs.js
                user_pref("extensions.zotero.dataDir", "~/A");
                user_pref("extensions.zotero.useDataDir", true);
                %! AppData/Roaming/Zotero/Zotero/Profiles/b.default/prefs.js
                user_pref("extensions.zotero.dataDir", "~/B");
                user_pref("extensions.zotero.useDataDir", true);
                """, null, """
                ~/B/zotero.sqlite
                extensions.zotero.dataDir in ~/AppData/Roaming/Zotero/Zotero/Profiles/b.default/prefs.js
                missing
                """);
    }

    @Test
    void withoutProfilesIniTheOnlyProfileFolderCounts() throws IOException {
        check("mac", """
                %! Library/Application Support/Zotero/Profiles/q1w2.default/prefs.js
                user_pref("extensions.zotero.useDataDir", true);
                user_pref("extensions.zotero.dataDir", "~/Dropbox/Zotero");
                """, null, """
                ~/Dropbox/Zotero/zotero.sqlite
                extensions.zotero.dataDir in ~/Library/Application Support/Zotero/Profiles/q1w2.default/prefs.js
                missing
                """);
    }

    @Test
    void aConfiguredFolderOrFileWithTildeOrRelative() throws IOException {
        String layout = """
                %! z/zotero.sqlite
                SQLite format 3
                %! notes/
                """;
        check("linux", layout, "~/z", """
                ~/z/zotero.sqlite
                the configured data directory
                exists
                """);
        check("linux", layout, "~/z/zotero.sqlite", """
                ~/z/zotero.sqlite
                the configured database
                exists
                """);
        check("linux", layout, "../z/", """
                ~/z/zotero.sqlite
                the configured data directory
                exists
                """);
        check("linux", layout, "~/gone/zotero.sqlite", """
                ~/gone/zotero.sqlite
                the configured database
                missing
                """);
        check("linux", layout, "~/gone", """
                ~/gone/zotero.sqlite
                the configured data directory
                missing
                """);
    }

    @Test
    void theBaseDirectoryOfLinkedFiles() throws IOException {
        var env = new ZoteroDataDir.Environment(home, "linux", null);
        assertEquals(Optional.empty(), ZoteroDataDir.baseAttachmentPath(env), "no profile");
        write(".zotero/zotero/p.default/prefs.js", "user_pref(\"extensions.zotero.useDataDir\", false);\n");
        assertEquals(Optional.empty(), ZoteroDataDir.baseAttachmentPath(env), "not set");
        write(".zotero/zotero/p.default/prefs.js", "user_pref(\"extensions.zotero.baseAttachmentPath\", \"~/Papers\");\n");
        assertEquals(Optional.of(home.resolve("Papers")), ZoteroDataDir.baseAttachmentPath(env));
    }

    @Test
    void theMissingMessageSaysWhereItLooked() {
        var env = new ZoteroDataDir.Environment(home, "linux", null);
        assertEquals("no Zotero database at " + home.resolve("Zotero/zotero.sqlite")
                        + " (Zotero's default data directory; no Zotero profile in " + home.resolve(".zotero/zotero") + ")",
                ZoteroDataDir.locate(null, null, env).missingMessage());
    }

    @Test
    void theSchemaVersionOfARealDatabase() {
        Path db = SharedCorpora.require("zotero-sqlite/elmoghany-my-zotero-sync").resolve("zotero.sqlite");
        assertEquals(Optional.of(123), ZoteroDataDir.schemaVersion(db));
        assertEquals(Optional.empty(), ZoteroDataDir.schemaVersion(home.resolve("none.sqlite")));
        assertFalse(Files.exists(db.resolveSibling("zotero.sqlite-journal")), "opened without a journal");
    }

    @Test
    void theSchemaVersionOfSomethingElseIsEmpty() throws IOException {
        Path notDb = Files.writeString(home.resolve("zotero.sqlite"), "not a database");
        assertEquals(Optional.empty(), ZoteroDataDir.schemaVersion(notDb));
        assertTrue(Files.exists(notDb));
    }

    // ---- the table's runner

    private void check(String os, String layout, String setting, String expected) throws IOException {
        String name = null;
        StringBuilder text = new StringBuilder();
        for (String line : (layout + "%! \n").split("\n", -1)) {
            if (line.startsWith("%! ")) {
                if (name != null) {
                    write(name, text.toString());
                }
                name = line.substring(3).strip();
                name = name.isEmpty() ? null : name;
                text.setLength(0);
            } else if (name != null) {
                text.append(line).append('\n');
            }
        }
        var env = new ZoteroDataDir.Environment(home, os, null);
        ZoteroDataDir.Location loc = ZoteroDataDir.locate(setting, home.resolve("notes"), env);
        String actual = tilde(loc.database().toString()) + "\n" + tilde(loc.origin()) + "\n" + (loc.exists() ? "exists" : "missing");
        assertEquals(expected.strip(), actual);
        assertEquals(loc.database().getParent(), loc.dataDir());
    }

    private void write(String name, String text) throws IOException {
        Path p = home.resolve(name);
        if (name.endsWith("/")) {
            Files.createDirectories(p);
            return;
        }
        Files.createDirectories(p.getParent());
        Files.writeString(p, text.replace("~", home.toString()));
    }

    private String tilde(String s) {
        return s.replace(home.toString(), "~");
    }
}
