package dev.paperlink.corpus.source.bibtex;

import dev.paperlink.corpus.model.Author;
import dev.paperlink.corpus.model.Paper;
import dev.paperlink.corpus.model.PaperBuilder;
import dev.paperlink.corpus.model.SourceFormat;
import dev.paperlink.corpus.model.SourceSpan;
import dev.paperlink.corpus.source.Identifiers;
import dev.paperlink.corpus.source.latex.LatexToUnicode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Maps a parsed (and inheritance-resolved) entry to a {@link Paper}. */
final class FieldMapper {
    private static final Set<String> BOOK_TYPES = Set.of("book", "mvbook", "booklet", "collection", "mvcollection",
            "proceedings", "mvproceedings", "reference", "mvreference", "manual");

    private FieldMapper() {
    }

    static Paper map(String file, RawEntry e) {
        PaperBuilder b = Paper.builder()
                .key(e.key())
                .entryType(e.type())
                .raws(e.fields())
                .source(new SourceSpan(file, SourceFormat.BIBTEX, e.startLine(), e.endLine(), e.keyLine(),
                        e.keyColumn(), e.key()));
        b.title(LatexToUnicode.convert(e.field("title")));
        List<Author> authors = NameParser.parse(e.field("author"));
        if (authors.isEmpty()) {
            authors = NameParser.parse(e.field("editor"));
        }
        b.authors(authors);
        String date = date(e);
        String year = Identifiers.year(LatexToUnicode.convert(e.field("year")));
        if (year.isEmpty()) {
            year = Identifiers.year(date);
        }
        b.year(year).date(date);
        b.venue(LatexToUnicode.convert(venue(e)));
        b.abstractText(LatexToUnicode.convert(e.field("abstract")));
        String doi = Identifiers.doiAsWritten(e.field("doi"));
        String url = url(e);
        if (doi.isEmpty() && url.contains("doi.org/")) {
            doi = Identifiers.doiAsWritten(url);
        }
        if (doi.isEmpty() && e.key().startsWith("10.")) {
            doi = Identifiers.doiAsWritten(e.key()); // ACM's exports: the key is the DOI, and there is no doi field
        }
        b.doi(doi).url(url).arxivId(arxiv(e, url));
        b.files(files(e.field("file")));
        for (String k : splitKeywords(e.field("keywords"))) {
            b.keyword(LatexToUnicode.convert(k));
        }
        return b.build();
    }

    private static String venue(RawEntry e) {
        for (String f : new String[] {"journaltitle", "journal", "booktitle"}) {
            if (e.has(f)) {
                return e.field(f);
            }
        }
        if (BOOK_TYPES.contains(e.type()) && e.has("publisher")) {
            return e.field("publisher");
        }
        for (String f : new String[] {"school", "institution", "howpublished"}) {
            if (e.has(f)) {
                return e.field(f);
            }
        }
        return "";
    }

    /** ISO date: biblatex date (first part of a range), else year-month-day from the fields. */
    static String date(RawEntry e) {
        String d = e.field("date").strip();
        if (!d.isEmpty()) {
            int slash = d.indexOf('/');
            if (slash >= 0) {
                d = d.substring(0, slash).strip();
            }
            if (!d.isEmpty()) {
                return d;
            }
        }
        String year = Identifiers.year(e.field("year"));
        if (year.isEmpty()) {
            return "";
        }
        int month = month(e.field("month"));
        if (month == 0) {
            return year;
        }
        String date = year + "-" + (month < 10 ? "0" : "") + month;
        String dayText = e.field("day").strip();
        if (!dayText.isEmpty() && dayText.length() <= 2 && dayText.chars().allMatch(Character::isDigit)) {
            int day = Integer.parseInt(dayText);
            if (day >= 1 && day <= 31) {
                date += "-" + (day < 10 ? "0" : "") + day;
            }
        }
        return date;
    }

