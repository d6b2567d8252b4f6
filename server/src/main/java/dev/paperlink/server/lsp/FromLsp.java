package dev.paperlink.server.lsp;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.paperlink.server.config.ServerOptions;
import dev.paperlink.server.document.Pos;
import dev.paperlink.server.document.TextDocument;
import dev.paperlink.server.document.Uris;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.WorkspaceFolder;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** LSP4J types to ours. The only place (with {@link ToLsp}) where the two meet. */
final class FromLsp {
    private FromLsp() {
    }

    static Pos pos(Position p) {
        return new Pos(p.getLine(), p.getCharacter());
    }

    /** A protocol range as offsets (its ends in order). */
    static dev.paperlink.server.document.TextRange range(TextDocument doc, org.eclipse.lsp4j.Range r) {
        int a = offset(doc, r.getStart());
        int b = r.getEnd() == null ? a : offset(doc, r.getEnd());
        return new dev.paperlink.server.document.TextRange(Math.min(a, b), Math.max(a, b));
    }

    static int offset(TextDocument doc, Position p) {
        return doc.offset(pos(p));
    }

    static List<TextDocument.Change> changes(List<TextDocumentContentChangeEvent> events) {
        List<TextDocument.Change> out = new ArrayList<>(events.size());
        for (TextDocumentContentChangeEvent e : events) {
            if (e.getText() == null) {
                // malformed: no text. A range is emptied (never the characters "null"); a whole-text change is ignored.
                if (e.getRange() != null) {
                    out.add(new TextDocument.Change(pos(e.getRange().getStart()), pos(e.getRange().getEnd()), ""));
                }
                continue;
            }
            if (e.getRange() == null) {
                out.add(TextDocument.Change.full(e.getText()));
            } else {
                out.add(new TextDocument.Change(pos(e.getRange().getStart()), pos(e.getRange().getEnd()), e.getText()));
            }
        }
        return out;
    }

    /**
     * The {@code paperlink} settings section. LSP4J hands settings over as Gson trees; they are
     * turned into text here and read with Jackson, so Gson types go no further. Accepts
     * {@code {"paperlink": {...}}} and, for initializationOptions, the bare section.
     */
    static Optional<ServerOptions> options(Object settings, boolean bareSectionAllowed) {
        if (!(settings instanceof JsonElement json) || json.isJsonNull()) {
            return Optional.empty();
        }
        if (json.isJsonObject()) {
            JsonObject o = json.getAsJsonObject();
            if (o.has("paperlink")) {
                JsonElement section = o.get("paperlink");
                return section.isJsonObject() ? Optional.of(ServerOptions.fromJson(section.toString())) : Optional.empty();
            }
            if (bareSectionAllowed) {
                return Optional.of(ServerOptions.fromJson(o.toString()));
            }
        }
        return Optional.empty();
    }

    /** A section returned by workspace/configuration (already the section's content). */
    static Optional<ServerOptions> section(Object value) {
        if (value instanceof JsonElement json && json.isJsonObject()) {
            return Optional.of(ServerOptions.fromJson(json.toString()));
        }
        return Optional.empty();
    }

    @SuppressWarnings("deprecation")
    static List<Path> folders(InitializeParams p) {
        Set<Path> out = new LinkedHashSet<>();
        if (p.getWorkspaceFolders() != null) {
            for (WorkspaceFolder f : p.getWorkspaceFolders()) {
                Uris.toPath(f.getUri()).ifPresent(out::add);
            }
        }
        if (out.isEmpty() && p.getRootUri() != null) {
            Uris.toPath(p.getRootUri()).ifPresent(out::add);
        }
        if (out.isEmpty() && p.getRootPath() != null && !p.getRootPath().isBlank()) {
            out.add(Path.of(p.getRootPath()).toAbsolutePath().normalize());
        }
        return new ArrayList<>(out);
    }

    /** The key (and the document it was offered in) of a completion item's data. */
    record ItemData(String uri, String key) {
    }

    static Optional<ItemData> itemData(Object data) {
        if (data instanceof JsonElement json && json.isJsonObject()) {
            JsonObject o = json.getAsJsonObject();
            if (o.has("key") && o.get("key").isJsonPrimitive()) {
                String uri = o.has("uri") && o.get("uri").isJsonPrimitive() ? o.get("uri").getAsString() : null;
                return Optional.of(new ItemData(uri, o.get("key").getAsString()));
            }
        }
        return Optional.empty();
    }

    /** The arguments of {@code paperlink.addToBibliography}: one object {document, key, target?}. */
    static Optional<dev.paperlink.server.feature.bibedit.AddToBibliography.Request> addRequest(List<Object> args) {
        if (args == null || args.isEmpty() || !(args.get(0) instanceof JsonElement json) || !json.isJsonObject()) {
            return Optional.empty();
        }
        JsonObject o = json.getAsJsonObject();
        String document = string(o, "document");
        String key = string(o, "key");
        if (document == null || key == null || key.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new dev.paperlink.server.feature.bibedit.AddToBibliography.Request(document, key, string(o, "target")));
    }

    private static String string(JsonObject o, String name) {
        return o.has(name) && o.get(name).isJsonPrimitive() ? o.get(name).getAsString() : null;
    }
}
