package dev.paperlink.cli.bench;

import dev.paperlink.corpus.model.Author;
import dev.paperlink.corpus.model.Paper;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Makes benchmark queries from real papers of the corpus, seeded so that runs compare: what a
 * user types when they half-remember a key, a title (with or without a typo), an author and a
 * year, or write a paragraph about a paper.
 */
public final class BenchQueries {
    private final Random random;

    public BenchQueries(long seed) {
        this.random = new Random(seed);
    }

    public Optional<BenchQuery> make(BenchQuery.Kind kind, Paper p) {
        return switch (kind) {
            case KEY_PREFIX -> keyPrefix(p);
            case TITLE_PREFIX -> titlePrefix(p, false);
            case TITLE_PREFIX_TYPO -> titlePrefix(p, true);
            case AUTHOR_YEAR -> authorYear(p);
            case RELATED -> related(p);
        };
    }

    private Optional<BenchQuery> keyPrefix(Paper p) {
        if (p.key().length() < 3) {
            return Optional.empty();
        }
        int len = 2 + random.nextInt(Math.min(p.key().length(), 8) - 1);
        return Optional.of(new BenchQuery(BenchQuery.Kind.KEY_PREFIX, p.key().substring(0, len), p.key()));
    }

    private Optional<BenchQuery> titlePrefix(Paper p, boolean typo) {
        String[] words = p.title().strip().split("\\s+");
        if (words.length == 0 || words[0].isEmpty()) {
            return Optional.empty();
        }
        int n = 1 + random.nextInt(Math.min(4, words.length));
        List<String> chosen = new ArrayList<>(List.of(words).subList(0, n));
        String last = chosen.get(n - 1);
        if (last.length() > 3) {
            chosen.set(n - 1, last.substring(0, 2 + random.nextInt(last.length() - 2)));
        }
        if (typo) {
            List<Integer> candidates = new ArrayList<>();
            for (int i = 0; i < chosen.size(); i++) {
                if (chosen.get(i).length() >= 5) {
                    candidates.add(i);
                }
            }
            if (candidates.isEmpty()) {
                return Optional.empty();
            }
            int i = candidates.get(random.nextInt(candidates.size()));
            chosen.set(i, typo(chosen.get(i)));
        }
        return Optional.of(new BenchQuery(typo ? BenchQuery.Kind.TITLE_PREFIX_TYPO : BenchQuery.Kind.TITLE_PREFIX,
                String.join(" ", chosen), p.key()));
    }

    /** One edit inside the word (never its first letter): a swap, a deletion or a substitution. */
    private String typo(String w) {
        StringBuilder sb = new StringBuilder(w);
        int i = 1 + random.nextInt(w.length() - 2);
        switch (random.nextInt(3)) {
            case 0 -> {
                char c = sb.charAt(i);
                sb.setCharAt(i, sb.charAt(i + 1));
                sb.setCharAt(i + 1, c);
            }
            case 1 -> sb.deleteCharAt(i);
            default -> sb.setCharAt(i, (char) ('a' + random.nextInt(26)));
        }
        return sb.toString();
    }

    private Optional<BenchQuery> authorYear(Paper p) {
        if (p.year().isEmpty()) {
            return Optional.empty();
        }
        return p.authors().stream().filter(a -> !a.isOthers() && !a.isLiteral()).map(Author::family)
                .filter(f -> !f.isBlank()).findFirst()
                .map(f -> new BenchQuery(BenchQuery.Kind.AUTHOR_YEAR, f + " " + p.year(), p.key()));
    }

    private Optional<BenchQuery> related(Paper p) {
        String text = p.abstractText();
        if (text.length() < 200) {
            return Optional.empty();
        }
        int start = text.indexOf(". ");
        String passage = text.substring(start < 0 || start > text.length() / 2 ? 0 : start + 2);
        return Optional.of(new BenchQuery(BenchQuery.Kind.RELATED,
                passage.substring(0, Math.min(passage.length(), 400)), p.key()));
    }
}
