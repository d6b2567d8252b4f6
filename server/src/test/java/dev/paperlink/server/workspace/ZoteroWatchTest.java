package dev.paperlink.server.workspace;

import dev.paperlink.corpus.source.zotero.sqlite.ZoteroDataDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Following the Zotero database: the debounce over looks, then the real thread over a temp data directory. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ZoteroWatchTest {
    @TempDir
    Path dir;

    /**
     * Looks as {@code ms:what-was-seen}; the runs asked for, at the look that asks. Quiet: 300 ms.
     * The first look only remembers; a change waits for 300 ms without another.
     */
    @Test
    void theDebounce() {
        debounce("0:a 1000:a 2000:a", "");
        debounce("0:a 1000:b 1100:b 1200:b 1300:b 1400:b", "1300");
        debounce("0:a 1000:b 1100:c 1200:d 1300:e 1400:e 1500:e 1600:e 1700:e", "1600", "a burst of writes: one run, after it");
        debounce("0:a 1000:b 1300:b 2000:c 2100:c 2400:c", "1300 2400", "two changes apart: two runs");
        debounce("0:a 1000:b 1100:a 1400:a", "1400", "changed and back: still a run (the file was written)");
    }

    @Test
    void aBurstOfWritesIsOneRunAndBetterBibtexCountsToo() throws Exception {
        Path db = Files.writeString(dir.resolve("zotero.sqlite"), "SQLite format 3\0");
        AtomicInteger looks = new AtomicInteger();
        AtomicInteger runs = new AtomicInteger();
        List<String> warnings = new CopyOnWriteArrayList<>();
        var loc = new ZoteroDataDir.Location(db, dir, "test");
        try (ZoteroWatch w = new ZoteroWatch(() -> {
            looks.incrementAndGet();
            return Optional.of(loc);
        }, runs::incrementAndGet, warnings::add, ServerLog.STDERR, 50, 20, 400)) {
            w.start();
            await(() -> looks.get() >= 2, "the first looks");
            for (int i = 0; i < 10; i++) { // Zotero writes a transaction: the journal comes and goes, the database grows
                Files.writeString(db, "page " + i, StandardOpenOption.APPEND);
                if (i % 3 == 0) {
                    Files.writeString(dir.resolve("zotero.sqlite-journal"), "journal " + i);
                } else {
                    Files.deleteIfExists(dir.resolve("zotero.sqlite-journal"));
                }
                Thread.sleep(10);
            }
            await(() -> runs.get() >= 1, "a run after the burst");
            Thread.sleep(800);
            assertEquals(1, runs.get(), "one run for the burst");

            Files.writeString(dir.resolve("better-bibtex.sqlite"), "a key changed");
            await(() -> runs.get() >= 2, "a run after Better BibTeX's database changed");
            int before = looks.get();
            Thread.sleep(500);
            assertEquals(2, runs.get(), "nothing changed: no run");
            assertTrue(looks.get() > before, "it keeps looking");
            assertEquals(List.of(), warnings);
        }
    }

    @Test
    void aMissingDatabaseIsSaidOnceAndReadWhenItAppears() throws Exception {
        Path db = dir.resolve("later").resolve("zotero.sqlite");
        AtomicReference<Optional<ZoteroDataDir.Location>> where = new AtomicReference<>(
                Optional.of(new ZoteroDataDir.Location(db, db.getParent(), "the configured data directory")));
        AtomicInteger looks = new AtomicInteger();
        AtomicInteger runs = new AtomicInteger();
        List<String> warnings = new CopyOnWriteArrayList<>();
        List<String> logged = new CopyOnWriteArrayList<>();
        ServerLog log = (level, message) -> logged.add(level + " " + message);
        try (ZoteroWatch w = new ZoteroWatch(() -> {
            looks.incrementAndGet();
            return where.get();
        }, runs::incrementAndGet, warnings::add, log, 20, 10, 100)) {
            w.start();
            await(() -> looks.get() >= 20, "twenty looks");
            assertEquals(List.of("no Zotero database at " + db + " (the configured data directory). PaperLink reads it as soon as it is there;"
                    + " set paperlink.zotero to your Zotero data directory if it is elsewhere."), warnings, "said once, not at every look");
            assertEquals(1, logged.stream().filter(l -> l.startsWith("WARNING")).count(), logged.toString());
            assertEquals(0, runs.get());

            Files.createDirectories(db.getParent());
            Files.writeString(db, "SQLite format 3\0");
            await(() -> runs.get() == 1, "a run once it is there");
            assertTrue(logged.contains("INFO the Zotero database " + db + " is there now: indexing it"), logged.toString());

            where.set(Optional.empty()); // the setting is off: quiet
            int n = looks.get();
            await(() -> looks.get() > n + 5, "more looks");
            Files.delete(db);
            Thread.sleep(200);
            assertEquals(1, warnings.size(), "off: nothing said");
            assertEquals(1, runs.get());

            where.set(Optional.of(new ZoteroDataDir.Location(db, db.getParent(), "the configured data directory")));
            w.wake();
            await(() -> warnings.size() == 2, "on again, and missing again: said again, once");
        }
    }

    @Test
    void theWatchedFilesOfADataDirectory() throws Exception {
        Files.writeString(dir.resolve("zotero.sqlite"), "12345");
        Files.writeString(dir.resolve("better-bibtex.sqlite"), "12");
        List<Long> sig = ZoteroWatch.signature(dir);
        List<Long> sizes = new ArrayList<>();
        for (int i = 0; i < sig.size(); i += 2) {
            sizes.add(sig.get(i));
        }
        assertEquals(List.of(5L, -1L, -1L, 2L, -1L), sizes, ZoteroWatch.WATCHED.toString());
    }

    // ---- helpers

    private static void debounce(String looks, String expected) {
        debounce(looks, expected, "");
    }

    private static void debounce(String looks, String expected, String why) {
        ZoteroWatch.Changes c = new ZoteroWatch.Changes(300);
        List<String> fired = new ArrayList<>();
        for (String look : looks.split(" ")) {
            long t = Long.parseLong(look.substring(0, look.indexOf(':')));
            if (c.observe(look.substring(look.indexOf(':') + 1), t)) {
                fired.add(String.valueOf(t));
            }
        }
        assertEquals(expected, String.join(" ", fired), why + " " + looks);
    }

    private static void await(BooleanSupplier ok, String what) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!ok.getAsBoolean() && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        assertTrue(ok.getAsBoolean(), what + " within 20 s");
    }
}
