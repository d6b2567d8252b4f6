package dev.paperlink.server.syntax;

import java.util.Set;

/** Walks the commands of a LaTeX text, outside {@code %} comments: the scanners' shared loop. */
final class LatexCommands {

    /** Sees one command of interest; returns where the walk goes on (at least {@code afterName}). */
    @FunctionalInterface
    interface Visitor {
        int visit(String name, int afterName);
    }

    private LatexCommands() {
    }

    static void walk(String text, Set<String> names, Visitor visitor) {
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '%') {
                int e = text.indexOf('\n', i);
                i = e < 0 ? n : e;
            } else if (c == '\\') {
                int j = i + 1;
                while (j < n && Character.isLetter(text.charAt(j))) {
                    j++;
                }
                if (j == i + 1) {
                    i += 2; // an escaped character: \% \{ \\ ...
                    continue;
                }
                String name = text.substring(i + 1, j);
                i = names.contains(name) ? Math.max(j, visitor.visit(name, j)) : j;
            } else {
                i++;
            }
        }
    }
}
