package dev.paperlink.corpus.source.bibtex;

import dev.paperlink.corpus.model.Author;
import dev.paperlink.corpus.source.latex.LatexToUnicode;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a BibTeX name list ("A and B and others") and each name into its parts, following
 * BibTeX's rules: "First von Last", "von Last, First", "von Last, Jr, First"; a name wholly in
 * braces is a literal; "others" is {@link Author#OTHERS}. Splitting happens on the LaTeX text (so
 * braces protect), the parts are then converted to Unicode.
 */
final class NameParser {
    private NameParser() {
    }

    static List<Author> parse(String raw) {
        List<Author> authors = new ArrayList<>();
        if (raw == null || raw.isBlank()) {
            return authors;
        }
        for (String name : splitOnAnd(raw)) {
            Author a = parseName(name);
            if (a != null) {
                authors.add(a);
            }
        }
        return authors;
    }

    /** Splits on "and" surrounded by white space at brace depth 0 (case-insensitive, as BibTeX). */
    static List<String> splitOnAnd(String s) {
        List<String> names = new ArrayList<>();
        int depth = 0;
        int start = 0;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth = Math.max(0, depth - 1);
            } else if (depth == 0 && isBlank(c) && i + 4 < n
                    && (s.charAt(i + 1) | 0x20) == 'a' && (s.charAt(i + 2) | 0x20) == 'n' && (s.charAt(i + 3) | 0x20) == 'd'
                    && isBlank(s.charAt(i + 4))) {
                names.add(s.substring(start, i));
                start = i + 4;
                i += 3;
            }
        }
        names.add(s.substring(start));
        return names;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '~';
    }

    static Author parseName(String name) {
        String s = name.strip();
        if (s.isEmpty()) {
            return null;
        }
        if (s.equalsIgnoreCase("others")) {
            return Author.OTHERS;
        }
        if (s.charAt(0) == '{' && closingBrace(s, 0) == s.length() - 1) {
            return Author.literal(LatexToUnicode.convert(s));
        }
        List<List<String>> commaParts = splitCommas(s);
        List<String> first;
        List<String> vonLast;
        List<String> jr = List.of();
        if (commaParts.size() == 1) {
            List<String> tokens = commaParts.get(0);
            if (tokens.size() == 1) {
                return Author.person(LatexToUnicode.convert(tokens.get(0)), "");
            }
            // First von Last: von starts at the first lower-case token that is not the last token
            int vonStart = -1;
            for (int i = 0; i < tokens.size() - 1; i++) {
                if (isLowerCase(tokens.get(i))) {
                    vonStart = i;
                    break;
                }
            }
            if (vonStart < 0) {
                first = tokens.subList(0, tokens.size() - 1);
                vonLast = tokens.subList(tokens.size() - 1, tokens.size());
            } else {
                first = tokens.subList(0, vonStart);
                vonLast = tokens.subList(vonStart, tokens.size());
            }
        } else {
            Author organisation = organisation(commaParts);
            if (organisation != null) {
                return organisation;
            }
            vonLast = commaParts.get(0);
            if (commaParts.size() == 2) {
                first = commaParts.get(1);
            } else {
                jr = commaParts.get(1);
                first = new ArrayList<>();
                for (int i = 2; i < commaParts.size(); i++) {
                    first.addAll(commaParts.get(i));
                }
            }
        }
        // von Last: von is up to the last lower-case token that is not the last token
        int vonEnd = 0;
        for (int i = 0; i < vonLast.size() - 1; i++) {
            if (isLowerCase(vonLast.get(i))) {
                vonEnd = i + 1;
            }
        }
        List<String> von = vonLast.subList(0, vonEnd);
        List<String> last = vonLast.subList(vonEnd, vonLast.size());
        String family = join(last);
        if (family.isEmpty() && !von.isEmpty()) {
            family = join(von);
            von = List.of();
        }
        if (family.isEmpty()) {
            family = join(first);
            first = List.of();
        }
        return new Author(family, join(first), join(von), join(jr), "");
    }

    /**
     * Organisations some corpora write as "Last, First" (the ACL anthology: "Group, Machine
     * Translation"): a head word of an organisation's name as the only "last" token and two or more
     * capitalised words as "first". Kept as the literal name ("Machine Translation Group").
     */
    private static Author organisation(List<List<String>> commaParts) {
        if (commaParts.size() != 2 || commaParts.get(0).size() != 1 || commaParts.get(1).size() < 2
                || !ORGANISATION_HEADS.contains(commaParts.get(0).get(0))
                || commaParts.get(1).stream().anyMatch(t -> t.isEmpty() || !Character.isUpperCase(t.charAt(0)))) {
            return null;
        }
        return Author.literal(join(commaParts.get(1)) + " " + LatexToUnicode.convert(commaParts.get(0).get(0)));
    }

    private static final java.util.Set<String> ORGANISATION_HEADS = java.util.Set.of("Group", "Committee", "Association", "Consortium",
            "Team", "Laboratory", "Project", "Staff", "Institute", "Centre", "Center", "Society", "Board", "Foundation", "Council",
            "Department", "Corporation", "Collaboration", "Initiative");

    private static String join(List<String> tokens) {
        if (tokens.isEmpty()) {
            return "";
        }
        return LatexToUnicode.convert(String.join(" ", tokens));
    }

    /** Comma-separated parts at depth 0, each split into white-space separated tokens (depth 0). */
    private static List<List<String>> splitCommas(String s) {
        List<List<String>> parts = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        StringBuilder tok = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth = Math.max(0, depth - 1);
            }
            if (depth == 0 && c == ',') {
                flush(tok, tokens);
                parts.add(tokens);
                tokens = new ArrayList<>();
            } else if (depth == 0 && isBlank(c)) {
                flush(tok, tokens);
            } else {
                tok.append(c);
            }
        }
        flush(tok, tokens);
        parts.add(tokens);
        return parts;
    }

    private static void flush(StringBuilder tok, List<String> tokens) {
        if (!tok.isEmpty()) {
            tokens.add(tok.toString());
            tok.setLength(0);
        }
    }

    /**
     * BibTeX's test for a von token: its first letter at brace depth 0 is lower case; a token that
     * starts with a "special character" ({\'e}...) is judged by the letter inside; other braced
     * text counts as upper case.
     */
    static boolean isLowerCase(String token) {
        int depth = 0;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c == '{') {
                if (depth == 0 && i + 1 < token.length() && token.charAt(i + 1) == '\\') {
                    return specialCharIsLower(token, i + 1);
                }
                depth++;
            } else if (c == '}') {
                depth = Math.max(0, depth - 1);
            } else if (depth == 0 && c == '\\') {
                return specialCharIsLower(token, i);
            } else if (depth == 0 && Character.isLetter(c)) {
                return Character.isLowerCase(c);
            }
        }
        return false;
    }

    /** At a backslash: the case of the first letter after the (accent) command. */
    private static boolean specialCharIsLower(String token, int backslash) {
        int i = backslash + 1;
        int n = token.length();
        if (i < n && Character.isLetter(token.charAt(i))) {
            int end = i;
            while (end < n && Character.isLetter(token.charAt(end))) {
                end++;
            }
            String cmd = token.substring(i, end);
            if (!ACCENT_COMMANDS.contains(cmd)) {
                // a letter command such as \o, \ss, \l, \AA: its own case decides
                return Character.isLowerCase(cmd.charAt(0));
            }
            i = end;
        } else {
            i++;
        }
        for (; i < n; i++) {
            char c = token.charAt(i);
            if (Character.isLetter(c)) {
                return Character.isLowerCase(c);
            }
        }
        return false;
    }

    /** The index of the brace closing the one at {@code open}, or -1 when unbalanced. */
    private static int closingBrace(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static final java.util.Set<String> ACCENT_COMMANDS =
            java.util.Set.of("u", "v", "H", "c", "k", "r", "d", "b", "t");
}
