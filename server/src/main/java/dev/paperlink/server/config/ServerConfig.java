package dev.paperlink.server.config;

import java.nio.file.Path;
import java.util.List;

/**
 * The server's settings with every default resolved. Immutable; passed explicitly to whoever
 * needs it (never a global). Built from the wire form in one place: {@link ServerOptions#resolve}.
 *
 * @param corpus           files, folders or globs of corpus sources (any supported format)
 * @param indexDir         where the server keeps its index; null = the default for this workspace
 * @param insertionStyle   how a citation is written when completion inserts one
 * @param latexCommand     the LaTeX command used by {@link InsertionStyle#LATEX} (without backslash)
 * @param titleCompletion  whether accepting a title completion replaces the typed words or keeps the title
 * @param abstractMaxChars the longest abstract shown in hovers and completion documentation (0 = none)
 * @param completionLimit  the most completion items in one answer
 * @param related          how related papers are suggested
 * @param bibliography     where papers cited from the corpus are added
 * @param unusedEntries    whether entries of workspace .bib files that no document cites get a hint
 * @param zotero           whether the user's Zotero database is indexed (and followed), and which part of it
 */
public record ServerConfig(List<String> corpus, Path indexDir, InsertionStyle insertionStyle, String latexCommand,
                           TitleCompletion titleCompletion, int abstractMaxChars, int completionLimit, Related related,
                           Bibliography bibliography, UnusedEntries unusedEntries, Zotero zotero) {

    public ServerConfig(List<String> corpus, Path indexDir, InsertionStyle insertionStyle, String latexCommand,
                        TitleCompletion titleCompletion, int abstractMaxChars, int completionLimit, Related related,
                        Bibliography bibliography, UnusedEntries unusedEntries) {
        this(corpus, indexDir, insertionStyle, latexCommand, titleCompletion, abstractMaxChars, completionLimit, related,
                bibliography, unusedEntries, Zotero.OFF);
    }

    public ServerConfig(List<String> corpus, Path indexDir, InsertionStyle insertionStyle, String latexCommand,
                        TitleCompletion titleCompletion, int abstractMaxChars, int completionLimit, Related related) {
        this(corpus, indexDir, insertionStyle, latexCommand, titleCompletion, abstractMaxChars, completionLimit, related,
                Bibliography.DEFAULT, UnusedEntries.AUTO);
    }

    /**
     * The document's bibliography.
     *
     * @param target the file papers cited from the corpus are added to, when a document names several
     *               (a name or path as the document writes it); null = the first one
     */
    public record Bibliography(String target) {
        public static final Bibliography DEFAULT = new Bibliography(null);

        public Bibliography {
            target = target == null || target.isBlank() ? null : target.strip();
        }
    }

    /**
     * The user's Zotero database ({@code paperlink.zotero}; {@code --zotero} on the command line).
     *
     * @param enabled       whether it is indexed and followed
     * @param dataDirectory the data directory or the zotero.sqlite file as written ({@code ~} allowed);
     *                      null = Zotero's own (its profile's prefs.js, else ~/Zotero)
     * @param libraries     the libraries indexed by name ("My Library", a group's name); empty = all
     * @param collections   the collections indexed by name or path ("PBRT/Chapter 1"); empty = all
     */
    public record Zotero(boolean enabled, String dataDirectory, List<String> libraries, List<String> collections) {
        public static final Zotero OFF = new Zotero(false, null, List.of(), List.of());

        public Zotero {
            dataDirectory = dataDirectory == null || dataDirectory.isBlank() ? null : dataDirectory.strip();
            libraries = libraries == null ? List.of() : List.copyOf(libraries);
            collections = collections == null ? List.of() : List.copyOf(collections);
        }

        /** Zotero's own data directory, all of it. */
        public static Zotero defaults() {
            return new Zotero(true, null, List.of(), List.of());
        }

        /** Which part of the database is indexed. */
        public dev.paperlink.corpus.source.zotero.sqlite.ZoteroSelection selection() {
            return new dev.paperlink.corpus.source.zotero.sqlite.ZoteroSelection(libraries, collections);
        }
    }

    /** {@code paperlink.diagnostics.unusedEntries}: {@code auto} flags them in files of up to {@link #AUTO_MAX_ENTRIES} entries. */
    public enum UnusedEntries {
        AUTO, ON, OFF;

        public static final int AUTO_MAX_ENTRIES = 2_000;

        /** Whether a file of {@code entries} entries gets its unused entries flagged. */
        public boolean flags(int entries) {
            return this == ON || (this == AUTO && entries <= AUTO_MAX_ENTRIES);
        }
    }

    /**
     * Related papers.
     *
     * @param inCompletion    whether citation completion ranks by the text around the citation
     * @param paragraphWeight how much a word of the paragraph counts against one of the sentence (0 to 1)
     * @param embeddings      whether embeddings are made (in the background) and used, when the model is installed
     */
    public record Related(boolean inCompletion, float paragraphWeight, boolean embeddings) {
        public static final Related DEFAULT = new Related(true, dev.paperlink.corpus.model.Passage.AROUND_WEIGHT, true);

        public Related {
            paragraphWeight = Float.isNaN(paragraphWeight) ? dev.paperlink.corpus.model.Passage.AROUND_WEIGHT
                    : Math.max(0f, Math.min(1f, paragraphWeight));
        }
    }

    /** Shorthand for {@code related().paragraphWeight()}. */
    public float relatedParagraphWeight() {
        return related.paragraphWeight();
    }

    public static final int DEFAULT_ABSTRACT_MAX_CHARS = 600;
    public static final int MAX_COMPLETION_ITEMS = 50;
    public static final ServerConfig DEFAULT = new ServerConfig(List.of(), null, InsertionStyle.AUTO, "cite",
            TitleCompletion.REPLACE, DEFAULT_ABSTRACT_MAX_CHARS, MAX_COMPLETION_ITEMS, Related.DEFAULT);

    public ServerConfig {
        corpus = corpus == null ? List.of() : List.copyOf(corpus);
        insertionStyle = insertionStyle == null ? InsertionStyle.AUTO : insertionStyle;
        latexCommand = latexCommand == null || latexCommand.isBlank() ? "cite" : latexCommand.strip().replaceFirst("^\\\\", "");
        titleCompletion = titleCompletion == null ? TitleCompletion.REPLACE : titleCompletion;
        abstractMaxChars = Math.max(0, abstractMaxChars);
        completionLimit = Math.max(1, Math.min(MAX_COMPLETION_ITEMS, completionLimit));
        related = related == null ? Related.DEFAULT : related;
        bibliography = bibliography == null ? Bibliography.DEFAULT : bibliography;
        unusedEntries = unusedEntries == null ? UnusedEntries.AUTO : unusedEntries;
        zotero = zotero == null ? Zotero.OFF : zotero;
    }

    /** How completion writes a citation. */
    public enum InsertionStyle {
        /** by document kind: {@code \cite{key}} in LaTeX, {@code [@key]} in Markdown */
        AUTO("auto"),
        /** {@code \cite{key}} (the command is {@code latexCommand}) */
        LATEX("latex"),
        /** {@code [@key]} */
        PANDOC("pandoc"),
        /** {@code @key} */
        PANDOC_BARE("pandoc-bare");

        private final String wire;

        InsertionStyle(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }

        public static InsertionStyle fromWire(String s) {
            for (InsertionStyle v : values()) {
                if (v.wire.equalsIgnoreCase(s) || v.name().equalsIgnoreCase(s)) {
                    return v;
                }
            }
            throw new IllegalArgumentException("unknown insertionStyle '" + s + "' (auto, latex, pandoc or pandoc-bare)");
        }
    }

    /** What accepting a completion by title does with the typed words. */
    public enum TitleCompletion {
        /** the typed words are replaced by the citation */
        REPLACE,
        /** the full title is kept and the citation appended after it */
        APPEND;

        public static TitleCompletion fromWire(String s) {
            for (TitleCompletion v : values()) {
                if (v.name().equalsIgnoreCase(s)) {
                    return v;
                }
            }
            throw new IllegalArgumentException("unknown titleCompletion '" + s + "' (replace or append)");
        }
    }

    public ServerConfig withCorpus(List<String> c) {
        return new ServerConfig(c, indexDir, insertionStyle, latexCommand, titleCompletion, abstractMaxChars, completionLimit, related, bibliography, unusedEntries, zotero);
    }

    public ServerConfig withIndexDir(Path d) {
        return new ServerConfig(corpus, d, insertionStyle, latexCommand, titleCompletion, abstractMaxChars, completionLimit, related, bibliography, unusedEntries, zotero);
    }

    public ServerConfig withInsertionStyle(InsertionStyle s) {
        return new ServerConfig(corpus, indexDir, s, latexCommand, titleCompletion, abstractMaxChars, completionLimit, related, bibliography, unusedEntries, zotero);
    }

    public ServerConfig withTitleCompletion(TitleCompletion t) {
        return new ServerConfig(corpus, indexDir, insertionStyle, latexCommand, t, abstractMaxChars, completionLimit, related, bibliography, unusedEntries, zotero);
    }

    public ServerConfig withAbstractMaxChars(int n) {
        return new ServerConfig(corpus, indexDir, insertionStyle, latexCommand, titleCompletion, n, completionLimit, related, bibliography, unusedEntries, zotero);
    }

    public ServerConfig withRelated(Related r) {
        return new ServerConfig(corpus, indexDir, insertionStyle, latexCommand, titleCompletion, abstractMaxChars, completionLimit, r, bibliography, unusedEntries, zotero);
    }

    public ServerConfig withBibliography(Bibliography b) {
        return new ServerConfig(corpus, indexDir, insertionStyle, latexCommand, titleCompletion, abstractMaxChars, completionLimit, related, b, unusedEntries, zotero);
    }

    public ServerConfig withCompletionLimit(int n) {
        return new ServerConfig(corpus, indexDir, insertionStyle, latexCommand, titleCompletion, abstractMaxChars, n, related, bibliography, unusedEntries, zotero);
    }

    public ServerConfig withZotero(Zotero z) {
        return new ServerConfig(corpus, indexDir, insertionStyle, latexCommand, titleCompletion, abstractMaxChars, completionLimit, related, bibliography, unusedEntries, z);
    }

    public ServerConfig withUnusedEntries(UnusedEntries u) {
        return new ServerConfig(corpus, indexDir, insertionStyle, latexCommand, titleCompletion, abstractMaxChars, completionLimit, related, bibliography, u, zotero);
    }
}
