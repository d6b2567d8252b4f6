package dev.paperlink.server.feature;

import dev.paperlink.corpus.model.Author;
import dev.paperlink.corpus.model.Hit;
import dev.paperlink.corpus.model.Paper;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A small set of papers held in memory: the entries an unsaved bibliography buffer changed, a
 * buffer the index cannot stand for (read whole), and the corpus stand-in of tests. Matching follows the corpus index's tiers: exact key,
 * key prefix, title prefix, then word matches; no typo tolerance. When two papers share a key,
 * the first one wins (it is the one the document's bibliography defines first).
 */
public final class InMemoryLookup implements PaperLookup {
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private final List<Entry> entries = new ArrayList<>();
    private final Map<String, Paper> exact = new HashMap<>();
    private final Map<String, Paper> lower = new HashMap<>();

    private record Entry(Paper paper, List<String> titleWords, List<String> nameWords) {
    }

    public InMemoryLookup(List<Paper> papers) {
        for (Paper p : papers) {
            boolean fresh = false;
            for (String k : p.allKeys()) {
                fresh |= exact.putIfAbsent(k, p) == null;
                lower.putIfAbsent(k.toLowerCase(Locale.ROOT), p);
            }
            if (fresh) {
                List<String> names = new ArrayList<>();
                for (Author a : p.authors()) {
                    names.addAll(words(a.sortName()));
                }
                entries.add(new Entry(p, words(p.title()), names));
            }
        }
    }

    public List<Paper> papers() {
        return entries.stream().map(Entry::paper).toList();
    }

    public int size() {
        return entries.size();
    }

    @Override
    public Optional<Paper> byKey(String key) {
        Paper p = exact.get(key);
        return Optional.ofNullable(p != null ? p : lower.get(key.toLowerCase(Locale.ROOT)));
    }

    @Override
    public List<Hit> completeKey(String prefix, int limit) {
        String p = prefix.strip().toLowerCase(Locale.ROOT);
        List<Hit> hits = new ArrayList<>();
        for (Entry e : entries) {
            Hit.Match best = null;
            for (String k : e.paper().allKeys()) {
                String lk = k.toLowerCase(Locale.ROOT);
                if (lk.equals(p)) {
                    best = Hit.Match.EXACT_KEY;
                } else if (lk.startsWith(p) && best == null) {
                    best = Hit.Match.KEY_PREFIX;
                }
            }
            if (best != null) {
                hits.add(new Hit(e.paper(), best, best == Hit.Match.EXACT_KEY ? 2 : 1));
            }
        }
        hits.sort(Comparator.comparing((Hit h) -> h.match()).thenComparing(h -> h.paper().key()));
        return hits.subList(0, Math.min(limit, hits.size()));
    }

    @Override
    public List<Hit> completeTitle(String typed, int limit) {
        List<String> tokens = words(typed);
        if (tokens.isEmpty()) {
            return List.of();
        }
        Map<Paper, Hit.Match> matches = new LinkedHashMap<>();
        for (Entry e : entries) {
            if (startsWith(e.titleWords(), tokens)) {
                matches.put(e.paper(), Hit.Match.TITLE_PREFIX);
            } else if (allMatch(e, tokens)) {
                matches.put(e.paper(), Hit.Match.WORDS);
            }
        }
        List<Hit> hits = new ArrayList<>();
        matches.forEach((p, m) -> hits.add(new Hit(p, m, m == Hit.Match.TITLE_PREFIX ? 2 : 1)));
        hits.sort(Comparator.comparing((Hit h) -> h.match())
                .thenComparing(h -> h.paper().year(), Comparator.reverseOrder())
                .thenComparing(h -> h.paper().key()));
        return hits.subList(0, Math.min(limit, hits.size()));
    }

    @Override
    public List<String> keysNear(String key, int limit) {
        List<String> keys = new ArrayList<>();
        entries.forEach(e -> keys.addAll(e.paper().allKeys()));
        return NearestKeys.rank(key, keys, limit);
    }

    private static boolean startsWith(List<String> title, List<String> tokens) {
        if (title.size() < tokens.size()) {
            return false;
        }
        for (int i = 0; i < tokens.size(); i++) {
            boolean last = i == tokens.size() - 1;
            if (last ? !title.get(i).startsWith(tokens.get(i)) : !title.get(i).equals(tokens.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean allMatch(Entry e, List<String> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            boolean last = i == tokens.size() - 1;
            boolean found = t.equals(e.paper().year());
            for (List<String> ws : List.of(e.titleWords(), e.nameWords())) {
                for (String w : ws) {
                    found |= last ? w.startsWith(t) : w.equals(t);
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    /** Lower-cased words without accents. */
    public static List<String> words(String text) {
        String folded = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        for (String w : NON_WORD.split(folded)) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }
}
