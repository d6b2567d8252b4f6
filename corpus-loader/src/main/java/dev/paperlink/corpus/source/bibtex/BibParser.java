package dev.paperlink.corpus.source.bibtex;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A hand-written, streaming, error-tolerant BibTeX/BibLaTeX parser. It reports every entry (not
 * {@code @string}, {@code @preamble} or {@code @comment}) to a {@link Handler} and every broken
 * entry as an error with a line; after an error it resumes at the next {@code @} that starts an
 * entry. Free text between entries is a comment. It never recurses on the input's nesting.
 */
final class BibParser {

    /** Receives what the parser finds. */
    interface Handler {
        void entry(RawEntry entry);

        void error(int line, String message);
    }

    /** A syntax error in the current entry; cheap (no stack trace). */
    private static final class SyntaxError extends Exception {
        final int line;

        SyntaxError(int line, String message) {
            super(message, null, false, false);
            this.line = line;
        }
    }

    private static final int MAX_IDENT = 1024;
    /**
     * The longest value that {@code @string} macros may expand to. Each macro can hold the one before
     * twice ({@code @string{b = a # a}}), so without a bound forty short lines ask for a terabyte.
     */
    static final int MAX_EXPANDED_VALUE = 1 << 20;

    private final CharSource in;
    private final MacroTable macros;
    private final Handler handler;
    private char[] value = new char[1024];
    private int valueLength;
    private final StringBuilder token = new StringBuilder(64);
    private boolean lastWasSpace;

    BibParser(CharSource in, MacroTable macros, Handler handler) {
        this.in = in;
        this.macros = macros;
        this.handler = handler;
    }

    /** Parses the whole input. */
    void parse() throws IOException {
        boolean atLineStart = true;
        while (true) {
            int c = in.peek();
            if (c == CharSource.EOF) {
                return;
            }
            if (c == '@') {
                entryOrText(atLineStart);
                atLineStart = false;
                continue;
            }
            if (c == '%') {
                // a line comment (biber ignores it; "%@article{..." is commented out)
                while (c != '\n' && c != CharSource.EOF) {
                    in.next();
                    c = in.peek();
                }
                continue;
            }
            in.next();
            if (c == '\n') {
                atLineStart = true;
            } else if (c != ' ' && c != '\t' && c != '\r') {
                atLineStart = false;
            }
        }
    }

    /** At an '@': an entry if a type and an opening delimiter follow, else comment text. */
    private void entryOrText(boolean atLineStart) throws IOException {
        int startLine = in.line();
        in.next(); // '@'
        skipSpaces();
        String type = readIdent();
        if (type.isEmpty()) {
            return;
        }
        skipSpaces();
        int open = in.peek();
        if (open != '{' && open != '(') {
            if (atLineStart && !type.equalsIgnoreCase("comment")) {
                handler.error(startLine, "expected '{' or '(' after @" + type);
            }
            return;
        }
        in.next();
        char close = open == '{' ? '}' : ')';
        String lower = type.toLowerCase(Locale.ROOT);
        try {
            switch (lower) {
                case "comment" -> skipComment(close, startLine);
                case "preamble" -> {
                    skipWhitespaceAndComments();
                    readValue("preamble", startLine);
                    skipWhitespaceAndComments();
                    expect(close, "at the end of @preamble");
                }
                case "string" -> readStrings(close);
                default -> readEntry(lower, close, startLine);
            }
        } catch (SyntaxError e) {
            handler.error(e.line, e.getMessage());
        }
    }

