package dev.paperlink.cli.bench.arxiv;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;

/**
 * A stand-in for the Kaggle arXiv snapshot ({@code arxiv-metadata-oai-snapshot.json}): N records
 * in its exact JSON-lines schema, streamed (nothing but the model and the growing vocabulary and
 * author pools is held), the same bytes for the same seed. See docs/arxiv-stand-in.md for the
 * model and how the result differs from the real snapshot.
 */
public final class ArxivStandIn {
    /** Tokens of the training text seen at most this many times are "rare": their slots draw from the open vocabulary. */
    static final int RARE = 2;
    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH);
    private static final List<String> BATCH_UPDATES = List.of("2007-05-23", "2008-11-26", "2009-10-31", "2015-05-13", "2019-08-19");

    private final WordModel titles;
    private final WordModel abstracts;
    private final CharModel spelling;
    private Pool vocabulary;
    private final List<String> invented = new ArrayList<>();
    private Pool authors;
    private int[] personGiven = new int[1024];
    private int[] personFamily = new int[1024];
    private byte[] personInitials = new byte[1024];
    private final String[] givenNames;
    private final int[] givenCumulative;
    private final String[] familyNames;
    private final int[] familyCumulative;
    private final int[] authorsOld;
    private final int[] authorsNew;
    private final int[] abstractWords;
    private final int[] titleWords;
    private final String[] math;
    private final String[] journalRefs;
    private final String[] comments;
    private final String[] reportNumbers;
    private final String[] doiPrefixes;
    private final Taxonomy taxonomy = new Taxonomy(1991, 2025);
    private final SplittableRandom random;
    private final long seed;
    private final JsonFactory json = JsonFactory.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .disable(com.fasterxml.jackson.core.StreamWriteFeature.AUTO_CLOSE_TARGET).build().setRootValueSeparator(null);

    /** What was learnt, for the report. */
    public final Map<String, Object> model = new LinkedHashMap<>();
    private final Heaps generated = new Heaps();
    private long ordinal;

    public ArxivStandIn(Path corpora, long seed) throws IOException {
        this(corpora, seed, 12_000_000);
    }

    ArxivStandIn(Path corpora, long seed, long maxAbstractTokens) throws IOException {
        this.seed = seed;
        this.random = new SplittableRandom(seed);
        long t0 = System.nanoTime();
        Training t = Training.read(corpora, maxAbstractTokens);
        spelling = new CharModel();
        titles = t.titles.build();
        abstracts = t.abstracts.build();
        for (String w : abstracts.words) {
            spelling.add(w.toLowerCase(Locale.ROOT));
        }
        for (String w : titles.words) {
            spelling.add(w.toLowerCase(Locale.ROOT));
        }
        spelling.build();
        // Heaps' exponent of the real text sets the discount; the concentration is chosen so that, at the
        // size of the training text, the open vocabulary holds as many types as the real rare words.
        List<Heaps.Point> realWords = t.words.points();
        double beta = Heaps.beta(realWords, 100_000);
        double d = Double.isNaN(beta) ? 0.5 : Math.max(0.3, Math.min(0.8, beta));
        long rareTokens = 0;
        long rareTypes = 0;
        for (WordModel m : List.of(titles, abstracts)) {
            for (int i = 2; i < m.size(); i++) {
                if (m.counts[i] <= RARE && isWord(m.words[i])) {
                    rareTokens += m.counts[i];
                    rareTypes++;
                }
            }
        }
        vocabulary = new Pool(d, Pool.concentrationFor(d, Math.max(rareTokens, 2), Math.max(rareTypes, 1)));
        List<Heaps.Point> realPeople = t.people.points();
        double betaPeople = Heaps.beta(realPeople, 10_000);
        double da = Double.isNaN(betaPeople) ? 0.6 : Math.max(0.3, Math.min(0.9, betaPeople));
        long slots = t.people.tokens();
        authors = new Pool(da, Pool.concentrationFor(da, Math.max(slots, 2), Math.max(t.people.types(), 1)));

        Map.Entry<String[], int[]> g = byFrequency(t.given);
        givenNames = g.getKey();
        givenCumulative = g.getValue();
        Map.Entry<String[], int[]> f = byFrequency(t.family);
        familyNames = f.getKey();
        familyCumulative = f.getValue();
        authorsOld = t.authorsOld.stream().mapToInt(Integer::intValue).toArray();
        authorsNew = t.authorsNew.stream().mapToInt(Integer::intValue).toArray();
        abstractWords = t.abstractWords.stream().mapToInt(Integer::intValue).filter(n -> n >= 20).toArray();
        titleWords = t.titleWords.stream().mapToInt(Integer::intValue).filter(n -> n >= 1).toArray();
        math = t.math.toArray(String[]::new);
        journalRefs = t.journalRefs.toArray(String[]::new);
        comments = t.comments.toArray(String[]::new);
        reportNumbers = t.reportNumbers.toArray(String[]::new);
        doiPrefixes = t.doiPrefixes.toArray(String[]::new);

        model.put("training", t.summary());
        model.put("trainingSeconds", (System.nanoTime() - t0) / 1e9);
        model.put("titleModel", String.format(Locale.ROOT, "%,d types, %,d bigrams", titles.size(), titles.pairs()));
        model.put("abstractModel", String.format(Locale.ROOT, "%,d types, %,d bigrams", abstracts.size(), abstracts.pairs()));
        model.put("realHeapsBeta", beta);
        model.put("realWordGrowth", realWords);
        model.put("vocabularyDiscount", d);
        model.put("vocabularyConcentration", vocabulary.concentration);
        model.put("rareSlots", String.format(Locale.ROOT, "%,d tokens of %,d types seen at most %d times", rareTokens, rareTypes, RARE));
        model.put("realAuthorBeta", betaPeople);
        model.put("authorDiscount", da);
        model.put("authorConcentration", authors.concentration);
        model.put("realAuthors", String.format(Locale.ROOT, "%,d distinct of %,d author slots", t.people.types(), slots));
    }

    /** The same trained model with a fresh generator state (seed, vocabulary, authors): training happens once. */
    public ArxivStandIn withSeed(long newSeed) {
        return new ArxivStandIn(this, newSeed);
    }

    private ArxivStandIn(ArxivStandIn m, long seed) {
        this.seed = seed;
        this.random = new SplittableRandom(seed);
        titles = m.titles;
        abstracts = m.abstracts;
        spelling = m.spelling;
        vocabulary = new Pool(m.vocabulary.discount, m.vocabulary.concentration);
        authors = new Pool(m.authors.discount, m.authors.concentration);
        givenNames = m.givenNames;
        givenCumulative = m.givenCumulative;
        familyNames = m.familyNames;
        familyCumulative = m.familyCumulative;
        authorsOld = m.authorsOld;
        authorsNew = m.authorsNew;
        abstractWords = m.abstractWords;
        titleWords = m.titleWords;
        math = m.math;
        journalRefs = m.journalRefs;
        comments = m.comments;
        reportNumbers = m.reportNumbers;
        doiPrefixes = m.doiPrefixes;
        model.putAll(m.model);
    }

    private static boolean isWord(String w) {
        return !w.isEmpty() && Character.isLetter(w.charAt(0));
    }

    private static Map.Entry<String[], int[]> byFrequency(Map<String, Integer> counts) {
        List<Map.Entry<String, Integer>> es = new ArrayList<>(counts.entrySet());
        es.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        String[] names = new String[es.size()];
        int[] cum = new int[es.size()];
        int sum = 0;
        for (int i = 0; i < es.size(); i++) {
            names[i] = es.get(i).getKey();
            sum += es.get(i).getValue();
            cum[i] = sum;
        }
        return Map.entry(names, cum);
    }

    private int pick(int[] cumulative) {
        int u = random.nextInt(cumulative[cumulative.length - 1]);
        int i = Arrays.binarySearch(cumulative, u + 1);
        return i >= 0 ? i : -i - 1;
    }

    /** Generated vocabulary growth so far (word types against tokens of titles and abstracts). */
    public List<Heaps.Point> growth() {
        return generated.points();
    }

    public static double beta(List<Heaps.Point> points, long minTokens) {
        return Heaps.beta(points, minTokens);
    }

    public static String growthTable(List<Heaps.Point> points) {
        return Heaps.table(points);
    }

    public int distinctAuthors() {
        return authors.tables();
    }

    public long authorSlots() {
        return authors.draws();
    }

    /** Opens a file for writing, gzipped when its name ends in .gz. */
    public static Writer open(Path out) throws IOException {
        OutputStream os = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16);
        if (out.getFileName().toString().endsWith(".gz")) {
            os = new GZIPOutputStream(os, 1 << 16);
        }
        return new java.io.BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16);
    }

    public interface Progress {
        void records(long done);
    }

    /**
     * Writes {@code n} records, as in the snapshot: the new-style ids in order (0704.0001 on), then the
     * old-style ones (archive/YYMMNNN, by archive). Then {@code day} more records, of the month after
     * the last, into {@code dayOut} (null for none): what a day of new submissions appends.
     */
    public void write(long n, Writer out, long day, Writer dayOut, Progress progress) throws IOException {
        List<Timeline.Month> months = Timeline.months(n);
        // the primary category of each old-style record, drawn first (ids are numbered per archive and month)
        SplittableRandom oldRandom = new SplittableRandom(seed ^ 0x5DEECE66DL);
        TreeMap<String, TreeMap<YearMonth, List<Integer>>> oldByArchive = new TreeMap<>();
        for (Timeline.Month m : months) {
            if (!m.month().isBefore(Timeline.NEW_STYLE)) {
                continue;
            }
            Map<String, Integer> perArchive = new TreeMap<>();
            for (int i = 0; i < m.records(); i++) {
                int p = 0;
                for (int tries = 0; tries < 20; tries++) {
                    p = taxonomy.primary(m.month().getYear(), oldRandom);
                    if (perArchive.getOrDefault(Taxonomy.ALL.get(p).archive(), 0) < Timeline.capacity(m.month())) {
                        break;
                    }
                }
                String archive = Taxonomy.ALL.get(p).archive();
                if (perArchive.merge(archive, 1, Integer::sum) <= Timeline.capacity(m.month())) {
                    oldByArchive.computeIfAbsent(archive, a -> new TreeMap<>()).computeIfAbsent(m.month(), x -> new ArrayList<>()).add(p);
                }
            }
        }
        long done = 0;
        try (JsonGenerator gen = json.createGenerator(out)) {
            for (Timeline.Month m : months) {
                if (m.month().isBefore(Timeline.NEW_STYLE)) {
                    continue;
                }
                int count = Math.min(m.records(), Timeline.capacity(m.month()));
                for (int i = 1; i <= count; i++) {
                    record(gen, Timeline.newStyle(m.month(), i), m.month(), i, count, taxonomy.primary(m.month().getYear(), random));
                    if (++done % 10_000 == 0) {
                        progress.records(done);
                    }
                }
            }
            for (var archive : oldByArchive.entrySet()) {
                for (var month : archive.getValue().entrySet()) {
                    List<Integer> primaries = month.getValue();
                    for (int i = 0; i < primaries.size(); i++) {
                        record(gen, Timeline.oldStyle(archive.getKey(), month.getKey(), i + 1), month.getKey(), i + 1, primaries.size(), primaries.get(i));
                        if (++done % 10_000 == 0) {
                            progress.records(done);
                        }
                    }
                }
            }
            gen.flush();
        }
        out.flush();
        if (dayOut != null && day > 0) {
            YearMonth next = Timeline.LAST.plusMonths(1);
            try (JsonGenerator gen = json.createGenerator(dayOut)) {
                for (int i = 1; i <= day; i++) {
                    record(gen, Timeline.newStyle(next, i), next, i, (int) day * 20, taxonomy.primary(next.getYear(), random));
                }
                gen.flush();
            }
            dayOut.flush();
        }
        if (done % 10_000 != 0) {
            progress.records(done); // else told already
        }
    }

    private void record(JsonGenerator g, String id, YearMonth month, int seq, int ofMonth, int primary) throws IOException {
        ordinal++;
        int year = month.getYear();
        // versions: v1 in the id's month, in id order; later ones weeks or months after
        int days = month.lengthOfMonth();
        LocalDateTime v1 = month.atDay(1 + Math.min(days - 1, (int) ((long) (seq - 1) * days / Math.max(1, ofMonth))))
                .atTime(random.nextInt(24), random.nextInt(60), random.nextInt(60));
        double u = random.nextDouble();
        int versions = u < 0.64 ? 1 : u < 0.89 ? 2 : u < 0.97 ? 3 : u < 0.99 ? 4 : 5;
        List<LocalDateTime> created = new ArrayList<>(List.of(v1));
        for (int v = 1; v < versions; v++) {
            created.add(created.get(v - 1).plusMinutes(60 + (long) (-Math.log(1 - random.nextDouble()) * 60 * 24 * 70)));
        }
        LocalDate last = created.get(versions - 1).toLocalDate();
        LocalDate update = last.plusDays(random.nextInt(4));
        if (last.isBefore(LocalDate.of(2009, 10, 31)) && random.nextDouble() < 0.6) {
            for (String b : BATCH_UPDATES) {
                LocalDate bd = LocalDate.parse(b);
                if (!bd.isBefore(last)) {
                    update = bd;
                    break;
                }
            }
        }
        List<int[]> people = authorsOf(year);
        boolean latexAccents = random.nextDouble() < 0.8;
        boolean and = people.size() >= 2 && random.nextDouble() < 0.2;
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < people.size(); i++) {
            if (i > 0) {
                names.append(and && i == people.size() - 1 ? " and " : ", ");
            }
            String written = writtenGiven(people.get(i)) + " " + familyNames[people.get(i)[1]];
            names.append(latexAccents ? Latex.accents(written) : written);
        }
        String submitter = random.nextDouble() < 0.9
                ? givenNames[people.get(0)[0]] + " " + familyNames[people.get(0)[1]]
                : givenNames[pick(givenCumulative)] + " " + familyNames[pick(familyCumulative)];

        String title = title();
        String abstractText = abstractText();
        generated.add(title);
        generated.add(abstractText);

        g.writeStartObject();
        g.writeStringField("id", id);
        g.writeStringField("submitter", submitter);
        g.writeStringField("authors", wrap(names.toString(), 80, "\n  "));
        g.writeStringField("title", wrap(title, 80, "\n  "));
        nullable(g, "comments", random.nextDouble() < 0.85 ? wrap(digits(comments[random.nextInt(comments.length)], year), 80, "\n  ") : null);
        double pRef = year < 2010 ? 0.45 : year < 2018 ? 0.3 : 0.15;
        boolean hasRef = random.nextDouble() < pRef;
        nullable(g, "journal-ref", hasRef ? digits(journalRefs[random.nextInt(journalRefs.length)], year + random.nextInt(2)) : null);
        nullable(g, "doi", random.nextDouble() < (hasRef ? 0.8 : 0.12)
                ? doiPrefixes[random.nextInt(doiPrefixes.length)] + year + "." + Long.toString(ordinal * 7919 % 100_000_000L + 100_000_000L * (ordinal / 100_000_000L), 10)
                : null);
        nullable(g, "report-no", random.nextDouble() < 0.07 ? digits(reportNumbers[random.nextInt(reportNumbers.length)], year) : null);
        g.writeStringField("categories", taxonomy.categories(primary, year, random));
        nullable(g, "license", license(year));
        g.writeStringField("abstract", "  " + wrap(abstractText, 80, "\n") + "\n");
        g.writeArrayFieldStart("versions");
        for (int v = 0; v < versions; v++) {
            g.writeStartObject();
            g.writeStringField("version", "v" + (v + 1));
            g.writeStringField("created", RFC_1123.format(created.get(v)));
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeStringField("update_date", update.toString());
        g.writeArrayFieldStart("authors_parsed");
        for (int[] p : people) {
            g.writeStartArray();
            g.writeString(familyNames[p[1]]);
            g.writeString(writtenGiven(p));
            g.writeString("");
            g.writeEndArray();
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeRaw('\n');
    }

    private static void nullable(JsonGenerator g, String field, String value) throws IOException {
        if (value == null) {
            g.writeNullField(field);
        } else {
            g.writeStringField(field, value);
        }
    }

    private String license(int year) {
        double u = random.nextDouble();
        if (year < 2008) {
            return u < 0.95 ? null : "http://arxiv.org/licenses/nonexclusive-distrib/1.0/";
        }
        if (year < 2016) {
            return u < 0.3 ? null : u < 0.85 ? "http://arxiv.org/licenses/nonexclusive-distrib/1.0/"
                    : u < 0.95 ? "http://creativecommons.org/licenses/by/3.0/" : "http://creativecommons.org/licenses/by-nc-sa/3.0/";
        }
        return u < 0.03 ? null : u < 0.58 ? "http://arxiv.org/licenses/nonexclusive-distrib/1.0/"
                : u < 0.86 ? "http://creativecommons.org/licenses/by/4.0/" : u < 0.90 ? "http://creativecommons.org/licenses/by-nc-nd/4.0/"
                : u < 0.94 ? "http://creativecommons.org/licenses/by-nc-sa/4.0/" : u < 0.97 ? "http://creativecommons.org/licenses/by-sa/4.0/"
                : "http://creativecommons.org/publicdomain/zero/1.0/";
    }

    /** A real value with its digits drawn anew (4-digit years set to the paper's year, give or take). */
    private String digits(String template, int year) {
        StringBuilder sb = new StringBuilder(template.length());
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (!Character.isDigit(c)) {
                sb.append(c);
                i++;
                continue;
            }
            int j = i;
            while (j < template.length() && Character.isDigit(template.charAt(j))) {
                j++;
            }
            String run = template.substring(i, j);
            if (run.length() == 4 && (run.startsWith("19") || run.startsWith("20"))) {
                sb.append(year);
            } else {
                sb.append(1 + random.nextInt(9));
                for (int k = 1; k < run.length(); k++) {
                    sb.append(random.nextInt(10));
                }
            }
            i = j;
        }
        return sb.toString();
    }

    /** The authors of one paper: {given, family, initials} each, no one twice. */
    private List<int[]> authorsOf(int year) {
        int[] dist = year < 2012 || random.nextBoolean() ? authorsOld : authorsNew;
        int n = dist[random.nextInt(dist.length)];
        if (random.nextDouble() < 0.001) { // a large collaboration (ATLAS, CMS...): hundreds of authors
            n = 100 + (int) Math.exp(random.nextDouble() * Math.log(2900));
        }
        List<int[]> out = new ArrayList<>(n);
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int i = 0; i < n; i++) {
            for (int tries = 0; tries < 5; tries++) {
                int t = authors.draw(random);
                if (t < 0) {
                    t = authors.open();
                    if (t >= personGiven.length) {
                        personGiven = Arrays.copyOf(personGiven, personGiven.length * 2);
                        personFamily = Arrays.copyOf(personFamily, personFamily.length * 2);
                        personInitials = Arrays.copyOf(personInitials, personInitials.length * 2);
                    }
                    personGiven[t] = pick(givenCumulative);
                    personFamily[t] = pick(familyCumulative);
                    personInitials[t] = (byte) (random.nextDouble() < (year < 2007 ? 0.35 : 0.12) ? 1 : 0);
                }
                if (seen.add(t)) {
                    out.add(new int[] {personGiven[t], personFamily[t], personInitials[t]});
                    break;
                }
            }
        }
        return out;
    }

    private String writtenGiven(int[] person) {
        String given = givenNames[person[0]];
        if (person[2] == 0) {
            return given;
        }
        StringBuilder sb = new StringBuilder();
        for (String part : given.split("\\s+")) {
            if (!part.isEmpty() && Character.isLetter(part.charAt(0))) {
                if (!sb.isEmpty()) {
                    sb.append(' ');
                }
                sb.append(part.charAt(0)).append('.');
            }
        }
        return sb.isEmpty() ? given : sb.toString();
    }

    /** A title of the chain whose length is within a third of one drawn from the real arXiv titles' lengths (the best of 12 tries). */
    private String title() {
        int target = titleWords[random.nextInt(titleWords.length)];
        List<String> best = null;
        int bestOff = Integer.MAX_VALUE;
        for (int attempt = 0; attempt < 12 && bestOff > target / 3; attempt++) {
            List<String> tokens = new ArrayList<>();
            int prev = WordModel.START;
            int words = 0;
            while (tokens.size() < 60) {
                int t = titles.next(prev, random);
                if (t == WordModel.END || t == WordModel.START) {
                    break;
                }
                tokens.add(titles.words[t]);
                words += isWord(titles.words[t]) ? 1 : 0;
                prev = t;
            }
            if (words >= 1 && Math.abs(words - target) < bestOff) {
                best = tokens;
                bestOff = Math.abs(words - target);
            }
        }
        List<String> out = new ArrayList<>(best.size());
        for (String w : best) {
            out.add(word(titles, w));
        }
        if (math.length > 0 && random.nextDouble() < 0.05) {
            out.add(random.nextInt(out.size() + 1), math[random.nextInt(math.length)]);
        }
        return join(out);
    }

    private String abstractText() {
        int target = (int) (abstractWords[random.nextInt(abstractWords.length)] * (0.85 + 0.3 * random.nextDouble()));
        List<String> tokens = new ArrayList<>();
        int prev = WordModel.START;
        int words = 0;
        while (true) {
            int t = abstracts.next(prev, random);
            if (t == WordModel.END || t == WordModel.START) {
                if (!tokens.isEmpty() && !tokens.get(tokens.size() - 1).equals(".")) {
                    tokens.add(".");
                }
                if (words >= target) {
                    break;
                }
                prev = WordModel.START;
                continue;
            }
            tokens.add(word(abstracts, t));
            if (isWord(abstracts.words[t])) {
                words++;
            }
            prev = t;
            if (words >= target && abstracts.words[t].equals(".")) {
                break;
            }
            if (words > 2 * target + 20) {
                tokens.add(".");
                break;
            }
        }
        if (math.length > 0 && random.nextDouble() < 0.29) {
            int k = 1 + random.nextInt(3);
            for (int i = 0; i < k; i++) {
                tokens.add(random.nextInt(tokens.size()), math[random.nextInt(math.length)]);
            }
        }
        return join(tokens);
    }

    /** The token as written: a rare word's slot takes a word of the open vocabulary (an old one, or a new one). */
    private String word(WordModel m, int t) {
        String w = m.words[t];
        if (m.counts[t] > RARE || !isWord(w)) {
            return w;
        }
        return invent(w);
    }

    private String word(WordModel m, String w) {
        return m.isRare(w) ? invent(w) : w;
    }

    private String invent(String w) {
        int table = vocabulary.draw(random);
        if (table >= 0) {
            return shaped(invented.get(table), w);
        }
        vocabulary.open();
        String dish = random.nextBoolean() ? w.toLowerCase(Locale.ROOT) : spelling.spell(random);
        invented.add(dish);
        return shaped(dish, w);
    }

    /** The word in the case of the slot's word: ACRONYM, Capitalised or lower case. */
    private static String shaped(String word, String slot) {
        if (slot.length() > 1 && slot.chars().allMatch(c -> !Character.isLetter(c) || Character.isUpperCase(c))) {
            return word.toUpperCase(Locale.ROOT);
        }
        if (Character.isUpperCase(slot.charAt(0))) {
            return Character.toUpperCase(word.charAt(0)) + word.substring(1);
        }
        return word;
    }

    static String join(List<String> tokens) {
        StringBuilder sb = new StringBuilder();
        boolean noSpace = true;
        for (String t : tokens) {
            boolean closing = t.length() == 1 && ".,;:)?!%".indexOf(t.charAt(0)) >= 0;
            if (!noSpace && !closing) {
                sb.append(' ');
            }
            sb.append(t);
            noSpace = t.equals("(");
        }
        return sb.toString();
    }

    /** Line breaks as arXiv writes them: at a space, before the line would pass {@code width}. */
    static String wrap(String text, int width, String newline) {
        if (text.length() <= width) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        int lineStart = 0;
        int lastSpace = -1;
        int written = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == ' ') {
                if (i - lineStart > width - 2 && lastSpace > lineStart) {
                    sb.append(text, written, lastSpace).append(newline);
                    written = lastSpace + 1;
                    lineStart = lastSpace + 1;
                }
                lastSpace = i;
            }
        }
        if (text.length() - lineStart > width - 2 && lastSpace > lineStart) {
            sb.append(text, written, lastSpace).append(newline);
            written = lastSpace + 1;
        }
        sb.append(text, written, text.length());
        return sb.toString();
    }
}
