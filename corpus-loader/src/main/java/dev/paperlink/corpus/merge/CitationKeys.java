package dev.paperlink.corpus.merge;

import dev.paperlink.corpus.model.Author;
import dev.paperlink.corpus.model.Paper;
import dev.paperlink.corpus.source.Identifiers;

import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Citation keys for papers whose sources give none (arXiv snapshots, Hugging Face pages).
 *
 * <p>The form follows Google Scholar and Better BibTeX: first author's family name, year, first
 * significant title word, ASCII lower case: {@code vaswani2017attention}. Without authors it is
 * the first two significant title words and the year: {@code attentionneed2017}. Without a year
 * the year is left out. When the key is taken, {@code a}, {@code b}, ... {@code z}, {@code aa}...
 * is appended in the order papers are indexed, which is the sorted order of the source files,
 * so the same input always gives the same keys.
 */
public final class CitationKeys {
    private static final Set<String> STOP = Set.of(
            "a", "an", "the", "of", "on", "in", "at", "to", "for", "and", "or", "with", "by", "from", "as",
            "is", "are", "be", "via", "you", "i", "me", "my", "your", "us", "they", "he", "she", "his", "her", "their", "into", "over", "under", "its", "it", "this", "that", "we", "our",
            "how", "what", "why", "when", "do", "does", "can", "not", "all", "toward", "towards", "using",
            "le", "la", "les", "der", "die", "das", "el", "de", "un", "une", "ein", "eine");

    private CitationKeys() {
    }

    /** The base key of a paper, before any uniqueness suffix. */
    public static String base(Paper p) {
        String author = firstAuthorWord(p);
        String year = p.year();
        if (!author.isEmpty()) {
            String word = significantWords(p.title(), 1);
            String key = author + year + word;
            return key.isEmpty() ? "paper" : key;
        }
        String words = significantWords(p.title(), 2);
        String key = words + year;
        return key.isEmpty() ? "paper" : key;
    }

    /** The first of base, base+"a", base+"b"... that {@code taken} says is free. */
    public static String unique(String base, Predicate<String> taken) {
        if (!taken.test(base)) {
            return base;
        }
        for (int i = 0; ; i++) {
            String candidate = base + suffix(i);
            if (!taken.test(candidate)) {
                return candidate;
            }
        }
    }

    /**
     * The stable id of a new paper before any uniqueness suffix: its arXiv id, else its DOI, else its
     * key (written, or {@code generatedKey}). Every backend names papers this way.
     */
    public static String baseId(Paper part, String generatedKey) {
        String arxiv = Identifiers.arxivId(part.arxivId());
        if (!arxiv.isEmpty()) {
            return "arxiv:" + arxiv;
        }
        String doi = Identifiers.doi(part.doi());
        if (!doi.isEmpty()) {
            return "doi:" + doi;
        }
        return "key:" + (part.key().isEmpty() ? generatedKey : part.key());
    }

    static String suffix(int i) {
        StringBuilder sb = new StringBuilder();
        int n = i;
        do {
            sb.insert(0, (char) ('a' + n % 26));
            n = n / 26 - 1;
        } while (n >= 0);
        return sb.toString();
    }

    private static String firstAuthorWord(Paper p) {
        for (Author a : p.authors()) {
            if (a.isOthers()) {
                continue;
            }
            String name = a.isLiteral() ? firstWord(a.literal()) : a.family();
            String ascii = ascii(name);
            if (!ascii.isEmpty()) {
                return ascii;
            }
        }
        return "";
    }

    private static String firstWord(String s) {
        for (String w : s.split("\\s+")) {
            if (!ascii(w).isEmpty() && !STOP.contains(ascii(w))) {
                return w;
            }
        }
        return s;
    }

    private static String significantWords(String title, int n) {
        StringBuilder sb = new StringBuilder();
        int found = 0;
        for (String w : Identifiers.foldToAscii(title).toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            if (w.isEmpty() || STOP.contains(w)) {
                continue;
            }
            sb.append(w);
            if (++found == n) {
                break;
            }
        }
        return sb.toString();
    }

    /** ASCII letters and digits only, lower case. */
    static String ascii(String s) {
        return Identifiers.foldToAscii(s).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
