package dev.paperlink.corpus.source.bibtex;

import dev.paperlink.corpus.source.SourceFiles;
import dev.paperlink.corpus.testing.CollectingSink;
import dev.paperlink.corpus.testing.SharedCorpora;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Seeded random inputs and seeded mutations of real files: the reader returns normally (records and
 * skips), never throws and never hangs.
 */
class BibtexRobustnessTest {
    private static final String FIXTURE = """
            @string{acl = "Association for " # {Computational} # " Linguistics"}
            @preamble{ "\\newcommand{\\noop}[1]{}" }
            @comment{jabref-meta: databaseType:bibtex;}
            % a comment
            @InProceedings{devlin2019bert,
              title = {{BERT}: Pre-training of {\\"U}ber \\'{e} $\\alpha$ -- ``x''},
              author = {Devlin, Jacob and von Neumann, Jr., John and {Barnes and Noble} and others},
              booktitle = acl # " 2019", month = jun, year = 2019,
              crossref = {proc}, xdata = {xd},
              file = {:a.pdf:PDF;b.pdf},
            }
            @xdata{xd, publisher = {ACL}}
            @proceedings(proc, title = "Proceedings", year = "2019")
            @article{broken, title = {never closed,
            @misc{last, title = "Last \\& least", date = {2019-01-02/2019-02-03}}
            """;

    private static final List<String> SAMPLES = new ArrayList<>();

    @BeforeAll
    static void loadSamples() throws IOException {
        SAMPLES.add(FIXTURE);
        Optional<Path> root = SharedCorpora.root();
        if (root.isEmpty()) {
            System.err.println("!!! shared corpora absent: mutating the built-in fixture only");
            return;
        }
        for (String rel : List.of("texlive-bib/texlive/texmf-dist/bibtex/bib/biblatex/biblatex/biblatex-examples.bib",
                "latex-papers/snark-survey/cryptobib/crypto.bib")) {
            Path p = root.get().resolve(rel);
            if (Files.exists(p)) {
                SAMPLES.add(head(p, 60_000));
            }
        }
        try (var walk = Files.walk(root.get().resolve("zotero-bbt-fixtures"))) {
            walk.filter(p -> p.toString().endsWith(".bibtex")).sorted().limit(3).forEach(p -> {
                try {
                    SAMPLES.add(head(p, 20_000));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        Path acl = root.get().resolve("acl-anthology/anthology+abstracts.bib.gz");
        if (Files.exists(acl)) {
            SAMPLES.add(head(acl, 60_000));
        }
    }

    private static String head(Path p, int chars) throws IOException {
        try (Reader r = SourceFiles.open(p)) {
            char[] buf = new char[chars];
            int n = 0;
            while (n < chars) {
                int k = r.read(buf, n, chars - n);
                if (k < 0) {
                    break;
                }
                n += k;
            }
            return new String(buf, 0, n);
        }
    }

    private static void readOk(String text) {
        CollectingSink sink = new CollectingSink();
        try {
            new BibtexReader().read("mutated.bib", new StringReader(text), sink);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void randomBytes(long seed) {
        Random rnd = new Random(seed);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            for (int round = 0; round < 50; round++) {
                int len = rnd.nextInt(4000);
                StringBuilder sb = new StringBuilder(len);
                String alphabet = "@{}()\"#=,%\\ \n\tabcXYZ019~$'`-_^";
                for (int i = 0; i < len; i++) {
                    sb.append(rnd.nextInt(4) == 0 ? (char) rnd.nextInt(0x3000) : alphabet.charAt(rnd.nextInt(alphabet.length())));
                }
                readOk(sb.toString());
            }
        });
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112, 113, 114, 115})
    void mutationsOfRealFiles(long seed) {
        Random rnd = new Random(seed);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            for (String sample : SAMPLES) {
                for (int round = 0; round < 4; round++) {
                    readOk(mutate(sample, rnd));
                }
            }
        });
    }

    private static String mutate(String s, Random rnd) {
        StringBuilder sb = new StringBuilder(s);
        int edits = 1 + rnd.nextInt(20);
        String special = "@{}()\"#=,%\\\n";
        for (int e = 0; e < edits && !sb.isEmpty(); e++) {
            int at = rnd.nextInt(sb.length());
            switch (rnd.nextInt(5)) {
                case 0 -> sb.deleteCharAt(at);
                case 1 -> sb.insert(at, special.charAt(rnd.nextInt(special.length())));
                case 2 -> {
                    int len = Math.min(rnd.nextInt(200), sb.length() - at);
                    sb.insert(at, sb.substring(at, at + len));
                }
                case 3 -> sb.setLength(at);
                default -> sb.setCharAt(at, (char) rnd.nextInt(0x10000));
            }
        }
        return sb.toString();
    }
}
