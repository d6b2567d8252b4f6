package dev.paperlink.server.testing;

import dev.paperlink.corpus.model.Paper;
import dev.paperlink.server.bibliography.BibliographyFile;
import dev.paperlink.server.citations.CitationIndex;
import dev.paperlink.server.bibliography.BibliographyParser;
import dev.paperlink.server.bibliography.DocumentBibliography;
import dev.paperlink.server.config.ServerConfig;
import dev.paperlink.server.document.DocumentKind;
import dev.paperlink.server.document.TextDocument;
import dev.paperlink.server.feature.CancelToken;
import dev.paperlink.server.feature.FeatureParams;
import dev.paperlink.server.feature.InMemoryLookup;
import dev.paperlink.server.syntax.BibliographyRef;
import dev.paperlink.server.syntax.BibliographyScanner;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Feature parameters from a {@link Fixture}: the document is the file with the cursor (else the
 * first file); the .bib files it names are its own bibliography; every other .bib file of the
 * fixture is the corpus (an in-memory stand-in of the index). Records are read by
 * {@link TinyBibReader}, so these tests do not depend on the real BibTeX reader. The files that
 * exist on "disk" ({@code FeatureParams.files}) are the fixture's files.
 */
public final class FeatureFixture {
    private final Fixture fixture;
    private final ServerConfig config;
    private final boolean workspace;

    private FeatureFixture(Fixture fixture, ServerConfig config, boolean workspace) {
        this.fixture = fixture;
        this.config = config;
        this.workspace = workspace;
    }

    public static FeatureFixture of(Fixture fixture) {
        return new FeatureFixture(fixture, ServerConfig.DEFAULT, false);
    }

    public FeatureFixture withConfig(UnaryOperator<ServerConfig> change) {
        return new FeatureFixture(fixture, change.apply(config), workspace);
    }

    /**
     * Every file of the fixture is a file of the workspace: its notes' citations and its .bib and
     * Hayagriva files' entries are in the workspace citation index (read in full: ready).
     */
    public FeatureFixture inWorkspace() {
        return new FeatureFixture(fixture, config, true);
    }

    /** The workspace citation index of the fixture's files. */
    public CitationIndex citations() {
        CitationIndex index = new CitationIndex();
        for (String name : fixture.files().keySet()) {
            TextDocument d = fixture.document(name);
            Path p = fixture.path(name);
            if (d.kind() == DocumentKind.BIBTEX) {
                index.putBibtex(p, d.uri(), null, dev.paperlink.server.bibliography.BibChunks.scan(d.text()));
            } else if (name.endsWith(".yml")) {
                index.putEntries(p, d.uri(), null, dev.paperlink.server.syntax.HayagrivaKeyScanner.scan(d.text()), d.lines());
            } else {
                index.putNote(p, d.uri(), null, d.kind(), d.text(), d.lines());
            }
        }
        index.setReady(true);
        return index;
    }

    public Fixture fixture() {
        return fixture;
    }

    public FeatureParams params() {
        TextDocument doc = fixture.document();
        Set<Path> own = new HashSet<>();
        List<DocumentBibliography.Named> named = new ArrayList<>();
        Path docPath = fixture.path(fixture.mainFile());
        if (doc.kind() == DocumentKind.BIBTEX) {
            own.add(docPath);
            named.add(new DocumentBibliography.Named(new BibliographyRef(fixture.mainFile(), new dev.paperlink.server.document.TextRange(0, 0)),
                    BibliographyParser.parse(docPath, doc.text(), f -> new TinyBibReader())));
        }
        for (BibliographyRef ref : BibliographyScanner.scan(doc.kind(), doc.text())) {
            Path p = ref.resolve(docPath.getParent());
            own.add(p);
            String name = Fixture.ROOT.relativize(p).toString();
            BibliographyFile file = fixture.files().containsKey(name)
                    ? BibliographyParser.parse(p, fixture.text(name), f -> f == dev.paperlink.corpus.model.SourceFormat.BIBTEX ? new TinyBibReader() : dev.paperlink.corpus.source.Readers.forFormat(f))
                    : BibliographyFile.unreadable(p, "not found");
            named.add(new DocumentBibliography.Named(ref, file));
        }
        List<Paper> corpus = new ArrayList<>();
        for (String name : fixture.files().keySet()) {
            Path p = fixture.path(name);
            if (!own.contains(p) && DocumentKind.fromExtension(name) == DocumentKind.BIBTEX) {
                corpus.addAll(TinyBibReader.papers(p.toString(), fixture.text(name)));
            }
        }
        int offset = fixture.offset();
        for (String name : fixture.files().keySet()) { // Hayagriva files are read as a corpus of their own too
            if (name.endsWith(".yml") && !own.contains(fixture.path(name))) {
                corpus.addAll(BibliographyParser.parse(fixture.path(name), fixture.text(name), dev.paperlink.corpus.source.Readers::forFormat)
                        .overlayPapers());
            }
        }
        return new FeatureParams(doc, offset, DocumentBibliography.of(named), new InMemoryLookup(corpus), config, CancelToken.NONE,
                true, workspace ? citations() : dev.paperlink.server.feature.references.WorkspaceCitations.EMPTY, this::exists);
    }

    /** The files that exist are the fixture's own (a Zotero item's attachment is linked when the fixture has it). */
    private boolean exists(Path p) {
        return p.startsWith(Fixture.ROOT) && fixture.files().containsKey(Fixture.ROOT.relativize(p).toString());
    }
}
