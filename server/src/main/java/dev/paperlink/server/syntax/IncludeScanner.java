package dev.paperlink.server.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The files a LaTeX document pulls in: {@code \input{x}}, {@code \include{x}},
 * {@code \subfile{x}} and {@code \import{dir/}{x}} (".tex" added when the name has no
 * extension), outside comments. Used to let a child file share its root document's bibliography.
 */
public final class IncludeScanner {
    private static final Set<String> COMMANDS = Set.of("input", "include", "subfile", "import", "subimport", "includefrom", "subincludefrom");
    private static final ScanMemo<List<String>> MEMO = new ScanMemo<>(IncludeScanner::read);

    private IncludeScanner() {
    }

    /** File names relative to the including document's folder (for {@code \subimport}, to its folder too). */
    public static List<String> scan(String latex) {
        return MEMO.get(latex);
    }

    private static List<String> read(String text) {
        List<String> out = new ArrayList<>();
        int n = text.length();
        LatexCommands.walk(text, COMMANDS, (name, j) -> {
            List<String> args = new ArrayList<>();
            int k = j;
            int wanted = name.endsWith("import") || name.endsWith("includefrom") ? 2 : 1;
            while (args.size() < wanted) {
                while (k < n && (text.charAt(k) == ' ' || text.charAt(k) == '\t')) {
                    k++;
                }
                if (k >= n || text.charAt(k) != '{') {
                    break;
                }
                int close = text.indexOf('}', k);
                if (close < 0) {
                    break;
                }
                args.add(text.substring(k + 1, close).strip());
                k = close + 1;
            }
            if (args.size() != wanted) {
                return j;
            }
            String file = String.join("", args);
            String last = file.substring(file.lastIndexOf('/') + 1);
            if (!last.toLowerCase(Locale.ROOT).endsWith(".tex") && !last.contains(".")) {
                file = file + ".tex";
            }
            if (!file.isEmpty()) {
                out.add(file);
            }
            return k;
        });
        return List.copyOf(out);
    }
}
