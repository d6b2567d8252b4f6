package dev.paperlink.corpus.model;

/**
 * One author (or editor) of a paper, split the way BibTeX and CSL split names.
 *
 * <p>A person has a {@code family} name and usually a {@code given} name; {@code particle} holds
 * "von"-parts ("van der", "de la") and {@code suffix} holds "Jr.", "III". An organisation or any
 * name that must not be split ("{Barnes and Noble}", "World Health Organization") has only a
 * {@code literal}. {@link #others()} is the "and others" marker of BibTeX. All values are display
 * values (LaTeX already converted to Unicode); absent parts are empty strings, never null.
 */
public record Author(String family, String given, String particle, String suffix, String literal) {

    public static final Author OTHERS = new Author("", "", "", "", "others");

    public Author {
        family = clean(family);
        given = clean(given);
        particle = clean(particle);
        suffix = clean(suffix);
        literal = clean(literal);
    }

    public static Author person(String family, String given) {
        return new Author(family, given, "", "", "");
    }

    public static Author literal(String name) {
        return new Author("", "", "", "", name);
    }

    public boolean isLiteral() {
        return family.isEmpty() && !literal.isEmpty();
    }

    public boolean isOthers() {
        return this.equals(OTHERS);
    }

    /** The name used for sorting and key generation: the family name, or the literal name. */
    public String sortName() {
        return isLiteral() ? literal : family;
    }

    /** "Given particle Family, Suffix", or the literal name. */
    public String displayName() {
        if (isLiteral()) {
            return literal;
        }
        StringBuilder sb = new StringBuilder();
        append(sb, given);
        append(sb, particle);
        append(sb, family);
        if (!suffix.isEmpty()) {
            sb.append(", ").append(suffix);
        }
        return sb.toString();
    }

    /** "particle Family, G." as in reference lists. */
    public String shortName() {
        if (isLiteral()) {
            return literal;
        }
        StringBuilder sb = new StringBuilder();
        append(sb, particle);
        append(sb, family);
        if (!given.isEmpty()) {
            sb.append(", ").append(initials(given));
        }
        return sb.toString();
    }

    private static String initials(String given) {
        StringBuilder sb = new StringBuilder();
        for (String part : given.split("[\\s]+")) {
            if (part.isEmpty()) {
                continue;
            }
            String[] hyphenated = part.split("-");
            for (int i = 0; i < hyphenated.length; i++) {
                String h = hyphenated[i];
                if (h.isEmpty()) {
                    continue;
                }
                if (i > 0) {
                    sb.append('-');
                } else if (!sb.isEmpty()) {
                    sb.append(' ');
                }
                sb.appendCodePoint(h.codePointAt(0)).append('.');
            }
        }
        return sb.toString();
    }

    private static void append(StringBuilder sb, String part) {
        if (!part.isEmpty()) {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(part);
        }
    }

    private static String clean(String s) {
        return s == null ? "" : s.strip();
    }

    @Override
    public String toString() {
        return displayName();
    }
}
