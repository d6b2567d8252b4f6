package dev.paperlink.cli;

import dev.paperlink.corpus.source.zotero.sqlite.ZoteroDataDir;
import dev.paperlink.server.config.ServerConfig;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code --zotero [DIR]}, {@code --zotero-library NAME}, {@code --zotero-collection NAME}: the
 * user's Zotero database (read directly, no export), shared by {@code serve} and {@code index}.
 */
final class ZoteroOptions {
    @Option(names = "--zotero", arity = "0..1", paramLabel = "DIR", fallbackValue = "",
            description = {"Index the Zotero database: DIR is the Zotero data directory or its zotero.sqlite "
                    + "(without DIR: Zotero's own, from its profile's prefs.js, else ~/Zotero; write --zotero=DIR before other arguments).",
                    "Better BibTeX keys are read from better-bibtex.sqlite beside it (setting paperlink.zotero)."})
    String zotero;

    @Option(names = "--zotero-library", paramLabel = "NAME",
            description = "Only this Zotero library (\"My Library\" or a group's name); repeatable (setting paperlink.zotero.libraries).")
    List<String> libraries;

    @Option(names = "--zotero-collection", paramLabel = "NAME",
            description = "Only this Zotero collection and its sub-collections, by name or path (\"PBRT/Chapter 1\"); repeatable (setting paperlink.zotero.collections).")
    List<String> collections;

    /** Whether Zotero was asked for: {@code --zotero}, or a library or collection (which imply it). */
    boolean given() {
        return zotero != null || (libraries != null && !libraries.isEmpty()) || (collections != null && !collections.isEmpty());
    }

    /** The setting these options make (off when none is given). */
    ServerConfig.Zotero config() {
        if (!given()) {
            return ServerConfig.Zotero.OFF;
        }
        return new ServerConfig.Zotero(true, zotero == null || zotero.isBlank() ? null : zotero,
                libraries == null ? List.of() : libraries, collections == null ? List.of() : collections);
    }

    /** Where the database is (relative paths against the working directory). */
    ZoteroDataDir.Location locate() {
        return ZoteroDataDir.locate(config().dataDirectory(), Path.of("").toAbsolutePath(), ZoteroDataDir.Environment.system());
    }
}
