package dev.paperlink.server.feature.bibedit;

import dev.paperlink.corpus.model.Paper;
import dev.paperlink.corpus.write.AppendPlan;
import dev.paperlink.corpus.write.Appender;
import dev.paperlink.server.feature.FeatureParams;
import dev.paperlink.server.render.CitationFormatter;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Bringing a paper of the corpus into the document's own bibliography, so that the document still
 * builds: what accepting a completion of a corpus paper, the "Add to refs.bib" quick fix and
 * "Cite a related paper…" run, as the server-side command {@value #COMMAND}. The edit is planned
 * here over the target file's text (read by the caller) and applied by the protocol layer.
 */
public final class AddToBibliography {
    public static final String COMMAND = "paperlink.addToBibliography";

    /**
     * The command's arguments.
     *
     * @param document the document the paper is cited in
     * @param key      the paper's key
     * @param target   the bibliography file, or null for the document's own ({@link BibliographyTarget#of})
     */
    public record Request(String document, String key, String target) {
    }

    /** What running the command comes to. */
    public sealed interface Outcome {
    }

    /**
     * Insert {@code text} at {@code offset} of {@code file}.
     *
     * @param create whether the file does not exist yet
     */
    public record Edit(Path file, boolean create, int offset, String text, String key) implements Outcome {
    }

    /** Nothing to write, and why (shown to the user when {@code warning}). */
    public record Message(boolean warning, String text) implements Outcome {
    }

    private AddToBibliography() {
    }

    /**
     * The command a citation of {@code paper} needs: when the document has a bibliography that
     * does not have the paper's key and the corpus does. Else empty.
     */
    public static Optional<Request> needed(FeatureParams p, Paper paper) {
        if (paper.key().isEmpty() || p.bibliography().files().isEmpty() || BibliographyTarget.of(p).isEmpty()
                || p.bibliography().lookup().byKey(paper.key()).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(new Request(p.document().uri(), paper.key(), null));
    }

    /** The target of a request: the one it names, else the document's own. */
    public static Optional<BibliographyTarget> target(FeatureParams p, Request r) {
        return r.target() != null ? BibliographyTarget.named(p.document(), Path.of(r.target())) : BibliographyTarget.of(p);
    }

    /**
     * @param text the target file's text now (its open buffer, else the disk), empty when it does not exist
     */
    public static Outcome plan(FeatureParams p, Request r, Optional<String> text) {
        Optional<BibliographyTarget> target = target(p, r);
        if (target.isEmpty()) {
            return new Message(true, "The document names no bibliography file PaperLink can add '" + r.key() + "' to");
        }
        String name = target.get().file().getFileName().toString();
        if (r.target() == null && p.bibliography().lookup().byKey(r.key()).map(own -> own.allKeys().contains(r.key())).orElse(false)) {
            // in one of the document's files already (a second run, or another of its files): not added to a second one
            return new Message(false, "The document's bibliography has '" + r.key() + "' already");
        }
        Optional<Paper> found = p.corpus().byKey(r.key());
        if (found.isEmpty()) {
            return new Message(true, "The corpus has no paper '" + r.key() + "' to add to " + name);
        }
        Paper paper = found.get().key().equals(r.key()) ? found.get() : found.get().withIdentity(found.get().id(), r.key(), java.util.List.of());
        AppendPlan plan = Appender.plan(text.orElse(""), target.get().format(), paper);
        return switch (plan) {
            case AppendPlan.Insert i -> new Edit(target.get().file(), text.isEmpty(), i.offset(), i.text(), r.key());
            case AppendPlan.Present x -> new Message(false, name + " has '" + x.key() + "' already");
            case AppendPlan.Taken t -> new Message(true, name + " has another entry under the key '" + t.key() + "' ("
                    + CitationFormatter.plain(t.otherTitle()) + "): '" + r.key() + "' (" + CitationFormatter.plain(paper.title())
                    + ") was not added");
            case AppendPlan.Unusable u -> new Message(true, "Cannot add '" + r.key() + "' to " + name + ": " + u.reason());
        };
    }
}
