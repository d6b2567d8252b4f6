package dev.paperlink.corpus.source.csl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paperlink.corpus.model.Author;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** CSL name variables ({@code author}, {@code editor}...) to {@link Author}s. */
public final class CslNames {
    private CslNames() {
    }

    /** The names of a CSL name variable: an array of name objects (or strings), or one name. */
    public static List<Author> names(JsonNode variable) {
        List<Author> out = new ArrayList<>();
        if (variable == null || variable.isNull()) {
            return out;
        }
        if (variable.isArray()) {
            for (JsonNode n : variable) {
                name(n).ifPresent(out::add);
            }
        } else {
            name(variable).ifPresent(out::add);
        }
        return out;
    }

    /** One CSL name: family/given with particles and suffix, or a literal; a string is "Family, Given" or a literal. */
    public static Optional<Author> name(JsonNode n) {
        if (n == null || n.isNull()) {
            return Optional.empty();
        }
        if (n.isTextual() || n.isNumber()) {
            return fromString(n.asText());
        }
        if (!n.isObject()) {
            return Optional.empty();
        }
        String family = CslText.display(CslText.field(n, "family"));
        String given = CslText.display(CslText.field(n, "given"));
        String literal = CslText.display(CslText.field(n, "literal"));
        String dropping = CslText.display(CslText.field(n, "dropping-particle"));
        String nonDropping = CslText.display(CslText.field(n, "non-dropping-particle"));
        String suffix = CslText.display(CslText.field(n, "suffix"));
        String particle = join(dropping, nonDropping);
        if (family.isEmpty()) {
            if (!literal.isEmpty()) {
                return Optional.of(Author.literal(literal));
            }
            String only = join(join(given, particle), suffix);
            return only.isEmpty() ? Optional.empty() : Optional.of(Author.literal(only));
        }
        return Optional.of(new Author(family, given, particle, suffix, ""));
    }

    /** "Family, Given" (or "Family, Suffix, Given" as in BibTeX) or a literal name. */
    public static Optional<Author> fromString(String s) {
        String v = CslText.display(s);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        String[] parts = v.split("\\s*,\\s*", -1);
        if (parts.length >= 2 && !parts[0].isEmpty() && !parts[1].isEmpty()) {
            if (parts.length >= 3 && !parts[2].isEmpty()) { // BibTeX order: "Family, Jr., Given"
                return Optional.of(new Author(parts[0], parts[2], "", parts[1], ""));
            }
            return Optional.of(new Author(parts[0], parts[1], "", "", ""));
        }
        return Optional.of(Author.literal(v));
    }

    private static String join(String a, String b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isEmpty() ? a : a + " " + b;
    }
}
