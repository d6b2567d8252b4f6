package dev.paperlink.corpus.write;

import dev.paperlink.corpus.model.Author;
import dev.paperlink.corpus.model.Paper;
import dev.paperlink.corpus.model.SourceFormat;
import dev.paperlink.corpus.source.Readers;
import dev.paperlink.corpus.source.RecordSink;
import dev.paperlink.corpus.source.Skip;
import dev.paperlink.corpus.source.SourceFiles;
import dev.paperlink.corpus.testing.CollectingSink;
import dev.paperlink.corpus.testing.SharedCorpora;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12: every entry written is read back by the project's own readers with the same key,
 * title, authors, year and DOI: a seeded sample of real papers (the ACL anthology's BibTeX, arXiv
 * metadata) in every format, alone in a new file and appended to a file with CRLF line ends and
 * four-space indentation, which is left as it was; appending again finds it there.
 */
class RoundTripTest {
    static final long SEED = 12;

    static Stream<Arguments> papers() throws IOException {
        List<Paper> sample = new ArrayList<>();
        sample.addAll(sample(SharedCorpora.require("acl-anthology").resolve("anthology+abstracts.bib.gz"), SourceFormat.BIBTEX, 4_000, 30));
        sample.addAll(sample(SharedCorpora.require("arxiv-metadata").resolve("kaggle-oai-snapshot-first200.jsonl"), SourceFormat.ARXIV_JSONL, 200, 20));
        List<Arguments> out = new ArrayList<>();
        for (Paper p : sample) {
            for (EntryFormat f : EntryFormat.values()) {
                out.add(Arguments.of(f, p.key(), p));
            }
        }
        return out.stream();
    }

    /** Reading stops once enough records are in. */
    private static final class Enough extends Error {
    }

    static List<Paper> sample(Path file, SourceFormat format, int first, int n) throws IOException {
        List<Paper> all = new ArrayList<>();
        try (Reader r = SourceFiles.open(file)) {
            Readers.forFormat(format).read(file.toString(), r, new RecordSink() {
                @Override
                public void accept(Paper p) {
                    Paper k = keyed(p);
                    if (!k.key().isEmpty() && !k.title().isEmpty()) {
                        all.add(k);
                    }
                    if (all.size() >= first) {
                        throw new Enough();
                    }
                }

                @Override
                public void skip(Skip skip) {
                }
            });
        } catch (Enough e) {
            // enough
        }
        Collections.shuffle(all, new Random(SEED));
        return all.subList(0, Math.min(n, all.size()));
    }

    /** arXiv records have no key of their own: the index would give one. */
    private static Paper keyed(Paper p) {
        return p.key().isEmpty() ? p.toBuilder().key("arxiv" + p.arxivId().replace('/', '-')).build() : p;
    }

    static final String CRLF_BIB = "@article{other2001,\r\n    title = {Another Paper},\r\n    year = {2001},\r\n}\r\n";
    static final String CRLF_JSON = "[\r\n    {\r\n        \"id\": \"other2001\",\r\n        \"title\": \"Another Paper\"\r\n    }\r\n]\r\n";
    static final String CRLF_YAML = "references:\r\n  - id: other2001\r\n    title: Another Paper\r\n";
    static final String CRLF_HAYAGRIVA = "other2001:\r\n    type: article\r\n    title: Another Paper\r\n";

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("papers")
    void writtenEntriesReadBackTheSame(EntryFormat format, String key, Paper paper) throws IOException {
        String alone = apply("", format, paper);
        check(paper, readBack(alone, format), "alone");

        String existing = switch (format) {
            case BIBTEX, BIBLATEX -> CRLF_BIB;
            case CSL_JSON -> CRLF_JSON;
            case CSL_YAML -> CRLF_YAML;
            case HAYAGRIVA -> CRLF_HAYAGRIVA;
        };
        String appended = apply(existing, format, paper);
        if (format != EntryFormat.CSL_JSON) {
            assertTrue(appended.startsWith(existing), "the file before the entry is left as it was:\n" + appended);
        } else {
            assertTrue(appended.startsWith(existing.substring(0, existing.lastIndexOf('}') + 1)), appended);
        }
        assertFalse(appended.replace("\r\n", "").contains("\n"), "CRLF line ends throughout:\n" + appended);
        List<Paper> back = readBack(appended, format);
        assertEquals(2, back.size(), appended);
        assertEquals("other2001", back.get(0).key());
        check(paper, List.of(back.get(1)), "appended");
        assertInstanceOf(AppendPlan.Present.class, Appender.plan(appended, format, paper), "added once only");
    }

    private static String apply(String text, EntryFormat format, Paper paper) {
        AppendPlan plan = Appender.plan(text, format, paper);
        AppendPlan.Insert insert = assertInstanceOf(AppendPlan.Insert.class, plan);
        return text.substring(0, insert.offset()) + insert.text() + text.substring(insert.offset());
    }

    private static void check(Paper expected, List<Paper> back, String what) {
        assertEquals(1, back.size(), what + ": one record");
        Paper p = back.get(0);
        assertEquals(expected.key(), p.key(), what + ": key");
        assertEquals(expected.title(), p.title(), what + ": title");
        assertEquals(names(expected), names(p), what + ": authors");
        assertEquals(expected.year(), p.year(), what + ": year");
        assertEquals(expected.doi(), p.doi(), what + ": DOI");
    }

    private static List<String> names(Paper p) {
        return p.authors().stream().filter(a -> !a.isOthers()).map(Author::displayName).toList();
    }

    static List<Paper> readBack(String text, EntryFormat format) throws IOException {
        SourceFormat source = switch (format) {
            case BIBTEX, BIBLATEX -> SourceFormat.BIBTEX;
            case CSL_JSON -> SourceFormat.CSL_JSON;
            case CSL_YAML -> SourceFormat.CSL_YAML;
            case HAYAGRIVA -> SourceFormat.HAYAGRIVA;
        };
        CollectingSink read = CollectingSink.read(Readers.forFormat(source), "written", text);
        assertEquals(List.of(), read.skips, text);
        return read.papers;
    }
}
