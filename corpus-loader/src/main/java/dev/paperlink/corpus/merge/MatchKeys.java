package dev.paperlink.corpus.merge;

import dev.paperlink.corpus.model.Paper;
import dev.paperlink.corpus.source.Identifiers;

import com.google.common.hash.Hashing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The identifiers two records of one paper share, as strings that the index stores and looks up.
 *
 * <p>Records match on DOI, then arXiv id, then normalised title plus year when both have a year
 * (a title with a year also matches the same title without one). Titles shorter than
 * {@value #MIN_TITLE_CHARS} characters or of one word ("Preface", "Introduction") never match
 * on title alone. Two records whose DOIs (or arXiv ids, or years) differ never match, whatever
 * their titles say: see {@link #compatible}.
 */
public final class MatchKeys {
    static final int MIN_TITLE_CHARS = 16;

    private MatchKeys() {
    }

    /** The terms a record is indexed under. */
    public static List<String> indexTerms(Paper p) {
        return indexTerms(identifierTerms(p), matchableTitle(p), p.year());
    }

    /** The terms to look a new record up by, strongest first. */
    public static List<String> lookupTerms(Paper p) {
        return lookupTerms(identifierTerms(p), matchableTitle(p), p.year());
    }

    /**
     * A record's {@link #lookupTerms} and {@link #indexTerms} as the index stores them: the
     * normalised title replaced by its 128-bit hash (short terms index much faster than whole
     * titles; 22 base64url characters), the year kept after it in clear ("ty:HASH|2019"). The
     * title is normalised and hashed once for both lists.
     */
    public record Hashed(List<String> lookup, List<String> index) {
    }

    public static Hashed hashed(Paper p) {
        return hashed(p, Identifiers.normalizedTitle(p.title()));
    }

    /** {@link #hashed(Paper)} with the record's title already normalised ({@link Identifiers#normalizedTitle}). */
    public static Hashed hashed(Paper p, String normalizedTitle) {
        List<String> ids = identifierTerms(p);
        String title = matchable(normalizedTitle);
        String hash = title.isEmpty() ? "" : java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Hashing.murmur3_128().hashString(title, StandardCharsets.UTF_8).asBytes());
        return new Hashed(List.copyOf(lookupTerms(ids, hash, p.year())), List.copyOf(indexTerms(ids, hash, p.year())));
    }

    /** @param title the matchable title or its hash; empty when the title cannot match */
    private static List<String> indexTerms(List<String> identifierTerms, String title, String year) {
        List<String> out = new ArrayList<>(identifierTerms);
        if (!title.isEmpty()) {
            out.add("t:" + title);
            out.add(year.isEmpty() ? "tn:" + title : "ty:" + title + "|" + year);
        }
        return out;
    }

    /** @param title the matchable title or its hash; empty when the title cannot match */
    private static List<String> lookupTerms(List<String> identifierTerms, String title, String year) {
        List<String> out = new ArrayList<>(identifierTerms);
        if (!title.isEmpty()) {
            if (year.isEmpty()) {
                out.add("t:" + title);
            } else {
                out.add("ty:" + title + "|" + year);
                out.add("tn:" + title);
            }
        }
        return out;
    }

    private static List<String> identifierTerms(Paper p) {
        List<String> out = new ArrayList<>(4);
        String doi = Identifiers.doi(p.doi());
        if (!doi.isEmpty()) {
            out.add("doi:" + doi);
        }
        String arxiv = Identifiers.arxivId(p.arxivId());
        if (!arxiv.isEmpty()) {
            out.add("arxiv:" + arxiv);
        }
        return out;
    }

    /** Whether two records may be the same paper: no conflicting DOI, arXiv id or year. */
    public static boolean compatible(Paper a, Paper b) {
        return agree(Identifiers.doi(a.doi()), Identifiers.doi(b.doi()))
                && agree(Identifiers.arxivId(a.arxivId()), Identifiers.arxivId(b.arxivId()))
                && (sharesIdentifier(a, b) || agree(a.year(), b.year()));
    }

    private static boolean sharesIdentifier(Paper a, Paper b) {
        String doiA = Identifiers.doi(a.doi());
        String arxivA = Identifiers.arxivId(a.arxivId());
        return (!doiA.isEmpty() && doiA.equals(Identifiers.doi(b.doi())))
                || (!arxivA.isEmpty() && arxivA.equals(Identifiers.arxivId(b.arxivId())));
    }

    private static boolean agree(String x, String y) {
        return x.isEmpty() || y.isEmpty() || x.equals(y);
    }

    static String matchableTitle(Paper p) {
        return matchable(Identifiers.normalizedTitle(p.title()));
    }

    private static String matchable(String t) {
        if (t.length() < MIN_TITLE_CHARS || t.indexOf(' ') < 0 || generic(t)) {
            return "";
        }
        return t;
    }

    /**
     * Words of titles that many different papers have: editorials, front matter, introductions to
     * an issue ("In This Issue: Introduction", "Guest Editorial", "Message from the Program Chairs").
     */
    private static final java.util.Set<String> GENERIC_WORDS = java.util.Set.of(("a an and the of on in to for from by with this "
            + "issue issues introduction introductions editorial editorials editor editors editor's guest preface foreword front "
            + "back matter cover letter letters message messages chair chairs general program programme committee committees "
            + "steering organizing organising table contents content welcome note notes keynote keynotes address addresses "
            + "invited talk talks panel panels session sessions overview special section sections volume volumes number "
            + "acknowledgment acknowledgments acknowledgement acknowledgements reviewers referees index author authors "
            + "erratum errata corrigendum corrigenda addendum news announcement announcements call papers paper reports "
            + "report workshop workshops conference conferences symposium proceedings tutorial tutorials summary abstracts "
            + "president s column columns remarks opening closing").split(" "));

    /** Whether a normalised title is made of {@link #GENERIC_WORDS} only (and numbers): it never matches on title alone. */
    static boolean generic(String normalizedTitle) {
        for (String w : normalizedTitle.split(" ")) {
            if (!w.isEmpty() && !GENERIC_WORDS.contains(w) && !w.chars().allMatch(Character::isDigit)) {
                return false;
            }
        }
        return true;
    }
}
