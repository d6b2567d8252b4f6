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

    private record Entry(Paper paper, List<String> titleWords, List<String> nameWords, java.util.Set<String> topic) {
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
                entries.add(new Entry(p, words(p.title()), names,
                        topic(p.title() + " " + String.join(" ", p.keywords()) + " " + p.abstractText())));
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

    /**
     * A small tf-idf over title, keywords and abstract (words of three letters or more, a plural
     * "s" dropped, the passage's words around its focus at the passage's weight): the related papers of a
     * bibliography read here, which the index does not answer for.
     */
    @Override
    public List<Hit> related(dev.paperlink.corpus.model.Passage passage, int limit) {
        Map<String, Float> query = topicWords(passage);
        if (query.isEmpty()) {
            return List.of();
        }
        List<Hit> hits = new ArrayList<>();
        Map<String, Integer> df = documentFrequencies(query.keySet());
        for (Entry e : entries) {
            float score = score(e, query, df);
            if (score > 0) {
                hits.add(new Hit(e.paper(), Hit.Match.RELATED, score));
            }
        }
        hits.sort(Comparator.comparing(Hit::score).reversed().thenComparing(h -> h.paper().key()));
        return hits.subList(0, Math.min(limit, hits.size()));
    }

    @Override
    public Map<String, Float> relatedScores(dev.paperlink.corpus.model.Passage passage, java.util.Collection<String> paperIds) {
        Map<String, Float> query = topicWords(passage);
        Map<String, Integer> df = documentFrequencies(query.keySet());
        Map<String, Float> out = new HashMap<>();
        for (Entry e : entries) {
            String id = PaperLookup.idOf(e.paper());
            if (paperIds.contains(id)) {
                float score = score(e, query, df);
                if (score > 0) {
                    out.put(id, score);
                }
            }
        }
        return out;
    }

    private Map<String, Integer> documentFrequencies(java.util.Set<String> terms) {
        Map<String, Integer> df = new HashMap<>();
        for (Entry e : entries) {
            for (String t : e.topic()) {
                if (terms.contains(t)) {
                    df.merge(t, 1, Integer::sum);
                }
            }
        }
        return df;
    }

    private float score(Entry e, Map<String, Float> query, Map<String, Integer> df) {
        float score = 0;
        for (Map.Entry<String, Float> q : query.entrySet()) {
            if (e.topic().contains(q.getKey())) {
                score += q.getValue() * (float) Math.log(1 + (double) entries.size() / df.get(q.getKey()));
            }
        }
        return score;
    }

    private static Map<String, Float> topicWords(dev.paperlink.corpus.model.Passage passage) {
        Map<String, Float> out = new LinkedHashMap<>();
        topic(passage.focus()).forEach(w -> out.merge(w, 1f, Float::sum));
        topic(passage.around()).forEach(w -> out.merge(w, passage.aroundWeight(), Float::sum));
        return out;
    }

    /** Words of three letters or more, not numbers, a plural "s" dropped; stop words go as rare words do not. */
    private static java.util.Set<String> topic(String text) {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        for (String w : words(text)) {
            if (w.length() >= 3 && !w.chars().allMatch(Character::isDigit) && !STOP.contains(w)) {
                out.add(w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") ? w.substring(0, w.length() - 1) : w);
            }
        }
        return out;
    }

    private static final java.util.Set<String> STOP = java.util.Set.of("the", "and", "for", "are", "but", "not", "was", "with",
            "that", "this", "from", "have", "has", "been", "were", "which", "their", "these", "such", "its", "can", "our", "they",
            "into", "than", "also", "use", "using", "used", "how", "what", "when", "where", "who");

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
