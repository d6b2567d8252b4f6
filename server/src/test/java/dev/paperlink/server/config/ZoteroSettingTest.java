package dev.paperlink.server.config;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code paperlink.zotero} in every shape a client sends: the settings JSON over a base → the resolved Zotero setting and the problems. */
class ZoteroSettingTest {
    private static final ServerConfig CLI = ServerConfig.DEFAULT.withZotero(
            new ServerConfig.Zotero(true, "/cli/Zotero", List.of("My Library"), List.of()));

    @Test
    void offUnlessSet() {
        check("{}", ServerConfig.DEFAULT, "off dir=default libraries=[] collections=[]");
        check("{\"zotero\": null}", CLI, "on dir=/cli/Zotero libraries=[My Library] collections=[]");
    }

    /** Neovim / Emacs: {@code zotero = true}, {@code zotero = "~/Zotero"}. */
    @Test
    void aBooleanOrAPath() {
        check("{\"zotero\": true}", ServerConfig.DEFAULT, "on dir=default libraries=[] collections=[]");
        check("{\"zotero\": false}", CLI, "off dir=/cli/Zotero libraries=[My Library] collections=[]");
        check("{\"zotero\": \"~/Sync/Zotero\"}", ServerConfig.DEFAULT, "on dir=~/Sync/Zotero libraries=[] collections=[]");
        check("{\"zotero\": \" /data/zotero.sqlite \"}", CLI, "on dir=/data/zotero.sqlite libraries=[My Library] collections=[]");
        check("{\"zotero\": \"off\"}", CLI, "off dir=/cli/Zotero libraries=[My Library] collections=[]");
    }

    /** VS Code: {@code paperlink.zotero.enabled}, {@code .dataDirectory}, {@code .libraries}, {@code .collections}. */
    @Test
    void theObjectVsCodeSends() {
        check("""
                {"zotero": {"enabled": true, "dataDirectory": "", "libraries": [], "collections": []}}
                """, ServerConfig.DEFAULT, "on dir=default libraries=[] collections=[]");
        check("""
                {"zotero": {"enabled": false, "dataDirectory": "", "libraries": [], "collections": []}}
                """, ServerConfig.DEFAULT, "off dir=default libraries=[] collections=[]");
        check("""
                {"zotero": {"enabled": true, "dataDirectory": "~/Zotero", "libraries": ["My Library", " Lab group "],
                            "collections": ["PBRT/Chapter 1", ""]}}
                """, ServerConfig.DEFAULT, "on dir=~/Zotero libraries=[My Library, Lab group] collections=[PBRT/Chapter 1]");
    }

    @Test
    void anObjectWithoutEnabledTurnsZoteroOnAndKeepsWhatItDoesNotSay() {
        check("{\"zotero\": {\"collections\": \"Thesis\"}}", CLI, "on dir=/cli/Zotero libraries=[My Library] collections=[Thesis]");
        check("{\"zotero\": {\"dataDirectory\": \"/z\"}}", ServerConfig.DEFAULT, "on dir=/z libraries=[] collections=[]");
    }

    @Test
    void badValuesAreReportedAndIgnored() {
        check("{\"zotero\": 3}", CLI, """
                on dir=/cli/Zotero libraries=[My Library] collections=[]
                problem: paperlink.zotero must be true, false, a path or {"enabled", "dataDirectory", "libraries", "collections"}: 3
                """);
        check("{\"zotero\": \"  \"}", ServerConfig.DEFAULT, """
                off dir=default libraries=[] collections=[]
                problem: paperlink.zotero: an empty path (true means Zotero's own data directory); ignored
                """);
        check("""
                {"zotero": {"enabled": "yes", "dataDirectory": 7, "libraries": ["A", 2], "collections": {"x": 1}, "dataDir": "/typo"}}
                """, ServerConfig.DEFAULT, """
                off dir=default libraries=[A] collections=[]
                problem: paperlink.zotero.enabled must be true or false: yes
                problem: paperlink.zotero.dataDirectory must be a path: 7
                problem: paperlink.zotero.libraries: ignoring a non-string entry 2
                problem: paperlink.zotero.collections must be a list of names: {x=1}
                problem: paperlink.zotero: unknown field 'dataDir' (enabled, dataDirectory, libraries, collections)
                """);
    }

    @Test
    void otherSettingsKeepIt() {
        List<String> problems = new ArrayList<>();
        ServerConfig c = ServerOptions.fromJson("{\"latexCommand\": \"citep\", \"hover\": {\"abstractMaxChars\": 10}}").resolve(CLI, problems);
        assertEquals(CLI.zotero(), c.zotero());
        assertEquals(List.of(), problems);
        assertEquals(List.of("My Library"), c.zotero().selection().libraries());
    }

    private static void check(String json, ServerConfig base, String expected) {
        List<String> problems = new ArrayList<>();
        ServerConfig.Zotero z = ServerOptions.fromJson(json).resolve(base, problems).zotero();
        StringBuilder sb = new StringBuilder((z.enabled() ? "on" : "off") + " dir=" + (z.dataDirectory() == null ? "default" : z.dataDirectory())
                + " libraries=" + z.libraries() + " collections=" + z.collections() + "\n");
        problems.forEach(p -> sb.append("problem: ").append(p).append('\n'));
        assertEquals(expected.strip(), sb.toString().strip());
    }
}
