package dev.paperlink.corpus.source;

import dev.paperlink.corpus.model.Paper;
import dev.paperlink.corpus.model.SourceFormat;
import dev.paperlink.corpus.model.SourceSpan;
import dev.paperlink.corpus.source.hf.ReaderFixtures;
import dev.paperlink.corpus.testing.CollectingSink;
import dev.paperlink.corpus.testing.SharedCorpora;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The seeded reader fuzz run of issue 10: for every format, {@value #DEFAULT_INPUTS} inputs made
 * from a fixed seed by mutating realistic documents of that format (the built-in seeds below, the
 * project's fixtures and, when {@code ../shared/corpora} is present, short slices of the shared
 * corpora). Each input is read on a worker thread with a time limit; the reader must return
 * normally (bad content is a {@link Skip}, never an exception: a {@code StringReader} raises no
 * {@link IOException}) and what it reports must be sane: skips and spans inside the input, records
 * of the reader's format, four-digit years, canonical identifiers, no bug nets caught.
 *
 * <p>Mutations: bit flips, damaged UTF-8 bytes, truncation, deleted, duplicated and swapped
 * slices, splices of two seed documents, structural tokens, line ends turned to CRLF or CR, and
 * hostile fragments (10,000 levels of nesting, 100 KB tokens, long arXiv-looking URLs, NUL and
 * control characters, lone surrogates, unterminated strings and comments, huge numbers, many
 * {@code @} signs, chains of doubling {@code @string} macros), inserted anywhere or as the value of a
 * field the format's reader looks at.
 *
 * <p>Replay: a failure names the seed, the format and the input's index; every input is built
 * from those three alone, so {@code -Dpaperlink.fuzz.seed=S -Dpaperlink.fuzz.index=I -Dtest=ReaderFuzzRunTest}
 * rebuilds exactly that input (with the same shared corpora, or none); the input itself is also
 * written to {@code target/reader-fuzz/}. {@code -Dpaperlink.fuzz.format=LABEL} (e.g. {@code csl-json}) runs one
 * format, {@code -Dpaperlink.fuzz.inputs=N} changes the count, {@code -Dpaperlink.fuzz.limitMillis=MS} the limit.
 */
class ReaderFuzzRunTest {
    static final long DEFAULT_SEED = 0x5EED_0010_2026L;
    static final int DEFAULT_INPUTS = 5_000;
    static final long DEFAULT_LIMIT_MILLIS = 2_000;
    /** A "very long token" and the depth of "deep nesting". */
    static final int LONG_TOKEN = 100_000;
    static final int DEEP = 10_000;
    /** One input in this many gets a big (100 KB or 10,000-level) fragment somewhere. */
    static final int BIG_ONE_IN = 8;
    /**
     * One input in this many is a sweep input: a seed document with one big fragment as the value
     * of one field, every field and every big fragment in turn, so that each mapper sees each one.
     */
    static final int SWEEP_ONE_IN = 5;
    /** One input in this many is read twice: readers are stateless, so both reads must agree. */
    static final int REREAD_ONE_IN = 16;

    private static final long SEED = Long.decode(System.getProperty("paperlink.fuzz.seed", Long.toString(DEFAULT_SEED)));
    private static final int INPUTS = Integer.getInteger("paperlink.fuzz.inputs", DEFAULT_INPUTS);
    private static final int ONLY_INDEX = Integer.getInteger("paperlink.fuzz.index", -1);
    private static final long LIMIT_MILLIS = Long.getLong("paperlink.fuzz.limitMillis", DEFAULT_LIMIT_MILLIS);
    private static final String ONLY_FORMAT = System.getProperty("paperlink.fuzz.format", "");
    private static final String FILE = "fuzz-input";
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\\d|3[01]))?)?");
    /**
     * Skip reasons that only the readers' catch-alls give: a mapper threw. The readers report
     * them so that one bad record does not lose a file, but a fuzz input reaching one is a bug.
     */
    private static final Set<String> BUG_NET_REASONS = Set.of("internal error", "bad item", "invalid record");
    private static final Map<SourceFormat, String> SUMMARY = new EnumMap<>(SourceFormat.class);
    private static final long CLASS_START = System.nanoTime();

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = SourceFormat.class, names = "ZOTERO_SQLITE", mode = EnumSource.Mode.EXCLUDE) // a database, not text: ZoteroSqliteRobustnessTest
    void readersSurviveTheSeededFuzzRun(SourceFormat format) throws Exception {
        assumeTrue(ONLY_FORMAT.isEmpty() || ONLY_FORMAT.equals(format.label()), "only " + ONLY_FORMAT);
        long start = System.nanoTime();
        SeedPool pool = SeedPool.of(format);
        System.err.printf(Locale.ROOT, "ReaderFuzzRunTest %s: seed %d (0x%x), %d inputs, %d seed documents (%d from the shared corpora), limit %d ms%n",
                format.label(), SEED, SEED, INPUTS, pool.documents.size(), pool.shared, LIMIT_MILLIS);
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "reader-fuzz-" + format.label());
            t.setDaemon(true); // a reader that hangs must not keep the test JVM alive
            return t;
        });
        Tally tally = new Tally();
        try {
            for (int index = 0; index < INPUTS; index++) {
                if (ONLY_INDEX >= 0 && index != ONLY_INDEX) {
                    continue;
                }
                FuzzInput input = Mutator.input(format, pool, index);
                CollectingSink sink = readWithLimit(worker, format, input, tally);
                String problem = Invariants.problem(format, input.text, sink);
                if (problem == null && index % REREAD_ONE_IN == 0) {
                    problem = Invariants.sameAgain(sink, readWithLimit(worker, format, input, tally));
                }
                if (problem != null) {
                    fail(report(format, input, problem));
                }
                tally.add(input, sink);
            }
        } finally {
            worker.shutdownNow();
        }
        String line = String.format(Locale.ROOT,
                "%-12s %5d inputs in %5.1f s: %6d papers, %6d skips, largest input %4d KB, slowest #%d %d ms",
                format.label(), tally.inputs, (System.nanoTime() - start) / 1e9, tally.papers, tally.skips,
                tally.largest / 1024, tally.slowestIndex, tally.slowestMillis);
        SUMMARY.put(format, line);
        System.err.println("ReaderFuzzRunTest " + line);
        assertTrue(ONLY_INDEX >= 0 || tally.inputs >= INPUTS, "every input was read");
    }

    @AfterAll
    static void printSummary() {
        System.err.printf(Locale.ROOT, "ReaderFuzzRunTest: seed %d, %d inputs per format, %.1f s in all%n", SEED, INPUTS,
                (System.nanoTime() - CLASS_START) / 1e9);
        SUMMARY.values().forEach(s -> System.err.println("  " + s));
        if (SharedCorpora.root().isEmpty()) {
            System.err.println("!!! ReaderFuzzRunTest: shared corpora absent (../shared/corpora, $PAPERLINK_SHARED):"
                    + " the shared seed documents were SKIPPED, only the built-in seeds were mutated");
        }
    }

    /** Reads one input on the worker; fails the test with the input when the limit passes or the reader throws. */
    private static CollectingSink readWithLimit(ExecutorService worker, SourceFormat format, FuzzInput input, Tally tally)
            throws InterruptedException {
        long t0 = System.nanoTime();
        Future<CollectingSink> answer = worker.submit(() -> CollectingSink.read(Readers.forFormat(format), FILE, input.text));
        try {
            CollectingSink sink = answer.get(LIMIT_MILLIS, TimeUnit.MILLISECONDS);
            tally.timed(input.index, (System.nanoTime() - t0) / 1_000_000);
            return sink;
        } catch (TimeoutException e) {
            answer.cancel(true);
            worker.shutdownNow();
            throw new AssertionError(report(format, input, "no answer within " + LIMIT_MILLIS + " ms (a hang or super-linear time)"));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof UncheckedIOException u ? u.getCause() : e.getCause();
            throw new AssertionError(report(format, input, "the reader threw " + cause
                    + (cause instanceof IOException ? " (bad content must be a skip; a StringReader raises no IOException)" : "")), cause);
        }
    }

    private static String report(SourceFormat format, FuzzInput input, String problem) {
        Path saved = Path.of("target", "reader-fuzz", format.label() + "-seed" + SEED + "-" + input.index + ".txt");
        try {
            Files.createDirectories(saved.getParent());
            Files.write(saved, input.text.getBytes(StandardCharsets.UTF_8)); // lone surrogates become '?'
        } catch (IOException | RuntimeException e) {
            saved = null;
        }
        return String.format(Locale.ROOT, "%s reader, input #%d of seed %d: %s%n  replay: -Dtest=ReaderFuzzRunTest -Dpaperlink.fuzz.seed=%d"
                        + " -Dpaperlink.fuzz.format=%s -Dpaperlink.fuzz.index=%d (saved as %s)%n  input: %d chars, %d line breaks,"
                        + " mutations %s%n  starts: %s%n  hex:    %s",
                format.label(), input.index, SEED, problem, SEED, format.label(), input.index, saved, input.text.length(),
                Invariants.lineBreaks(input.text), input.mutations, preview(input.text, 160), hex(input.text, 48));
    }

    /** The start of a text with everything but printable ASCII escaped. */
    static String preview(String s, int chars) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(chars, s.length()); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                sb.append(c);
            } else if (c == '\n') {
                sb.append("\\n");
            } else {
                sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            }
        }
        return sb + (s.length() > chars ? "..." : "");
    }

    /** The first UTF-16 units of a text in hex. */
    static String hex(String s, int units) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(units, s.length()); i++) {
            sb.append(String.format(Locale.ROOT, "%04x ", (int) s.charAt(i)));
        }
        return sb.toString().strip();
    }

    /** One generated input: its index, its text and the mutations that made it. */
    record FuzzInput(int index, String text, List<String> mutations) {
    }

    /** Counts for the summary line of a format. */
    private static final class Tally {
        int inputs;
        long papers;
        long skips;
        int largest;
        int slowestIndex;
        long slowestMillis = -1;

        void add(FuzzInput input, CollectingSink sink) {
            inputs++;
            papers += sink.papers.size();
            skips += sink.skips.size();
            largest = Math.max(largest, input.text.length());
        }

        void timed(int index, long millis) {
            if (millis > slowestMillis) {
                slowestMillis = millis;
                slowestIndex = index;
            }
        }
    }

    /** What a reader's answer must satisfy, whatever the input. Each check returns a problem or null. */
    static final class Invariants {
        private Invariants() {
        }

        /** Line terminators as any of the parsers counts them (\n, \r, NEL, LS, PS); an upper bound of the line count less one. */
        static int lineBreaks(String text) {
            int n = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                    n++;
                }
            }
            return n;
        }

        static String problem(SourceFormat format, String text, CollectingSink sink) {
            int lastLine = lineBreaks(text) + 1;
            for (Skip s : sink.skips) {
                String p = skipProblem(s, lastLine);
                if (p != null) {
                    return p + ": " + s;
                }
            }
            for (Paper paper : sink.papers) {
                String p = paperProblem(format, paper, lastLine);
                if (p != null) {
                    return p + ": " + brief(paper);
                }
            }
            return format == SourceFormat.ARXIV_JSONL ? oneOutcomePerLine(sink) : null;
        }

        private static String skipProblem(Skip s, int lastLine) {
            if (!FILE.equals(s.file())) {
                return "skip names another file";
            }
            if (s.line() < 1 || s.line() > lastLine) {
                return "skip line outside the input's " + lastLine + " lines";
            }
            if (s.reason() == null || s.reason().isBlank() || s.message() == null || s.message().isBlank()) {
                return "skip without a reason or a message";
            }
            if (BUG_NET_REASONS.contains(s.reason())) {
                return "a mapper threw (caught by the reader's catch-all)";
            }
            return null;
        }

        private static String paperProblem(SourceFormat format, Paper p, int lastLine) {
            if (p.sources().isEmpty()) {
                return "paper without a source span";
            }
            SourceSpan span = p.sources().get(0);
            if (!FILE.equals(span.file()) || span.format() != format) {
                return "span of another file or format: " + span;
            }
            if (span.startLine() < 1 || span.endLine() > lastLine) {
                return "span outside the input's " + lastLine + " lines: " + span;
            }
            if (span.keyLine() < span.startLine() || span.keyLine() > span.endLine() || span.keyColumn() < 0) {
                return "key position outside the record: " + span;
            }
            if (!span.key().equals(p.key())) {
                return "span key '" + span.key() + "' is not the paper's key";
            }
            if (!p.year().isEmpty() && !YEAR.matcher(p.year()).matches()) {
                return "year is not four digits";
            }
            if (format != SourceFormat.BIBTEX && !isoDateOfYear(p.date(), p.year())) {
                // BibTeX passes biblatex's date field through as written
                return "date is not an ISO date of the paper's year";
            }
            if (!p.arxivId().isEmpty() && !Identifiers.arxivId(p.arxivId()).equals(p.arxivId())) {
                return "arXiv id is not a bare id";
            }
            if (!p.doi().isEmpty() && !Identifiers.doiAsWritten(p.doi()).equals(p.doi())) {
                return "DOI is not a bare DOI"; // shown as written; matched lower-cased (Identifiers.doi)
            }
            return identityProblem(format, p);
        }

        private static boolean isoDateOfYear(String date, String year) {
            if (date.isEmpty()) {
                return true;
            }
            var m = ISO_DATE.matcher(date);
            return m.matches() && m.group(1).equals(year);
        }

        /** What each format promises a paper has: a title, or for CSL and Zotero a title or an identifier. */
        private static String identityProblem(SourceFormat format, Paper p) {
            switch (format) {
                case ARXIV_JSONL, HF_PAGE_TEXT, HF_JSON -> {
                    return p.title().isBlank() ? "paper without a title" : null;
                }
                case CSL_JSON, CSL_YAML, ZOTERO_JSON -> {
                    boolean named = !p.title().isEmpty() || !p.key().isEmpty() || !p.doi().isEmpty() || !p.arxivId().isEmpty()
                            || !p.url().isEmpty();
                    return named ? null : "paper without a title or an identifier";
                }
                default -> {
                    return null;
                }
            }
        }

        /** arXiv JSON lines: a line gives one paper or one skip, never more. */
        private static String oneOutcomePerLine(CollectingSink sink) {
            Set<Integer> lines = new HashSet<>();
            for (Paper p : sink.papers) {
                if (!lines.add(p.sources().get(0).startLine())) {
                    return "two outcomes for line " + p.sources().get(0).startLine();
                }
            }
            for (Skip s : sink.skips) {
                if (!lines.add(s.line())) {
                    return "two outcomes for line " + s.line() + ": " + s;
                }
            }
            return null;
        }

        /** Papers equal, skips at the same lines for the same reasons (a parser's message may vary with its buffers). */
        static String sameAgain(CollectingSink first, CollectingSink second) {
            if (!first.papers.equals(second.papers) || !where(first.skips).equals(where(second.skips))) {
                return "a second read of the same input gave another answer";
            }
            return null;
        }

        private static List<String> where(List<Skip> skips) {
            return skips.stream().map(s -> s.file() + ":" + s.line() + ": " + s.reason()).toList();
        }

        private static String brief(Paper p) {
            String s = p.toString();
            return s.length() > 600 ? s.substring(0, 600) + "..." : s;
        }
    }

    /** The documents a format's inputs are made from: built-in seeds, fixtures, shared-corpus slices. */
    static final class SeedPool {
        final List<String> documents = new ArrayList<>();
        int shared;

        static SeedPool of(SourceFormat format) throws IOException {
            SeedPool pool = new SeedPool();
            pool.documents.addAll(BuiltInSeeds.of(format));
            for (Path p : fixtureFiles(format)) {
                pool.documents.add(Files.readString(p, StandardCharsets.UTF_8));
            }
            Optional<Path> root = SharedCorpora.root();
            if (root.isEmpty()) {
                System.err.println("!!! ReaderFuzzRunTest " + format.label() + ": shared corpora absent (../shared/corpora,"
                        + " $PAPERLINK_SHARED): shared seed documents SKIPPED, mutating the built-in seeds only");
            } else {
                List<String> slices = SharedSlices.of(format, root.get(), new SplittableRandom(SEED ^ format.ordinal()));
                pool.shared = slices.size();
                pool.documents.addAll(slices);
            }
            return pool;
        }

        private static List<Path> fixtureFiles(SourceFormat format) {
            return switch (format) {
                case BIBTEX -> fixtures("bibtex/BibtexReaderFuzzTestInputs/readsAnything");
                case CSL_JSON -> List.of(resource("csl/sample.csl.json"));
                case CSL_YAML -> List.of(resource("csl/sample.csl.yaml"));
                case ZOTERO_JSON -> List.of(resource("zotero/sample-bbt.json"));
                case ARXIV_JSONL -> fixtures("arxiv/fixtures");
                case HF_PAGE_TEXT -> Stream.concat(fixtures("hf/fixtures").stream(),
                        fixtures("hf/HfPageTextReaderFuzzTestInputs/fuzz").stream()).toList();
                case HF_JSON -> fixtures("hf/json-fixtures");
                case HAYAGRIVA -> List.of(resource("hayagriva/sample.yml"));
                case ZOTERO_SQLITE -> throw new IllegalArgumentException("not a text format");
            };
        }

        private static List<Path> fixtures(String folder) {
            return ReaderFixtures.inputs(ReaderFuzzRunTest.class, folder).toList();
        }

        private static Path resource(String name) {
            try {
                return Path.of(ReaderFuzzRunTest.class.getResource(name).toURI());
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Short slices of the shared corpora, chosen by the seed; what a folder lacks is left out. */
    static final class SharedSlices {
        private static final int MAX_READ = 1 << 20;
        private static final int SLICE = 6_000;

        private SharedSlices() {
        }

        static List<String> of(SourceFormat format, Path root, SplittableRandom rnd) throws IOException {
            List<String> out = new ArrayList<>();
            switch (format) {
                case BIBTEX -> {
                    slices(out, pick(files(root, "texlive-bib", ".bib"), 10, rnd), "\n@", rnd);
                    slices(out, pick(files(root, "zotero-bbt-fixtures", ".bib", ".bibtex", ".biblatex"), 6, rnd), "\n@", rnd);
                }
                case CSL_JSON -> {
                    heads(out, pick(files(root, "csl-json/inputs", ".json"), 14, rnd));
                    heads(out, pick(files(root, "zotero-bbt-fixtures", ".csl.json"), 4, rnd));
                }
                case CSL_YAML -> slices(out, pick(files(root, "zotero-bbt-fixtures", ".csl.yml", ".csl.yaml", ".yml", ".yaml"), 8, rnd),
                        "\n- ", rnd);
                case ZOTERO_JSON -> heads(out, pick(files(root, "zotero-bbt-fixtures", ".json").stream()
                        .filter(p -> !p.getFileName().toString().endsWith(".csl.json")).toList(), 12, rnd));
                case ARXIV_JSONL -> {
                    List<Path> snapshots = files(root, "arxiv-metadata", ".jsonl");
                    heads(out, snapshots);
                    slices(out, snapshots, "\n", rnd);
                }
                case HF_PAGE_TEXT -> {
                    List<Path> pages = files(root, "seeds", ".txt");
                    heads(out, pages);
                    slices(out, pages, "\n\n", rnd);
                }
                case HF_JSON -> heads(out, pick(files(root, "hf-daily-papers-json", ".json"), 8, rnd));
            }
            return out;
        }

        private static List<Path> files(Path root, String folder, String... suffixes) throws IOException {
            Path dir = root.resolve(folder);
            if (!Files.isDirectory(dir)) {
                System.err.println("!!! ReaderFuzzRunTest: shared corpus '" + folder + "' absent, its seeds SKIPPED");
                return List.of();
            }
            try (Stream<Path> walk = Files.walk(dir)) {
                return walk.filter(Files::isRegularFile)
                        .filter(p -> Stream.of(suffixes).anyMatch(s -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(s)))
                        .sorted()
                        .toList();
            }
        }

        private static List<Path> pick(List<Path> files, int count, SplittableRandom rnd) {
            List<Path> left = new ArrayList<>(files);
            List<Path> picked = new ArrayList<>();
            while (picked.size() < count && !left.isEmpty()) {
                picked.add(left.remove(rnd.nextInt(left.size())));
            }
            return picked;
        }

        private static String text(Path p) throws IOException {
            try (InputStream in = Files.newInputStream(p)) {
                return new String(in.readNBytes(MAX_READ), StandardCharsets.UTF_8);
            }
        }

        /** The first {@value #SLICE} characters (the whole file when it is short), where the headers are. */
        private static void heads(List<String> out, List<Path> files) throws IOException {
            for (Path p : files) {
                String t = text(p);
                out.add(t.substring(0, Math.min(t.length(), SLICE)));
            }
        }

        /** Two slices of each file, from one record boundary (a line starting {@code boundary}) to a later one. */
        private static void slices(List<String> out, List<Path> files, String boundary, SplittableRandom rnd) throws IOException {
            for (Path p : files) {
                String t = text(p);
                for (int k = 0; k < 2 && !t.isEmpty(); k++) {
                    int from = t.indexOf(boundary, rnd.nextInt(t.length()));
                    from = from < 0 ? 0 : from + 1;
                    int to = t.indexOf(boundary, Math.min(t.length(), from + SLICE / 4 + rnd.nextInt(SLICE)));
                    out.add(t.substring(from, to < 0 ? t.length() : to + 1));
                }
            }
        }
    }

    /** Builds input {@code index} of a format from the seed alone, and records how. */
    static final class Mutator {
        private final SourceFormat format;
        private final SeedPool pool;
        private final SplittableRandom rnd;
        private final List<String> log = new ArrayList<>();

        private Mutator(SourceFormat format, SeedPool pool, SplittableRandom rnd) {
            this.format = format;
            this.pool = pool;
            this.rnd = rnd;
        }

        static FuzzInput input(SourceFormat format, SeedPool pool, int index) {
            long mixed = SEED * 0x9E3779B97F4A7C15L + (long) format.ordinal() * 0xBF58476D1CE4E5B9L + index;
            Mutator m = new Mutator(format, pool, new SplittableRandom(mixed));
            int base = m.rnd.nextInt(pool.documents.size());
            m.log.add("seed-document " + base);
            StringBuilder text = new StringBuilder(pool.documents.get(base));
            if (index % SWEEP_ONE_IN == SWEEP_ONE_IN - 1) {
                m.sweep(text, index / SWEEP_ONE_IN);
                return new FuzzInput(index, text.toString(), List.copyOf(m.log));
            }
            int edits = 1 + m.rnd.nextInt(6);
            for (int e = 0; e < edits; e++) {
                m.mutate(text);
            }
            if (m.rnd.nextInt(BIG_ONE_IN) == 0) {
                m.insertHostile(text, true);
            }
            return new FuzzInput(index, text.toString(), List.copyOf(m.log));
        }

        /** Sweep input {@code k}: field {@code k mod fields}, big fragment {@code k / fields}. */
        private void sweep(StringBuilder t, int k) {
            String[] fields = Fragments.fieldNames(format);
            String field = fields[k % fields.length];
            Fragments.Fragment f = Fragments.big(k / fields.length, format);
            int at = Fragments.asField(format, t, field, f.text(), rnd);
            log.add("sweep: " + f.name() + " as field " + field + " @" + at);
        }

        private void mutate(StringBuilder t) {
            switch (rnd.nextInt(13)) {
                case 0 -> flipBit(t);
                case 1 -> damageUtf8(t);
                case 2 -> truncate(t);
                case 3 -> deleteSlice(t);
                case 4 -> duplicateSlice(t);
                case 5 -> swapSlices(t);
                case 6 -> splice(t);
                case 7, 8 -> insertToken(t);
                case 9, 10 -> insertHostile(t, false);
                case 11 -> lineEnds(t);
                default -> replaceChar(t);
            }
        }

        private int at(StringBuilder t) {
            return rnd.nextInt(t.length() + 1);
        }

        private void flipBit(StringBuilder t) {
            if (t.isEmpty()) {
                return;
            }
            int i = rnd.nextInt(t.length());
            int bit = rnd.nextInt(8) + (rnd.nextInt(4) == 0 ? 8 : 0);
            t.setCharAt(i, (char) (t.charAt(i) ^ (1 << bit)));
            log.add("flip bit " + bit + " @" + i);
        }

        /** Bytes of the UTF-8 encoding damaged, then decoded as a file is (invalid bytes replaced). */
        private void damageUtf8(StringBuilder t) {
            byte[] bytes = t.toString().getBytes(StandardCharsets.UTF_8);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(bytes.length + 16);
            int at = rnd.nextInt(bytes.length + 1);
            byte[][] bad = {{(byte) 0xff}, {(byte) 0xc0, (byte) 0xaf}, {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
                {(byte) 0xe2, (byte) 0x82}, {(byte) 0x80}, {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {0}};
            int kind = rnd.nextInt(bad.length + 1);
            if (kind == bad.length && bytes.length > 0) {
                int i = Math.min(at, bytes.length - 1);
                bytes[i] ^= (byte) (1 << rnd.nextInt(8));
                out.writeBytes(bytes);
                log.add("flip a bit of byte " + i);
            } else {
                byte[] b = bad[kind % bad.length];
                out.write(bytes, 0, at);
                out.writeBytes(b);
                out.write(bytes, at, bytes.length - at);
                log.add("invalid UTF-8 " + kind + " @byte " + at);
            }
            t.setLength(0);
            t.append(new String(out.toByteArray(), StandardCharsets.UTF_8));
        }

        private void truncate(StringBuilder t) {
            int at = at(t);
            t.setLength(at);
            log.add("truncate @" + at);
        }

        private int sliceLength(StringBuilder t, int from) {
            int max = rnd.nextInt(4) == 0 ? Math.max(1, t.length() / 3) : 200;
            return Math.min(t.length() - from, 1 + rnd.nextInt(max));
        }

        private void deleteSlice(StringBuilder t) {
            int from = at(t);
            int len = sliceLength(t, from);
            t.delete(from, from + len);
            log.add("delete " + len + " @" + from);
        }

        private void duplicateSlice(StringBuilder t) {
            int from = at(t);
            int len = sliceLength(t, from);
            String slice = t.substring(from, from + len);
            int to = rnd.nextBoolean() ? from + len : at(t);
            int times = rnd.nextInt(8) == 0 ? 2 + rnd.nextInt(30) : 1;
            t.insert(to, slice.repeat(times));
            log.add("duplicate " + len + " @" + from + " x" + times + " to " + to);
        }

        private void swapSlices(StringBuilder t) {
            if (t.length() < 4) {
                return;
            }
            int a = rnd.nextInt(t.length() / 2);
            int aLen = Math.min(sliceLength(t, a), t.length() / 2 - a);
            int b = t.length() / 2 + rnd.nextInt(t.length() - t.length() / 2);
            int bLen = sliceLength(t, b);
            String first = t.substring(a, a + aLen);
            String second = t.substring(b, b + bLen);
            t.replace(b, b + bLen, first);
            t.replace(a, a + aLen, second);
            log.add("swap " + aLen + " @" + a + " with " + bLen + " @" + b);
        }

        /** The head of this document and the tail of another, or a piece of another put in. */
        private void splice(StringBuilder t) {
            int other = rnd.nextInt(pool.documents.size());
            String o = pool.documents.get(other);
            int cut = at(t);
            int from = rnd.nextInt(o.length() + 1);
            if (rnd.nextBoolean()) {
                t.setLength(cut);
                t.append(o, from, o.length());
                log.add("splice head " + cut + " + seed-document " + other + " from " + from);
            } else {
                int len = Math.min(o.length() - from, rnd.nextInt(2_000));
                t.insert(cut, o, from, from + len);
                log.add("insert " + len + " of seed-document " + other + " @" + cut);
            }
        }

        private void insertToken(StringBuilder t) {
            String[] tokens = Fragments.tokens(format);
            String token = tokens[rnd.nextInt(tokens.length)];
            int at = at(t);
            t.insert(at, token);
            log.add("token " + preview(token, 20) + " @" + at);
        }

        private void lineEnds(StringBuilder t) {
            String to = switch (rnd.nextInt(3)) {
                case 0 -> "\r\n";
                case 1 -> "\r";
                default -> "\n\r";
            };
            String replaced = t.toString().replace("\n", to);
            t.setLength(0);
            t.append(replaced);
            log.add("line ends to " + preview(to, 4));
        }

        private void replaceChar(StringBuilder t) {
            if (t.isEmpty()) {
                return;
            }
            int i = rnd.nextInt(t.length());
            char c = rnd.nextBoolean() ? (char) (0x20 + rnd.nextInt(0x5f)) : (char) rnd.nextInt(0x10000);
            t.setCharAt(i, c);
            log.add("char " + preview(String.valueOf(c), 1) + " @" + i);
        }

        /** A hostile fragment put anywhere, or as the value of a field the reader looks at. */
        private void insertHostile(StringBuilder t, boolean big) {
            Fragments.Fragment f = big ? Fragments.big(rnd.nextInt(Fragments.BIG_FAMILIES), format) : Fragments.hostile(rnd, format);
            if (rnd.nextBoolean()) {
                int at = at(t);
                t.insert(at, f.text());
                log.add("hostile " + f.name() + " @" + at);
            } else {
                String field = Fragments.fieldNames(format)[rnd.nextInt(Fragments.fieldNames(format).length)];
                int at = Fragments.asField(format, t, field, f.text(), rnd);
                log.add("hostile " + f.name() + " as field " + field + " @" + at);
            }
        }
    }

    /** Tokens and hostile fragments, and how to put a fragment in as a field value of each format. */
    static final class Fragments {
        record Fragment(String name, String text) {
        }

        private static final String[] BIBTEX_TOKENS = {"@", "{", "}", "(", ")", "\"", "#", "=", ",", "%", "\\", "\n",
            "@string{", "@comment{", "@preamble{", "crossref = {", "xdata = ", "\\'", "$", "~", " and ", "others", "{\\\"o}",
            "\\url{", "@article{", "month = ", "--", "``"};
        private static final String[] JSON_TOKENS = {"{", "}", "[", "]", "\"", ",", ":", "\\", "\\u", "null", "true", "-",
            "1e5", "\n", "//", "/*", "\"title\":", "\"items\":[", "\"papers\":[", "\"paper\":{", "\"authors_parsed\":[[",
            "\"date-parts\":[[", "\"data\":{", "\"metadata\":{", "\"id\":", "\"\",", "{}", "[]", "<i>", "&amp;"};
        private static final String[] YAML_TOKENS = {"- ", ": ", "\n", "  ", "\t", "---\n", "...\n", "&a ", "*a", "!!str ",
            "!!binary ", "? ", "|", ">", "#", "'", "\"", "[", "]", "{", "}", "%YAML 1.2\n", "<<: *a\n", "references:\n",
            "date-parts:\n  - - ", "\n- id: ", "\n  title: ", "!!map "};
        private static final String[] PAGE_TOKENS = {"\n", "\n\n", "•", "·", "\n• 3 authors\n", "\nMar 13\n",
            "\nFeb 29, 2024 12\n", "upvote", "\nSubscribe\n", "\narXiv:2401.12345\n", "\nhttps://huggingface.co/papers/2401.12345\n",
            "\n12\n", "\u00a0", ".", "\n·\n", "\nDaily Papers\n"};

        private Fragments() {
        }

        static String[] tokens(SourceFormat format) {
            return switch (format) {
                case BIBTEX -> BIBTEX_TOKENS;
                case CSL_YAML, HAYAGRIVA -> YAML_TOKENS;
                case HF_PAGE_TEXT -> PAGE_TOKENS;
                default -> JSON_TOKENS;
            };
        }

        /** Fields each reader maps (a hostile value there reaches the mapper, not only the parser). */
        static String[] fieldNames(SourceFormat format) {
            return switch (format) {
                case BIBTEX -> new String[] {"title", "author", "editor", "year", "date", "month", "day", "journal", "booktitle",
                    "doi", "url", "urls", "eprint", "crossref", "xdata", "file", "keywords", "abstract"};
                case CSL_JSON, CSL_YAML -> new String[] {"id", "title", "author", "issued", "note", "DOI", "URL", "citation-key",
                    "container-title", "keyword", "number", "publisher", "genre", "type", "abstract"};
                case ZOTERO_JSON -> new String[] {"itemType", "title", "extra", "date", "DOI", "url", "citationKey", "creators",
                    "tags", "archiveID", "publicationTitle", "number", "abstractNote"};
                case ARXIV_JSONL -> new String[] {"id", "title", "authors", "abstract", "doi", "journal-ref", "categories",
                    "update_date", "versions", "authors_parsed"};
                case HF_JSON -> new String[] {"title", "authors", "abstract", "summary", "arxivId", "id", "pdfUrl", "url",
                    "publishedAt", "upvotes", "date", "tags"};
                case HF_PAGE_TEXT -> new String[] {"title", "abstract", "authors", "date", "organisation", "arxiv"};
                case HAYAGRIVA -> new String[] {"type", "title", "author", "editor", "date", "parent", "doi", "url",
                    "serial-number", "abstract", "keywords"};
                case ZOTERO_SQLITE -> throw new IllegalArgumentException("not a text format");
            };
        }

        /** Puts {@code value} in as field {@code field} of a record (or of a new one); returns where. */
        static int asField(SourceFormat format, StringBuilder t, String field, String value, SplittableRandom rnd) {
            switch (format) {
                case BIBTEX -> {
                    String entry = rnd.nextBoolean()
                            ? ", " + field + " = {" + value + "}"
                            : ",\n  " + field + " = \"" + value + "\"";
                    int comma = t.indexOf(",", rnd.nextInt(t.length() + 1));
                    int at = comma < 0 ? t.length() : comma;
                    t.insert(at, comma < 0 ? "\n@misc{fz" + entry + "}\n" : entry);
                    return at;
                }
                case CSL_YAML, HAYAGRIVA -> {
                    int nl = t.indexOf("\n", rnd.nextInt(t.length() + 1));
                    int at = nl < 0 ? t.length() : nl;
                    t.insert(at, rnd.nextBoolean() ? "\n  " + field + ": \"" + yamlEscaped(value) + "\""
                            : "\n- " + field + ": " + value);
                    return at;
                }
                case HF_PAGE_TEXT -> {
                    int nl = t.indexOf("\n", rnd.nextInt(t.length() + 1));
                    int at = nl < 0 ? t.length() : nl;
                    t.insert(at, "\n" + pageLine(field, value) + "\n");
                    return at;
                }
                default -> {
                    // JSON: after an object's '{' (an earlier duplicate loses) or before its '}' (it wins)
                    boolean last = rnd.nextBoolean();
                    int brace = t.indexOf(last ? "}" : "{", rnd.nextInt(t.length() + 1));
                    String member = "\"" + field + "\": " + jsonValue(field, value, rnd);
                    if (brace < 0) {
                        String line = "{" + member + "}\n";
                        t.append(line);
                        return t.length() - line.length();
                    }
                    t.insert(last ? brace : brace + 1, last ? ", " + member : member + ", ");
                    return brace;
                }
            }
        }

        private static String pageLine(String field, String value) {
            return switch (field) {
                case "authors" -> "• " + value;
                case "date" -> "Mar 13, " + value;
                case "organisation" -> value + "\n·";
                case "arxiv" -> "https://arxiv.org/abs/" + value;
                default -> value;
            };
        }

        private static String jsonValue(String field, String value, SplittableRandom rnd) {
            String string = "\"" + jsonEscaped(value) + "\"";
            return switch (rnd.nextInt(4)) {
                case 0 -> value; // raw: a number, a nesting, or broken JSON
                case 1 -> field.equals("versions") ? "[{\"version\": \"v1\", \"created\": " + string + "}]" : "[" + string + "]";
                default -> string;
            };
        }

        static String jsonEscaped(String s) {
            StringBuilder sb = new StringBuilder(s.length() + 16);
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '"' || c == '\\') {
                    sb.append('\\').append(c);
                } else if (c == '\n') {
                    sb.append("\\n");
                } else if (c < 0x20 || Character.isSurrogate(c)) {
                    sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                } else {
                    sb.append(c);
                }
            }
            return sb.toString();
        }

        private static String yamlEscaped(String s) {
            return jsonEscaped(s); // YAML's double-quoted style reads JSON's escapes
        }

        /** The number of big fragments {@link #big} cycles through. */
        static final int BIG_FAMILIES = 16;

        /**
         * Big fragment {@code family} (modulo {@link #BIG_FAMILIES}): 10,000 levels of nesting, a
         * 100 KB token (blanks, line breaks between words, letters, backslashes, digits, accents, tags,
         * name lists), a long arXiv-looking URL, 100 KB of {@code @}, lone surrogates or, in BibTeX,
         * a chain of doubling {@code @string} macros.
         */
        static Fragment big(int family, SourceFormat format) {
            int n = LONG_TOKEN;
            return switch (family % BIG_FAMILIES) {
                case 0 -> new Fragment("nesting { x" + DEEP, "{".repeat(DEEP));
                case 1 -> new Fragment("nesting [ x" + DEEP + " closed", "[".repeat(DEEP) + "]".repeat(DEEP));
                case 2 -> new Fragment("blanks x" + n, " ".repeat(n));
                case 3 -> new Fragment("line breaks x" + n + " between words", "x" + "\n".repeat(n) + "x");
                case 4 -> new Fragment("blank lines x" + n / 2 + " between words", "x" + " \r\n".repeat(n / 3) + "x");
                case 5 -> new Fragment("letters x" + n, "a".repeat(n));
                case 6 -> new Fragment("backslashes x" + n, "\\".repeat(n));
                case 7 -> new Fragment("arXiv-looking URL of " + n, "https://arxiv.org/abs/" + "a".repeat(n) + "/1234567");
                case 8 -> new Fragment("digits x" + n, "9".repeat(n));
                case 9 -> new Fragment("@ x" + n, "@".repeat(n));
                case 10 -> new Fragment("tabs x" + n, "\t".repeat(n));
                case 11 -> new Fragment("accents x" + n / 5, "{\\'e}".repeat(n / 5));
                case 12 -> new Fragment("tags x" + n / 3, "<i>".repeat(n / 3));
                case 13 -> new Fragment("names x" + n / 3, "x, ".repeat(n / 3));
                case 14 -> new Fragment("'and' x" + n / 6, "a and ".repeat(n / 6));
                default -> format == SourceFormat.BIBTEX ? macroChain(46) : new Fragment("lone surrogates x" + n / 2,
                        "\uD800x".repeat(n / 2));
            };
        }

        /** A small hostile fragment (up to 5,000 characters or 300 levels). */
        static Fragment hostile(SplittableRandom rnd, SourceFormat format) {
            int size = 1 + rnd.nextInt(rnd.nextInt(4) == 0 ? 5_000 : 100);
            int depth = 1 + rnd.nextInt(300);
            switch (rnd.nextInt(11)) {
                case 0 -> {
                    return nesting(rnd, depth, format);
                }
                case 1, 2 -> {
                    return longToken(rnd, size);
                }
                case 3 -> {
                    return arxivLooking(rnd, size);
                }
                case 4 -> {
                    return format == SourceFormat.BIBTEX ? macroChain(10 + rnd.nextInt(40)) : manyAts(rnd, size);
                }
                case 5 -> {
                    return controls(rnd);
                }
                case 6 -> {
                    return loneSurrogates(rnd);
                }
                case 7 -> {
                    return unterminated(rnd);
                }
                case 8 -> {
                    return hugeNumber(rnd, size);
                }
                case 9 -> {
                    return manyAts(rnd, size);
                }
                default -> {
                    String[] ends = {"\r", "\r\n", "\r\r\n", "\n\r", "\r\n\r\n", "\u2028", "\u0085"};
                    String e = ends[rnd.nextInt(ends.length)];
                    return new Fragment("line-end " + preview(e, 8), e);
                }
            }
        }

        private static Fragment nesting(SplittableRandom rnd, int depth, SourceFormat format) {
            String[][] pairs = {{"{", "}"}, {"[", "]"}, {"(", ")"}, {"{[", "]}"}, {"[{\"a\":", "}]"}, {"- ", ""}, {"\\'{", "}"}};
            String[] pair = pairs[rnd.nextInt(pairs.length)];
            boolean closed = rnd.nextBoolean();
            String text = pair[0].repeat(depth) + (closed ? pair[1].repeat(depth) : "");
            return new Fragment("nesting " + pair[0] + " x" + depth + (closed ? " closed" : ""), text);
        }

        private static Fragment longToken(SplittableRandom rnd, int size) {
            String[] units = {"a", " ", "\t", "\\", "9", "\\n", "\n", "é", "\uD835\uDD38", "-", "'", "$", "%", "&amp;", "<i>",
                "{\\'e}", " and ", ", ", ".", "x,", "\r\n", "\n ", "`", "~", "/", ":", "•"};
            String unit = units[rnd.nextInt(units.length)];
            return new Fragment("long token " + preview(unit, 8) + " x" + Math.max(1, size / unit.length()),
                    unit.repeat(Math.max(1, size / unit.length())));
        }

        private static Fragment arxivLooking(SplittableRandom rnd, int size) {
            String[] forms = {"https://arxiv.org/abs/%s/1234567", "arXiv:%s", "https://arxiv.org/abs/2401.%s",
                "10.48550/arXiv.%s", "https://huggingface.co/papers/%s", "https://doi.org/10.1000/%s", "%s/9901001",
                "https://arxiv.org/pdf/%s.12345v2"};
            String[] fills = {"a", "1", "ab-", "a/1234567", "hep-th/", "-", ".", "A"};
            String fill = fills[rnd.nextInt(fills.length)];
            String form = forms[rnd.nextInt(forms.length)];
            return new Fragment("arXiv-looking " + form + " with " + fill, String.format(Locale.ROOT, form,
                    fill.repeat(Math.max(1, size / fill.length()))));
        }

        private static Fragment controls(SplittableRandom rnd) {
            StringBuilder sb = new StringBuilder();
            String specials = "\u0000\u0001\u0007\u0008\u000b\u000c\u001b\u007f\u0085\u009b\u00ad\u200b\u202e\u2066\ufeff\ufffe\uffff";
            int n = 1 + rnd.nextInt(64);
            for (int i = 0; i < n; i++) {
                sb.append(rnd.nextBoolean() ? specials.charAt(rnd.nextInt(specials.length())) : (char) rnd.nextInt(0x20));
            }
            return new Fragment("controls x" + n, sb.toString());
        }

        private static Fragment loneSurrogates(SplittableRandom rnd) {
            String[] forms = {"\uD800", "\uDBFF", "\uDC00x", "x\uD800\uD800", "\\uD800", "\\udc00\\ud800", "\"\\uDFFF\"",
                "\uD83D", "\\ud83d\\u"};
            String s = forms[rnd.nextInt(forms.length)];
            return new Fragment("lone surrogate " + preview(s, 16), s);
        }

        private static Fragment unterminated(SplittableRandom rnd) {
            String[] forms = {"\"", "\"abc", "{", "@comment{", "%", "/*", "'", "\"\\", "---\n", "|\n", "[", "@article{x, title = {",
                "<i>", "&#x", "\\url{", "@string{a = \"", "{\"title\": \"", "- title: '", "<!--", "\\", "@preamble{\"", "@comment("};
            String s = forms[rnd.nextInt(forms.length)];
            return new Fragment("unterminated " + preview(s, 24), s);
        }

        private static Fragment hugeNumber(SplittableRandom rnd, int size) {
            String[] forms = {"1e999999999", "-1e-999999999", "9".repeat(Math.max(20, size)), "0." + "0".repeat(size) + "1",
                "99999999999999999999", "1E+2147483648", "NaN", "-Infinity", "0x7fffffff", "-0", "18446744073709551616",
                "2147483648", "-9223372036854775809"};
            String s = forms[rnd.nextInt(forms.length)];
            return new Fragment("huge number " + preview(s, 24), s);
        }

        private static Fragment manyAts(SplittableRandom rnd, int size) {
            String[] units = {"@", "@a{", "@string{x=", "@ ", "@comment{", "@{", "@@", "\n@misc{k,"};
            String unit = units[rnd.nextInt(units.length)];
            int n = Math.max(1, size / unit.length());
            return new Fragment("many " + preview(unit, 12) + " x" + n, unit.repeat(n));
        }

        /** {@code @string} macros each twice the one before: a billion laughs in BibTeX. */
        private static Fragment macroChain(int length) {
            StringBuilder sb = new StringBuilder("\n@string{fz0 = \"0123456789abcdef\"}\n");
            for (int i = 1; i <= length; i++) {
                sb.append("@string{fz").append(i).append(" = fz").append(i - 1).append(" # fz").append(i - 1).append("}\n");
            }
            sb.append("@misc{fzbomb, title = fz").append(length).append("}\n");
            return new Fragment("doubling @string chain of " + length, sb.toString());
        }
    }

    /** Small, realistic documents of each format, written here so that the run has seeds without any corpus. */
    static final class BuiltInSeeds {
        private BuiltInSeeds() {
        }

        static List<String> of(SourceFormat format) {
            return switch (format) {
                case BIBTEX -> List.of(BIBTEX);
                case CSL_JSON -> List.of(CSL_JSON, CSL_JSON_SINGLE);
                case CSL_YAML -> List.of(CSL_YAML, CSL_YAML_LIST);
                case ZOTERO_JSON -> List.of(ZOTERO_JSON);
                case ARXIV_JSONL -> List.of(ARXIV_JSONL);
                case HF_PAGE_TEXT -> List.of(HF_PAGE_TEXT);
                case HF_JSON -> List.of(HF_JSON_SCRAPED, HF_JSON_API);
                case HAYAGRIVA -> List.of(HAYAGRIVA);
                case ZOTERO_SQLITE -> throw new IllegalArgumentException("not a text format");
            };
        }

        static final String BIBTEX = """
                @String{jacm = "Journal of the {ACM}"}
                @preamble{"\\providecommand{\\noopsort}[1]{}"}
                % exported by hand
                @Article{knuth1974,
                  author  = {Donald E. Knuth and {\\'E}mile Zola and van der Berg, Jr., Jan},
                  title   = {Structured Programming with {\\tt go to} Statements},
                  journal = jacm # { (special)},
                  year    = 1974, month = dec, day = {3},
                  doi     = {10.1145/356635.356640},
                  url     = "https://doi.org/10.1145/356635.356640",
                  keywords = {goto; {structured, programming}},
                }
                @inproceedings(vaswani2017,
                  title = "Attention Is All You Need",
                  author = "Ashish Vaswani and others",
                  crossref = {neurips2017},
                  eprint = {1706.03762}, archivePrefix = {arXiv},
                  file = {Full Text:files/vaswani.pdf:application/pdf},
                )
                @proceedings{neurips2017, title = {Advances in Neural Information Processing Systems 30}, year = {2017},
                  publisher = {Curran}}
                @comment{ jabref-meta: grouping: }
                @misc{perelman2002, title = {The entropy formula}, author = {Perelman, Grisha}, eprint = {math/0211159},
                  eprinttype = {arxiv}, date = {2002-11-11/2003-03-10}, xdata = {xd1}}
                @xdata{xd1, note = {shared}}
                @book{ editor = {Ed Itor}, title = {Edited without a key}, publisher = {Pub},
                  urls = {http://a.example http://b.example}}
                """;

        static final String CSL_JSON = """
                [
                  {"id": "doe2019", "type": "article-journal", "title": "A <i>study</i> of &amp; things",
                   "author": [{"family": "Doe", "given": "Jane", "non-dropping-particle": "van"}, {"literal": "The Consortium"}],
                   "issued": {"date-parts": [[2019, 3, 15]]}, "container-title": "Journal of Tests",
                   "DOI": "10.1000/XYZ.123", "URL": "https://arxiv.org/abs/1706.03762v5", "keyword": "a, b",
                   "note": "citation-key: doe2019b\\narXiv: 1706.03762"},
                  {"id": 42, "type": "thesis", "genre": "Master's thesis", "title": "Numbers as ids",
                   "issued": {"raw": "Spring 2001"}, "editor": "Smith, John"},
                  {"id": "noTitle", "type": "book", "issued": {"literal": "circa 1890"}, "publisher": "arXiv",
                   "number": "hep-th/9901001"},
                  {"type": "report", "title": "Season", "issued": {"date-parts": [["2020", "21"]], "season": 1},
                   "accessed": {"date-parts": [[2021, 1, 2]]}, "keywords": ["x", ["y"]]}
                ]
                """;

        static final String CSL_JSON_SINGLE = """
                {"items": [{"id": "http://zotero.org/users/1/items/ABCD2345", "type": "paper-conference",
                  "title": "Wrapped", "author": ["Last, First", "Organisation"], "issued": "2018-07",
                  "citation-label": "wrapped2018", "event-title": "Conf"}]}
                """;

        static final String HAYAGRIVA = """
                smith2019:
                  type: article
                  title: "A study of things: part 2"
                  author: ["Smith, John", "ACME Lab"]
                  date: 2019-03
                  parent: {type: periodical, title: Journal of Things}
                  serial-number: {doi: 10.1000/things.1, arxiv: 2001.00001}
                jones2020:
                  type: report
                  title: {value: Folded title, short: Folded}
                  author: [{name: Jones, given-name: A.}]
                  date: 2020
                """;

        static final String CSL_YAML = """
                ---
                references:
                - id: smith2019
                  type: article-journal
                  title: "A study of things: part 2"
                  author:
                    - family: Smith
                      given: John
                      dropping-particle: de
                    - literal: ACME Lab
                  issued:
                    - year: 2019
                      month: 3
                  container-title: Journal of Things
                  DOI: 10.1000/things.1
                  note: |
                    citation-key: smith2019x
                    arXiv: 2001.00001
                - id: jones2020
                  type: report
                  title: >-
                    Folded
                    title
                  issued: 2020-05-01
                  keyword: [x, y]
                  translator: &a {given: A, family: B}
                  editor: [*a]
                ...
                Body text after the front matter.
                """;

        static final String CSL_YAML_LIST = """
                - id: lee2021
                  type: chapter
                  title: 'Quoted ''title'''
                  author: [{family: Lee, given: Ann}]
                  issued: {date-parts: [[2021, 12]]}
                - id: 7
                  title: Numeric id
                  issued: {raw: "15 March 2019"}
                """;

        static final String ZOTERO_JSON = """
                {"config": {"id": "36a3b0b5", "label": "Better BibTeX JSON", "preferences": {"citekeyFormat": "auth"}},
                 "collections": {},
                 "items": [
                  {"itemType": "journalArticle", "title": "Deep <b>learning</b>",
                   "creators": [{"creatorType": "author", "lastName": "LeCun", "firstName": "Yann"},
                                {"creatorType": "editor", "name": "Nature Editors"}],
                   "date": "2015-05-28", "publicationTitle": "Nature", "DOI": "https://doi.org/10.1038/nature14539",
                   "url": "https://www.nature.com/articles/nature14539",
                   "extra": "Citation Key: lecun2015\\narXiv: 1234.56789", "tags": [{"tag": "ml"}, "ai"],
                   "attachments": [{"path": "/home/u/lecun.pdf"}, {"path": "https://x.example"}], "citationKey": "lecun2015deep"},
                  {"itemType": "preprint", "title": "Preprint", "repository": "arXiv", "number": "2101.00001",
                   "archiveID": "arXiv:2101.00001", "date": "March 5th, 2021",
                   "extra": ["line one", "DOI: 10.48550/arXiv.2101.00001"]},
                  {"itemType": "note", "note": "<p>not a paper</p>"},
                  {"key": "ABCD1234", "version": 3, "data": {"itemType": "thesis", "thesisType": "Master thesis",
                   "title": "Web API form", "university": "Uni", "date": "15.03.2019"}}
                 ]}
                """;

        static final String ARXIV_JSONL = """
                {"id":"0704.0001","submitter":"Pavel Nadolsky","authors":"C. Bal\\\\'azs, E. L. Berger, P. M. Nadolsky, C.-P. Yuan","title":"Calculation of prompt diphoton production cross sections at Tevatron and\\n  LHC energies","comments":"37 pages","journal-ref":"Phys.Rev.D76:013009,2007","doi":"10.1103/PhysRevD.76.013009","categories":"hep-ph","license":null,"abstract":"  A fully differential calculation with $\\\\alpha_s$ ---\\n and more.","versions":[{"version":"v1","created":"Mon, 2 Apr 2007 19:18:42 GMT"},{"version":"v2","created":"Tue, 24 Jul 2007 20:10:27 GMT"}],"update_date":"2008-11-13","authors_parsed":[["Bal\\\\'azs","C.",""],["Berger","E. L.",""]]}
                {"metadata":{"id":"2212.00001","title":"Nested metadata","authors":"A. B and C. D","abstract":"x","update_date":"2022-12-01"}}
                {"id":"hep-th/9901001","title":"Old style","authors":"Smith, J. and Doe, J.","versions":[{"version":"v2","created":"Sat, 31 Feb 1999 00:00:00 GMT"}]}

                {"id":"math.GT/0309136","title":"Subject class","authors_parsed":[["Thurston","W.","Jr"]],"update_date":"2003"}
                """;

        static final String HF_PAGE_TEXT = """
                new

                Get trending papers in your email inbox!

                Subscribe

                Daily Papers

                byAK and the research community

                Mar 13, 2024

                Scaling Laws for Something Important

                We study how the loss of large models scales with data, compute and parameters, and find simple power laws that hold over seven orders of magnitude; the laws let us predict the loss of a model ten times larger than any we trained, and we discuss what this means for the allocation of a fixed compute budget between model size and data.

                  • 6 authors
                ·
                Mar 12 42

                Short Title Without Abstract

                Another Paper: With Names

                Abstract text that ends with a period and is long enough to look like an abstract, not a title at all.

                • Jane Doe, John Smith and Ann Lee
                ·
                Feb 29, 2024 7

                https://arxiv.org/abs/2403.01234

                Org Paper

                Organisations write papers too, and their pages show the organisation before the date and the upvotes of the paper.
                spiralworks Spiral Works
                ·
                Dec 31 3
                """;

        static final String HF_JSON_SCRAPED = """
                {"date": "2026-03-01", "papers": [
                  {"id": "2602.12345", "title": "Scraped   paper", "authors": ["Jingxuan Wei,", "Qwen Team", "", 7],
                   "abstract": "Evalu ate d , with stray spaces .", "url": "https://huggingface.co/papers/2602.12345",
                   "pdfUrl": "https://arxiv.org/pdf/2602.12345", "upvotes": "12", "publishedAt": "2026-02-27T09:02:03.98+00:00",
                   "arxivId": "2602.12345", "tags": ["llm", 3]},
                  {"title": "", "summary": "no title"},
                  "not an object",
                  {"title": "Minimal"}
                ]}
                """;

        static final String HF_JSON_API = """
                [{"paper": {"id": "2401.00001", "title": "API shape", "summary": "Sum.", "authors": [{"name": "A B"}, {"name": ""}],
                  "publishedAt": "2024-01-02T00:00:00.000Z", "upvotes": 5}, "publishedAt": "2024-01-03T00:00:00.000Z",
                  "title": "API shape", "numComments": 2}]
                {"title": "JSON line", "upvotes": -3, "publishedAt": "2024-13-45"}
                """;
    }
}
