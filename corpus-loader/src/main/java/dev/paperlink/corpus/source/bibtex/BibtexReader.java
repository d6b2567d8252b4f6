package dev.paperlink.corpus.source.bibtex;

import dev.paperlink.corpus.source.RecordReader;
import dev.paperlink.corpus.source.RecordSink;
import dev.paperlink.corpus.source.Skip;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads BibTeX and BibLaTeX files: {@code {}} and {@code ()} entries, {@code @string} macros and
 * {@code #}, month macros, {@code @preamble}/{@code @comment} (ignored), {@code crossref}/{@code xdata}
 * inheritance (children resolved at the end of the file), LaTeX to Unicode for display fields.
 * Broken entries become {@link Skip}s; an undefined macro is kept as its name. Streams the file:
 * memory holds one entry, the macro table and the entries inheritance needs.
 */
public final class BibtexReader implements RecordReader {

    public BibtexReader() {
    }

    @Override
    public void read(String file, Reader input, RecordSink sink) throws IOException {
        Inheritance inheritance = new Inheritance();
        BibParser.Handler handler = new BibParser.Handler() {
            @Override
            public void entry(RawEntry entry) {
                boolean deferred = inheritance.offer(entry);
                if (!deferred && !entry.type().equals("xdata")) {
                    emit(file, entry, sink);
                }
            }

            @Override
            public void error(int line, String message) {
                sink.skip(new Skip(file, line, "syntax", message));
            }
        };
        new BibParser(new CharSource(input), new MacroTable(), handler).parse();
        for (RawEntry child : inheritance.deferred()) {
            if (!child.type().equals("xdata")) {
                emit(file, inheritance.resolve(child), sink);
            }
        }
    }

    private static void emit(String file, RawEntry entry, RecordSink sink) {
        try {
            sink.accept(FieldMapper.map(file, entry));
        } catch (RuntimeException e) {
            // a mapping bug must not lose the rest of the file
            sink.skip(new Skip(file, entry.startLine(), "internal error",
                    "entry '" + entry.key() + "' could not be mapped: " + e));
        }
    }
}
