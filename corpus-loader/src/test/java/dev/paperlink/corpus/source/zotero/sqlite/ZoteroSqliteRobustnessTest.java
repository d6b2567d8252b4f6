package dev.paperlink.corpus.source.zotero.sqlite;

import dev.paperlink.corpus.model.Paper;
import dev.paperlink.corpus.source.ItemSource;
import dev.paperlink.corpus.source.Skip;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Damaged databases (seeded: bytes flipped, the file cut short, pages zeroed) never make the reader
 * throw anything but {@link ItemSource.Unreadable} at open; reading reports skips, never an exception.
 */
class ZoteroSqliteRobustnessTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void aDamagedDatabaseIsASkipNeverAnException(long seed) throws Exception {
        Path db = ZoteroCopies.copy(seed % 2 == 0 ? "hsteinshiromoto-bibliography" : "thiagohonorato-referencias", tmp.resolve("z"));
        byte[] bytes = Files.readAllBytes(db);
        Random r = new Random(seed);
        switch ((int) (seed % 3)) {
            case 0 -> { // bytes flipped here and there, the header kept
                for (int i = 0; i < 200; i++) {
                    int at = 100 + r.nextInt(bytes.length - 100);
                    bytes[at] = (byte) r.nextInt(256);
                }
            }
            case 1 -> bytes = java.util.Arrays.copyOf(bytes, 100 + r.nextInt(bytes.length / 2)); // cut short
            default -> { // whole pages zeroed
                for (int i = 0; i < 20; i++) {
                    int page = 1 + r.nextInt(bytes.length / 4096 - 1);
                    java.util.Arrays.fill(bytes, page * 4096, Math.min(bytes.length, page * 4096 + 4096), (byte) 0);
                }
            }
        }
        Files.write(db, bytes);
        dev.paperlink.corpus.testing.CollectingSink sink = new dev.paperlink.corpus.testing.CollectingSink();
        List<Paper> papers = sink.papers;
        List<Skip> skips = sink.skips;
        try (ZoteroDatabase z = ZoteroDatabase.open(db, db.toString(), ZoteroSelection.ALL, Optional.empty())) {
            z.read(id -> true, sink);
        } catch (ItemSource.Unreadable e) {
            assertTrue(e.skip().file().equals(db.toString()) && e.skip().line() == 0 && !e.skip().message().isBlank(), e.skip().toString());
            return;
        }
        skips.forEach(s -> assertTrue(!s.message().isBlank(), s.toString()));
        System.err.println("seed " + seed + ": " + papers.size() + " papers, skips " + skips);
    }
}
