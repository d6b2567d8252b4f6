package dev.paperlink.corpus.source.zotero.sqlite;

import dev.paperlink.corpus.model.Paper;
import dev.paperlink.corpus.model.ZoteroItem;
import dev.paperlink.corpus.source.ItemSource;
import dev.paperlink.corpus.source.Skip;
import dev.paperlink.corpus.testing.SharedCorpora;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every real Zotero database of ../shared/corpora/zotero-sqlite (Zotero 4 to 7, Better BibTeX keys in
 * both layouts) loads, with the figures of its README: live regular items (the trash, notes,
 * attachments and annotations left out), DOIs (also those written in extra), abstracts, items with an
 * attachment file, items with a Better BibTeX key (or a "Citation Key:" line), and every skip explained.
 */
class ZoteroSqliteSharedCorporaTest {

    /** Figures per database: schema, BBT layout, papers, DOIs, abstracts, with files, with user keys, skips. */
    record Expected(String dir, int schema, String keyLayout, int papers, int dois, int abstracts, int withFiles, int withKeys,
                    int skips) {
        @Override
        public String toString() {
            return dir;
        }
    }

    // DOIs: gglin001 and yuanluochen have one more than their README's DOI-field count: a DOI given only as a
    // doi.org URL (gglin001: 4 such URLs, 3 on items with a DOI field too) or in extra. ganeshbelgur: its two
    // attachments are one in the trash and one under a trashed web page, so no live item has a file.
    static Stream<Expected> databases() {
        return Stream.of(
                new Expected("thiagohonorato-referencias", 77, "none", 62, 36, 46, 58, 0, 0),
                new Expected("gglin001-Zotero", 102, "none", 47, 32, 36, 37, 0, 0),
                new Expected("StraightOuttaCrompton-Zotero-git-backup", 107, "none", 3, 0, 3, 3, 0, 0),
                new Expected("ganeshbelgur-zotero-sync", 120, "lokijs", 102, 38, 44, 0, 43, 0),
                new Expected("Lightbridge-KS-Zotero", 120, "lokijs", 2, 1, 1, 1, 2, 0),
                new Expected("hsteinshiromoto-bibliography", 120, "none", 38, 21, 13, 18, 0, 0),
                new Expected("yuanluochen-Zotero", 123, "none", 12, 6, 10, 12, 0, 0),
                new Expected("elmoghany-my-zotero-sync", 123, "citationkey", 1, 1, 1, 1, 1, 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void loadsWithTheFiguresOfItsReadme(Expected e) throws Exception {
        Path db = SharedCorpora.require("zotero-sqlite").resolve(e.dir()).resolve("zotero.sqlite");
        dev.paperlink.corpus.testing.CollectingSink sink = new dev.paperlink.corpus.testing.CollectingSink();
        List<Paper> papers = sink.papers;
        List<Skip> skips = sink.skips;
        try (ZoteroDatabase z = ZoteroDatabase.open(db, db.toString(), ZoteroSelection.ALL, Optional.empty())) {
            skips.addAll(z.notes());
            z.read(id -> true, sink);
            int dois = (int) papers.stream().filter(p -> !p.doi().isEmpty()).count();
            int abstracts = (int) papers.stream().filter(p -> !p.abstractText().isEmpty()).count();
            int withFiles = (int) papers.stream().filter(p -> !p.files().isEmpty()).count();
            int withKeys = (int) papers.stream().filter(p -> !p.key().isEmpty()).count();
            System.err.printf("%s: schema %d keys %s papers %d dois %d abstracts %d files %d keys %d skips %d %s%n", e.dir(),
                    z.schemaVersion(), z.keyLayout(), papers.size(), dois, abstracts, withFiles, withKeys, skips.size(), skips);
            assertEquals(e.schema(), z.schemaVersion(), "schema version");
            assertEquals(e.keyLayout(), z.keyLayout(), "Better BibTeX layout");
            assertEquals(e.papers(), papers.size(), "papers");
            check(e.dois(), dois, "DOIs");
            check(e.abstracts(), abstracts, "abstracts");
            check(e.withFiles(), withFiles, "with files");
            check(e.withKeys(), withKeys, "with keys");
            check(e.skips(), skips.size(), "skips");
        }
        for (Paper p : papers) {
            assertTrue(ZoteroItem.selectUri(p).orElse("").startsWith("zotero://select/library/items/"), p.toString());
            assertEquals(p.raw().get(ZoteroItem.ITEM_KEY).length(), 8, "item keys have 8 characters");
            assertTrue(!p.raw().getOrDefault(ItemSource.REVISION, "").isEmpty(), "every record has its revision");
            for (String f : p.files()) {
                assertTrue(Path.of(f).isAbsolute(), f);
            }
        }
    }

    private static void check(int expected, int actual, String what) {
        if (expected >= 0) {
            assertEquals(expected, actual, what);
        }
    }
}
