package dev.paperlink.server.testing;

import dev.paperlink.server.document.Pos;
import dev.paperlink.server.document.TextDocument;
import dev.paperlink.server.document.TextRange;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one fixture format of the server tests (after texlab's): {@code %! path} starts a file
 * (its extension sets the document kind), and an inline {@code <|>} marks the cursor. A fixture
 * without {@code %!} lines is one file, {@code main.tex}. Files live under {@link #ROOT}, a folder
 * that does not exist: features do no IO, so nothing is read from it.
 */
public final class Fixture {
    public static final Path ROOT = Path.of("/fixture").toAbsolutePath();
    public static final String CURSOR = "<|>";

    private final Map<String, String> files;
    private final String cursorFile;
    private final int cursorOffset;

    private Fixture(Map<String, String> files, String cursorFile, int cursorOffset) {
        this.files = files;
        this.cursorFile = cursorFile;
        this.cursorOffset = cursorOffset;
    }

    /** A fixture with exactly one cursor. */
    public static Fixture parse(String text) {
        Fixture f = read(text);
        if (f.cursorFile == null) {
            throw new IllegalArgumentException("fixture has no cursor " + CURSOR);
        }
        return f;
    }

    /** A fixture without a cursor. */
    public static Fixture files(String text) {
        Fixture f = read(text);
        if (f.cursorFile != null) {
            throw new IllegalArgumentException("fixture must not have a cursor here");
        }
        return f;
    }

    private static Fixture read(String text) {
        Map<String, java.util.List<String>> files = new LinkedHashMap<>();
        java.util.List<String> current = null;
        java.util.List<String> lines = new java.util.ArrayList<>(java.util.Arrays.asList(text.split("\n", -1)));
        if (text.endsWith("\n")) {
            lines.remove(lines.size() - 1);
        }
        for (String line : lines) {
            if (line.startsWith("%! ")) {
                current = new java.util.ArrayList<>();
                files.put(line.substring(3).strip(), current);
                continue;
            }
            if (current == null) {
                current = new java.util.ArrayList<>();
                files.put("main.tex", current);
            }
            current.add(line);
        }
        Map<String, String> out = new LinkedHashMap<>();
        String cursorFile = null;
        int cursor = -1;
        for (var e : files.entrySet()) {
            String content = String.join("\n", e.getValue()) + "\n";
            int at = content.indexOf(CURSOR);
            if (at >= 0) {
                if (cursorFile != null || content.indexOf(CURSOR, at + 1) >= 0) {
                    throw new IllegalArgumentException("fixture has more than one cursor " + CURSOR);
                }
                cursorFile = e.getKey();
                cursor = at;
                content = content.substring(0, at) + content.substring(at + CURSOR.length());
            }
            out.put(e.getKey(), content);
        }
        return new Fixture(out, cursorFile, cursor);
    }

    public Map<String, String> files() {
        return files;
    }

    public String text(String file) {
        String t = files.get(file);
        if (t == null) {
            throw new IllegalArgumentException("no file " + file + " in the fixture");
        }
        return t;
    }

    public Path path(String file) {
        return ROOT.resolve(file).normalize();
    }

    public String uri(String file) {
        return path(file).toUri().toString();
    }

    /** The first file: the document under test when there is no cursor. */
    public String mainFile() {
        return cursorFile != null ? cursorFile : files.keySet().iterator().next();
    }

    public TextDocument document(String file) {
        return TextDocument.of(uri(file), "", 1, text(file));
    }

    public TextDocument document() {
        return document(mainFile());
    }

    public int offset() {
        return cursorOffset;
    }

    public Pos cursor() {
        return document().position(cursorOffset);
    }

    /** "line:col-line:col" of a range in a file of the fixture. */
    public String render(String file, TextRange range) {
        TextDocument d = document(file);
        return d.position(range.start()) + "-" + d.position(range.end());
    }
}
