package dev.paperlink.server.feature;

import dev.paperlink.server.bibliography.DocumentBibliography;
import dev.paperlink.server.config.ServerConfig;
import dev.paperlink.server.document.TextDocument;
import dev.paperlink.server.feature.references.WorkspaceCitations;
import dev.paperlink.server.render.FileExistence;

/**
 * Everything one request about one document needs: the document as the client has it, the
 * cursor offset (-1 for whole-document requests), its own bibliography, the corpus, the settings
 * the cancellation check, and what the workspace cites ({@link WorkspaceCitations}). Immutable; features keep no
 * state between requests.
 *
 * @param corpusReady whether the corpus index has been brought up to date once since the start
 *                    (until then a key it lacks may still be on its way)
 * @param files       which local files exist (a Zotero item's attachments are linked only then): the
 *                    workspace's check of the disk; features never look at the disk themselves
 */
public record FeatureParams(TextDocument document, int offset, DocumentBibliography bibliography, PaperLookup corpus,
                            ServerConfig config, CancelToken cancel, boolean corpusReady, WorkspaceCitations citations,
                            FileExistence files) {

    public FeatureParams {
        files = files == null ? FileExistence.NONE : files;
    }

    public FeatureParams(TextDocument document, int offset, DocumentBibliography bibliography, PaperLookup corpus,
                         ServerConfig config, CancelToken cancel, boolean corpusReady, WorkspaceCitations citations) {
        this(document, offset, bibliography, corpus, config, cancel, corpusReady, citations, FileExistence.NONE);
    }

    public FeatureParams(TextDocument document, int offset, DocumentBibliography bibliography, PaperLookup corpus,
                         ServerConfig config, CancelToken cancel) {
        this(document, offset, bibliography, corpus, config, cancel, true, WorkspaceCitations.EMPTY);
    }

    public FeatureParams(TextDocument document, int offset, DocumentBibliography bibliography, PaperLookup corpus,
                         ServerConfig config, CancelToken cancel, boolean corpusReady) {
        this(document, offset, bibliography, corpus, config, cancel, corpusReady, WorkspaceCitations.EMPTY);
    }

    public FeatureParams(TextDocument document, int offset, DocumentBibliography bibliography, PaperLookup corpus,
                         ServerConfig config, CancelToken cancel, WorkspaceCitations citations) {
        this(document, offset, bibliography, corpus, config, cancel, true, citations);
    }

    /** The document's bibliography first, then the corpus. */
    public PaperLookup lookup() {
        return new LayeredLookup(bibliography.lookup(), corpus);
    }

    public FeatureParams at(int newOffset) {
        return new FeatureParams(document, newOffset, bibliography, corpus, config, cancel, corpusReady, citations, files);
    }

    /** These parameters with another check of which files exist. */
    public FeatureParams withFiles(FileExistence f) {
        return new FeatureParams(document, offset, bibliography, corpus, config, cancel, corpusReady, citations, f);
    }
}
