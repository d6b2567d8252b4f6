package dev.paperlink.server.feature.related;

import dev.paperlink.corpus.model.Paper;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Why a paper is suggested for a passage: the passage's words of four letters or more (not numbers,
 * not {@link #COMMON} words) that begin a word of the paper's title or abstract ("network" for
 * "networks"), in the passage's order, at most {@value #MAX}. Made once per passage and asked for
 * every suggestion, so the paper's text is scanned once, without regular expressions or sets of its
 * words: each of its words is looked up by its first four letters among the passage's.
 */
final class SharedWords {
    static final int MAX = 5;

    private final List<String> words;
    private final Map<Integer, List<Integer>> byStart = new HashMap<>();

    private SharedWords(List<String> words) {
        this.words = words;
        for (int i = 0; i < words.size(); i++) {
            byStart.computeIfAbsent(start(words.get(i), 0), k -> new ArrayList<>()).add(i);
        }
    }

    static SharedWords of(String passage) {
        Set<String> words = new LinkedHashSet<>();
        forEachWord(passage, (s, e) -> {
            String w = passage.substring(s, e).toLowerCase(Locale.ROOT);
            if (w.length() >= 4 && !w.chars().allMatch(Character::isDigit) && !COMMON.contains(w)) {
                words.add(w);
            }
        });
        return new SharedWords(List.copyOf(words));
    }

    List<String> in(Paper paper) {
        boolean[] found = new boolean[words.size()];
        mark(paper.title(), found);
        mark(paper.abstractText(), found);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < found.length && out.size() < MAX; i++) {
            if (found[i]) {
                out.add(words.get(i));
            }
        }
        return List.copyOf(out);
    }

    private void mark(String text, boolean[] found) {
        forEachWord(text, (s, e) -> {
            if (e - s < 4) {
                return;
            }
            List<Integer> maybe = byStart.get(start(text, s));
            if (maybe != null) {
                for (int i : maybe) {
                    String w = words.get(i);
                    if (!found[i] && w.length() <= e - s && text.regionMatches(true, s, w, 0, w.length())) {
                        found[i] = true;
                    }
                }
            }
        });
    }

    /** The first four characters from {@code at}, lower-cased, as one number. */
    private static int start(String s, int at) {
        int code = 0;
        for (int i = at; i < at + 4; i++) {
            code = code * 31 + Character.toLowerCase(s.charAt(i));
        }
        return code;
    }

    private interface WordRange {
        void accept(int start, int end);
    }

    /** The runs of letters and digits of a text. */
    private static void forEachWord(String text, WordRange out) {
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean word = i < text.length() && Character.isLetterOrDigit(text.charAt(i));
            if (word && start < 0) {
                start = i;
            } else if (!word && start >= 0) {
                out.accept(start, i);
                start = -1;
            }
        }
    }

    private static final Set<String> COMMON = Set.of("that", "this", "with", "from", "have", "been", "were", "which", "their",
            "these", "those", "such", "also", "more", "than", "other", "into", "they", "them", "there", "where", "when", "while",
            "over", "only", "both", "each", "many", "most", "some", "very", "well", "used", "using", "based", "show", "shown",
            "paper", "papers", "work", "works", "approach", "method", "methods", "results", "propose", "proposed", "recent",
            "recently", "however", "between", "through", "about", "often", "first");
}
