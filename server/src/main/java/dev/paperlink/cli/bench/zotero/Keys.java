package dev.paperlink.cli.bench.zotero;

import dev.paperlink.corpus.source.Identifiers;

import java.util.Locale;
import java.util.Random;
import java.util.Set;

/** The keys Zotero and Better BibTeX give: item keys, and BBT's default citation keys. */
public final class Keys {
    /** Zotero's alphabet for object keys ({@code Zotero.Utilities.generateObjectKey}): no 0, 1, O. */
    private static final String KEY_CHARS = "23456789ABCDEFGHIJKLMNPQRSTUVWXYZ";

    /** Words Better BibTeX's {@code shorttitle} leaves out (its default "function words", English part). */
    private static final Set<String> FUNCTION_WORDS = Set.of("a", "ab", "aboard", "about", "above", "across", "after",
            "against", "al", "along", "amid", "among", "an", "and", "anti", "around", "as", "at", "before", "behind",
            "below", "beneath", "beside", "besides", "between", "beyond", "but", "by", "d", "da", "das", "de", "del",
            "dell", "dello", "dei", "degli", "della", "dem", "den", "der", "des", "despite", "die", "do", "down", "du",
            "during", "ein", "eine", "einem", "einen", "einer", "eines", "el", "en", "et", "except", "for", "from",
            "gli", "i", "il", "in", "inside", "into", "is", "l", "la", "las", "le", "les", "like", "lo", "los", "near",
            "nor", "of", "off", "on", "onto", "or", "over", "past", "per", "plus", "round", "save", "since", "so",
            "some", "sur", "than", "the", "through", "to", "toward", "towards", "un", "una", "unas", "under",
            "underneath", "une", "unlike", "uno", "unos", "until", "up", "upon", "versus", "via", "von", "while",
            "with", "within", "without", "yet", "zu", "zum");

    private Keys() {
    }

    /** An 8-character Zotero item (or collection) key, e.g. {@code 8XSB2LMG}. */
    public static String itemKey(Random random) {
        char[] k = new char[8];
        for (int i = 0; i < k.length; i++) {
            k[i] = KEY_CHARS.charAt(random.nextInt(KEY_CHARS.length()));
        }
        return new String(k);
    }

    /**
     * Better BibTeX's default key, {@code auth.lower + shorttitle(3,3) + year}: the first author's
     * family name in lower case, the first three words of the title that are not function words,
     * each capitalised, and the year ({@code tewelTrainingFreeConsistentTexttoImage2024} for Tewel,
     * "Training-Free Consistent Text-to-Image Generation", 2024). Letters and digits only, accents
     * folded; other scripts kept as they are.
     */
    public static String betterBibtexKey(String family, String title, String year) {
        StringBuilder sb = new StringBuilder(clean(family).toLowerCase(Locale.ROOT));
        int words = 0;
        for (String w : title.split("\\s+")) {
            String c = clean(w);
            if (c.isEmpty() || FUNCTION_WORDS.contains(c.toLowerCase(Locale.ROOT))) {
                continue;
            }
            sb.appendCodePoint(Character.toUpperCase(c.codePointAt(0))).append(c.substring(Character.charCount(c.codePointAt(0))));
            if (++words == 3) {
                break;
            }
        }
        sb.append(year);
        return sb.toString();
    }

    /** BBT's disambiguation of a key taken: {@code key}, {@code keya}, {@code keyb}, ... {@code keyz}, {@code keyaa}. */
    public static String postfix(String key, int n) {
        if (n <= 0) {
            return key;
        }
        StringBuilder p = new StringBuilder();
        for (int i = n; i > 0; i = (i - 1) / 26) {
            p.insert(0, (char) ('a' + (i - 1) % 26));
        }
        return key + p;
    }

    private static String clean(String s) {
        String folded = Identifiers.foldToAscii(s);
        StringBuilder sb = new StringBuilder(folded.length());
        folded.codePoints().filter(Character::isLetterOrDigit).forEach(sb::appendCodePoint);
        return sb.toString();
    }
}
