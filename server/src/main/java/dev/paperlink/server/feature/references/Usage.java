package dev.paperlink.server.feature.references;

import java.util.List;
import java.util.stream.Collectors;

/** How often and where the workspace cites a key, as one line for hovers and completion documentation. */
public final class Usage {
    static final int PLACES = 5;

    private Usage() {
    }

    /** "Cited 3 times in the workspace: intro.tex:12, notes.md:3, a.typ:1"; empty before the workspace is read. */
    public static String line(WorkspaceCitations citations, String key) {
        if (!citations.ready() && citations.citations(key).isEmpty()) {
            return "";
        }
        List<Occurrence> all = citations.citations(key);
        if (all.isEmpty()) {
            return "Not cited in the workspace";
        }
        String places = all.stream().limit(PLACES).map(Occurrence::shortPlace).collect(Collectors.joining(", "));
        return (all.size() == 1 ? "Cited once in the workspace: " : "Cited " + all.size() + " times in the workspace: ")
                + places + (all.size() > PLACES ? ", …" : "");
    }
}
