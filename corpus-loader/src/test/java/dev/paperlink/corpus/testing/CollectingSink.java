package dev.paperlink.corpus.testing;

import dev.paperlink.corpus.model.Paper;
import dev.paperlink.corpus.source.RecordReader;
import dev.paperlink.corpus.source.RecordSink;
import dev.paperlink.corpus.source.Skip;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** A sink that keeps everything, for tests. */
public final class CollectingSink implements RecordSink {
    public final List<Paper> papers = new ArrayList<>();
    public final List<Skip> skips = new ArrayList<>();

    @Override
    public void accept(Paper paper) {
        papers.add(paper);
    }

    @Override
    public void skip(Skip skip) {
        skips.add(skip);
    }

    /** Reads a string with a reader, as if it were the file {@code name}. */
    public static CollectingSink read(RecordReader reader, String name, String text) {
        CollectingSink sink = new CollectingSink();
        try {
            reader.read(name, new StringReader(text), sink);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sink;
    }

    public Paper only() {
        if (papers.size() != 1) {
            throw new AssertionError("expected one paper, got " + papers.size() + ": " + papers + " skips " + skips);
        }
        return papers.get(0);
    }
}
