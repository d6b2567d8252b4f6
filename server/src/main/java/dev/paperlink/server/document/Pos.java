package dev.paperlink.server.document;

/** A 0-based line and a 0-based UTF-16 column, as LSP counts them. */
public record Pos(int line, int column) {

    @Override
    public String toString() {
        return line + ":" + column;
    }
}
