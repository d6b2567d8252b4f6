package dev.paperlink.corpus.write;

import dev.paperlink.corpus.model.Author;
import dev.paperlink.corpus.model.Paper;
import dev.paperlink.corpus.model.SourceFormat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A paper as a BibTeX or BibLaTeX entry. A paper whose first record came from a BibTeX file is
 * written with that record's fields as the corpus keeps them ({@code @string} macros expanded,
 * {@code #} joined, LaTeX as written); any other paper is written from its fields: the title with
 * case-protecting braces around words such as "BERT" or "ImageNet", authors as
 * {@code Last, First and ...}, the venue as journal or booktitle, DOI, arXiv eprint, url, abstract.
 */
public final class BibtexWriter {
    /** Fields of another entry the written one would point to but not bring: left out. */
    private static final Set<String> DANGLING = Set.of("crossref", "xref", "xdata");
    private static final List<String> ORDER = List.of("author", "editor", "title", "journal", "journaltitle", "booktitle",
            "series", "volume", "number", "pages", "year", "month", "date", "publisher", "address", "location", "school",
            "institution", "howpublished", "doi", "eprint", "archiveprefix", "eprinttype", "primaryclass", "url", "abstract");

    /** Field names as they are usually written (the corpus keeps them in lower case). */
    private static final Map<String, String> SPELLED = Map.of("archiveprefix", "archivePrefix", "primaryclass", "primaryClass");

    private BibtexWriter() {
    }

    public static String entry(Paper p, boolean biblatex, Layout layout) {
        Map<String, String> fields = fromBibtexRecord(p) ? ordered(p.raw()) : generated(p, biblatex);
        String type = p.entryType().isEmpty() ? "misc" : p.entryType();
        StringBuilder sb = new StringBuilder("@").append(type).append('{').append(p.key()).append(",\n");
        // aligned '=' signs stay aligned, moved right for a longer field name
        int align = layout.alignEquals() == 0 ? 0
                : Math.max(layout.alignEquals(), fields.keySet().stream().mapToInt(String::length).max().orElse(0) + 1);
        for (Map.Entry<String, String> f : fields.entrySet()) {
            String name = SPELLED.getOrDefault(f.getKey(), f.getKey());
            sb.append(layout.indent()).append(name);
            sb.append(" ".repeat(Math.max(1, align - name.length())));
            sb.append("= {").append(balanced(f.getValue())).append("},\n");
        }
        sb.append("}\n");
        return layout.lines(sb.toString());
    }

    /** Whether the paper's raw fields are those of a BibTeX entry. */
    static boolean fromBibtexRecord(Paper p) {
        return !p.raw().isEmpty() && p.primarySource().map(s -> s.format() == SourceFormat.BIBTEX).orElse(false);
    }

    private static Map<String, String> ordered(Map<String, String> raw) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String f : ORDER) {
            if (raw.containsKey(f) && !raw.get(f).isBlank()) {
                out.put(f, raw.get(f));
            }
        }
        raw.forEach((k, v) -> {
            if (!out.containsKey(k) && !DANGLING.contains(k) && !v.isBlank()) {
                out.put(k, v);
            }
        });
        return out;
    }

    private static Map<String, String> generated(Paper p, boolean biblatex) {
        Map<String, String> out = new LinkedHashMap<>();
        put(out, "author", authors(p.authors()));
        put(out, "title", protectCase(escape(p.title())));
        put(out, venueField(p.entryType(), biblatex), escape(p.venue()));
        if (biblatex && !p.date().isEmpty()) {
            put(out, "date", p.date());
        } else {
            put(out, "year", p.year());
        }
        put(out, "doi", Written.doi(p));
        if (!p.arxivId().isEmpty()) {
            put(out, "eprint", p.arxivId());
            put(out, biblatex ? "eprinttype" : "archivePrefix", "arXiv");
        }
        put(out, "url", Written.url(p));
        put(out, "abstract", escape(p.abstractText()));
        return out;
    }

    private static String venueField(String type, boolean biblatex) {
        return switch (type) {
            case "article" -> biblatex ? "journaltitle" : "journal";
            case "inproceedings", "incollection", "conference", "inbook" -> "booktitle";
            case "book", "proceedings", "booklet" -> "publisher";
            case "phdthesis", "mastersthesis", "thesis" -> "school";
            case "techreport", "report" -> "institution";
            default -> "howpublished";
        };
    }

    private static void put(Map<String, String> out, String field, String value) {
        if (value != null && !value.isBlank()) {
            out.put(field, value);
        }
    }

    /** {@code Last, First and ...}; an organisation in braces, so that BibTeX does not split it. */
    static String authors(List<Author> authors) {
        List<String> names = new ArrayList<>();
        for (Author a : authors) {
            if (a.isOthers()) {
                names.add("others");
            } else if (a.isLiteral()) {
                names.add("{" + escape(a.literal()) + "}");
            } else {
                StringBuilder n = new StringBuilder();
                if (!a.particle().isEmpty()) {
                    n.append(namePart(a.particle())).append(' ');
                }
                n.append(namePart(a.family()));
                if (!a.suffix().isEmpty()) {
                    n.append(", ").append(namePart(a.suffix()));
                }
                if (!a.given().isEmpty()) {
                    n.append(", ").append(namePart(a.given()));
                } else if (!a.suffix().isEmpty()) {
                    n.append(", ");
                }
                names.add(n.toString());
            }
        }
        return String.join(" and ", names);
    }

    /** A name part BibTeX would split or misread ("and", a comma, a lower-case family name) in braces. */
    private static String namePart(String s) {
        String e = escape(s);
        boolean risky = e.contains(",") || e.matches("(?i).*\\band\\b.*");
        return risky ? "{" + e + "}" : e;
    }

    /**
     * Words BibTeX styles would lower-case but must not (an upper-case letter after the first:
     * acronyms, "ImageNet", "GPT-3") in braces.
     */
    static String protectCase(String title) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        int n = title.length();
        while (i < n) {
            int j = i;
            while (j < n && !Character.isWhitespace(title.charAt(j))) {
                j++;
            }
            String word = title.substring(i, j);
            sb.append(needsProtection(word) && !word.contains("{") && !word.contains("\\") ? protect(word) : word);
            while (j < n && Character.isWhitespace(title.charAt(j))) {
                sb.append(title.charAt(j++));
            }
            i = j;
        }
        return sb.toString();
    }

    private static boolean needsProtection(String word) {
        boolean letterSeen = false;
        for (int k = 0; k < word.length(); k++) {
            char c = word.charAt(k);
            if (Character.isLetter(c)) {
                if (letterSeen && Character.isUpperCase(c)) {
                    return true;
                }
                letterSeen = true;
            } else if (c == '-' || c == '/') {
                letterSeen = false; // "Pre-Training": each part starts with a capital
            }
        }
        return false;
    }

    /** Braces around the word, its leading and trailing punctuation left outside. */
    private static String protect(String word) {
        int s = 0;
        int e = word.length();
        while (s < e && !Character.isLetterOrDigit(word.charAt(s))) {
            s++;
        }
        while (e > s && !Character.isLetterOrDigit(word.charAt(e - 1))) {
            e--;
        }
        return word.substring(0, s) + "{" + word.substring(s, e) + "}" + word.substring(e);
    }

    /** LaTeX's special characters in a display value escaped; braces kept only where they balance. */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean escaped = i > 0 && s.charAt(i - 1) == '\\';
            switch (c) {
                case '&', '%', '$', '#', '_' -> sb.append(escaped ? "" : "\\").append(c);
                case '{', '}' -> sb.append(c);
                default -> sb.append(c);
            }
        }
        return balanced(sb.toString());
    }

    /** The value with every brace removed when its braces do not balance (a value must not end the entry early). */
    static String balanced(String v) {
        int depth = 0;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth < 0) {
                break;
            }
        }
        return depth == 0 ? v : v.replace("{", "").replace("}", "");
    }
}