    /** A month number from "8", "08", "aug", "August", "{Aug.}"; 0 if none. */
    static int month(String raw) {
        String m = raw.replace("{", "").replace("}", "").strip().toLowerCase(Locale.ROOT);
        if (m.isEmpty()) {
            return 0;
        }
        int digits = 0;
        while (digits < m.length() && Character.isDigit(m.charAt(digits))) {
            digits++;
        }
        if (digits > 0 && digits <= 2) {
            int n = Integer.parseInt(m.substring(0, digits));
            return n >= 1 && n <= 12 ? n : 0;
        }
        if (m.length() >= 3) {
            String prefix = m.substring(0, 3);
            for (int i = 0; i < MacroTable.MONTHS.length; i++) {
                if (MacroTable.MONTHS[i].substring(0, 3).toLowerCase(Locale.ROOT).equals(prefix)) {
                    return i + 1;
                }
            }
        }
        return 0;
    }

    private static String url(RawEntry e) {
        String u = cleanUrl(e.field("url"));
        if (u.isEmpty() && e.has("urls")) {
            for (String part : e.field("urls").split("[\\s,;]+")) {
                u = cleanUrl(part);
                if (!u.isEmpty()) {
                    break;
                }
            }
        }
        return u;
    }

    private static String cleanUrl(String raw) {
        String u = raw.strip();
        if (u.startsWith("\\url{")) {
            u = u.substring(5);
        }
        return u.replace("{", "").replace("}", "").replace("\\_", "_").replace("\\%", "%")
                .replace("\\&", "&").replace("\\#", "#").replace("\\~", "~").strip();
    }

    private static String arxiv(RawEntry e, String url) {
        String type = (e.field("eprinttype") + " " + e.field("archiveprefix")).toLowerCase(Locale.ROOT);
        if (type.contains("arxiv") && e.has("eprint")) {
            String id = Identifiers.arxivId(e.field("eprint"));
            if (!id.isEmpty()) {
                return id;
            }
        }
        if (url.toLowerCase(Locale.ROOT).contains("arxiv.org/")) {
            String id = Identifiers.arxivId(url);
            if (!id.isEmpty()) {
                return id;
            }
        }
        for (String f : new String[] {"journal", "journaltitle"}) {
            String v = e.field(f);
            if (v.toLowerCase(Locale.ROOT).contains("arxiv")) {
                String id = Identifiers.arxivId(v);
                if (!id.isEmpty()) {
                    return id;
                }
            }
        }
        return "";
    }

    /**
     * Paths of a {@code file} field: JabRef/Zotero style "description:path:type" parts separated by
     * ';' (with '\:' and '\;' escapes), or plain paths.
     */
    static List<String> files(String raw) {
        List<String> files = new ArrayList<>();
        if (raw.isBlank()) {
            return files;
        }
        for (String part : splitUnescaped(raw, ';')) {
            List<String> pieces = splitUnescaped(part, ':');
            String path;
            if (pieces.size() >= 3) {
                path = String.join(":", pieces.subList(1, pieces.size() - 1));
            } else if (pieces.size() == 2 && pieces.get(0).length() == 1) {
                path = part; // a Windows drive "C:/x.pdf"
            } else if (pieces.size() == 2) {
                path = pieces.get(1);
            } else {
                path = part;
            }
            path = unescape(path).replace("{", "").replace("}", "").strip();
            if (!path.isEmpty()) {
                files.add(path);
            }
        }
        return files;
    }

    private static List<String> splitUnescaped(String s, char sep) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                i++;
            } else if (c == sep) {
                parts.add(s.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(s.substring(start));
        return parts;
    }

    private static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() && ":;\\".indexOf(s.charAt(i + 1)) >= 0) {
                sb.append(s.charAt(++i));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static List<String> splitKeywords(String raw) {
        List<String> out = new ArrayList<>();
        if (raw.isBlank()) {
            return out;
        }
        int depth = 0;
        int start = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth = Math.max(0, depth - 1);
            } else if (depth == 0 && (c == ',' || c == ';')) {
                out.add(raw.substring(start, i));
                start = i + 1;
            }
        }
        out.add(raw.substring(start));
        return out;
    }
}