    private void skipComment(char close, int startLine) throws IOException, SyntaxError {
        int depth = 0;
        while (true) {
            int c = in.next();
            if (c == CharSource.EOF) {
                throw new SyntaxError(startLine, "unterminated @comment");
            }
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                if (depth == 0 && close == '}') {
                    return;
                }
                depth = Math.max(0, depth - 1);
            } else if (c == ')' && close == ')' && depth == 0) {
                return;
            } else if (c == '\n' && nextLineStartsEntry()) {
                throw new SyntaxError(startLine, "unterminated @comment (runs into the entry at line " + in.line() + ")");
            }
        }
    }

    private void readStrings(char close) throws IOException, SyntaxError {
        while (true) {
            skipWhitespaceAndComments();
            int c = in.peek();
            if (c == close) {
                in.next();
                return;
            }
            if (c == ',') {
                in.next();
                continue;
            }
            int line = in.line();
            String name = readIdent();
            if (name.isEmpty()) {
                throw new SyntaxError(line, "expected a macro name in @string, found " + describe(c));
            }
            skipWhitespaceAndComments();
            expect('=', "after @string name '" + name + "'");
            skipWhitespaceAndComments();
            String v = readValue(name, line);
            macros.define(name, v);
        }
    }

    private void readEntry(String type, char close, int startLine) throws IOException, SyntaxError {
        skipWhitespaceAndComments();
        int keyLine = in.line();
        int keyColumn = in.column();
        String key = readKey(close);
        skipWhitespaceAndComments();
        int c = in.peek();
        Map<String, String> fields = new LinkedHashMap<>();
        if (c == '=' && !key.isEmpty() && key.indexOf('=') < 0) {
            // no key ("@article{ author = ..."), as EndNote writes: the word was the first field
            in.next();
            skipWhitespaceAndComments();
            fields.put(key.toLowerCase(Locale.ROOT), readValue(key, keyLine));
            skipWhitespaceAndComments();
            key = "";
            c = in.peek();
        } else if (key.isEmpty() && c != ',') {
            throw new SyntaxError(keyLine, "expected a key after @" + type + ", found " + describe(c));
        }
        while (true) {
            c = in.peek();
            if (c == close) {
                int endLine = in.line();
                in.next();
                handler.entry(new RawEntry(type, key, startLine, endLine, keyLine, keyColumn, fields));
                return;
            }
            if (c == '@') {
                throw new SyntaxError(startLine, "entry '" + key + "' is not closed (runs into the entry at line "
                        + in.line() + ")");
            }
            if (c != ',') {
                throw new SyntaxError(in.line(), "expected ',' or '" + close + "' in entry '" + key + "', found "
                        + describe(c) + entryContext(startLine));
            }
            in.next();
            skipWhitespaceAndComments();
            c = in.peek();
            if (c == close || c == ',') {
                continue;
            }
            int fieldLine = in.line();
            String name = readIdent();
            if (c == '@') {
                throw new SyntaxError(startLine, "entry '" + key + "' is not closed (runs into the entry at line "
                        + in.line() + ")");
            }
            if (name.isEmpty()) {
                throw new SyntaxError(fieldLine, "expected a field name in entry '" + key + "', found " + describe(c)
                        + entryContext(startLine));
            }
            skipWhitespaceAndComments();
            if (in.peek() != '=') {
                throw new SyntaxError(in.line(), "expected '=' after field '" + name + "' in entry '" + key
                        + "', found " + describe(in.peek()));
            }
            in.next();
            skipWhitespaceAndComments();
            String v = readValue(name, fieldLine);
            fields.putIfAbsent(name.toLowerCase(Locale.ROOT), v);
            skipWhitespaceAndComments();
        }
    }

    private String entryContext(int startLine) {
        return " (entry starts at line " + startLine + ")";
    }

    /** A value: parts joined by '#'; braces and quotes removed at the outer level, macros expanded. */
    private String readValue(String field, int fieldLine) throws IOException, SyntaxError {
        valueLength = 0;
        lastWasSpace = true; // strips leading whitespace
        while (true) {
            int c = in.peek();
            int partLine = in.line();
            if (c == '{') {
                in.next();
                readBalanced('}', field, partLine);
            } else if (c == '"') {
                in.next();
                readBalanced('"', field, partLine);
            } else if (c >= '0' && c <= '9') {
                while (true) {
                    int d = in.peek();
                    if (d < '0' || d > '9') {
                        break;
                    }
                    append((char) in.next());
                }
            } else {
                String name = readIdent();
                if (name.isEmpty()) {
                    throw new SyntaxError(partLine, "expected a value for field '" + field + "', found " + describe(c));
                }
                String expansion = macros.get(name);
                String text = expansion != null ? expansion : name;
                if (valueLength + text.length() > MAX_EXPANDED_VALUE) {
                    throw new SyntaxError(partLine, "value of '" + field + "' longer than " + MAX_EXPANDED_VALUE
                            + " characters after expanding macro '" + name + "'");
                }
                for (int i = 0; i < text.length(); i++) {
                    append(text.charAt(i));
                }
            }
            skipWhitespaceAndComments();
            if (in.peek() != '#') {
                break;
            }
            in.next();
            skipWhitespaceAndComments();
        }
        int n = valueLength;
        while (n > 0 && value[n - 1] == ' ') {
            n--;
        }
        return new String(value, 0, n);
    }

    /** Reads up to the closing delimiter at brace depth 0 (after the opening one). */
    private void readBalanced(char close, String field, int partLine) throws IOException, SyntaxError {
        int depth = 0;
        while (true) {
            if (valueLength == value.length) {
                value = java.util.Arrays.copyOf(value, value.length * 2);
            }
            int before = valueLength;
            valueLength = in.takePlain(close, value, valueLength);
            if (valueLength > before) {
                lastWasSpace = false;
            }
            int c = in.next();
            if (c == CharSource.EOF) {
                throw new SyntaxError(partLine, "unterminated value of field '" + field + "' (end of file)");
            }
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                if (depth == 0) {
                    if (close == '}') {
                        return;
                    }
                    // a stray '}' in a quoted value: BibTeX rejects it, we keep it as text
                    append('}');
                    continue;
                }
                depth--;
            } else if (c == close && depth == 0) {
                return;
            } else if (c == '\n' && nextLineStartsEntry()) {
                throw new SyntaxError(partLine, "unterminated value of field '" + field
                        + "' (runs into the entry at line " + in.line() + ")");
            }
            append((char) c);
        }
    }

    private void append(char c) {
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            if (lastWasSpace) {
                return;
            }
            c = ' ';
            lastWasSpace = true;
        } else {
            lastWasSpace = false;
        }
        if (valueLength == value.length) {
            value = java.util.Arrays.copyOf(value, value.length * 2);
        }
        value[valueLength++] = c;
    }

    /** After a newline: whether the line starts an entry ("@type{" or "@type(" after blanks). */
    private boolean nextLineStartsEntry() throws IOException {
        int i = 0;
        int c = in.peek(i);
        while ((c == ' ' || c == '\t') && i < 64) {
            c = in.peek(++i);
        }
        if (c != '@') {
            return false;
        }
        c = in.peek(++i);
        int start = i;
        while (((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) && i - start < 64) {
            c = in.peek(++i);
        }
        if (i == start) {
            return false;
        }
        int spaces = 0;
        while ((c == ' ' || c == '\t') && spaces++ < 16) {
            c = in.peek(++i);
        }
        return c == '{' || c == '(';
    }

    private String readKey(char close) throws IOException {
        token.setLength(0);
        while (token.length() < MAX_IDENT) {
            int c = in.peek();
            if (c == CharSource.EOF || c == ',' || c == close || c == '}' || c == '{'
                    || Character.isWhitespace(c)) {
                break;
            }
            token.append((char) in.next());
        }
        return token.toString();
    }

    /** A BibTeX identifier: printable characters other than {@code "#%'(),={}} and white space. */
    private String readIdent() throws IOException {
        token.setLength(0);
        while (token.length() < MAX_IDENT) {
            int c = in.peek();
            if (!isIdentChar(c)) {
                break;
            }
            token.append((char) in.next());
        }
        return token.toString();
    }

    private static boolean isIdentChar(int c) {
        if (c <= ' ' || c == 0x7f) {
            return false;
        }
        return switch (c) {
            case '"', '#', '%', '\'', '(', ')', ',', '=', '{', '}', '@', '\\' -> false;
            default -> !Character.isWhitespace(c);
        };
    }

    private void skipSpaces() throws IOException {
        int c = in.peek();
        while (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            in.next();
            c = in.peek();
        }
    }

    /** Skips white space and '%' line comments between the tokens of an entry. */
    private void skipWhitespaceAndComments() throws IOException {
        while (true) {
            int c = in.peek();
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || (c > 0 && Character.isWhitespace(c))) {
                in.next();
            } else if (c == '%') {
                while (c != '\n' && c != CharSource.EOF) {
                    in.next();
                    c = in.peek();
                }
            } else {
                return;
            }
        }
    }

    private void expect(char c, String where) throws IOException, SyntaxError {
        int got = in.peek();
        if (got != c) {
            throw new SyntaxError(in.line(), "expected '" + c + "' " + where + ", found " + describe(got));
        }
        in.next();
    }

    private static String describe(int c) {
        if (c == CharSource.EOF) {
            return "end of file";
        }
        if (c == '\n') {
            return "end of line";
        }
        return "'" + (char) c + "'";
    }
}
