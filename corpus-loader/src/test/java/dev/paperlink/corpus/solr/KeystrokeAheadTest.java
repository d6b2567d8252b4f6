package dev.paperlink.corpus.solr;

import dev.paperlink.corpus.model.Hit;
import dev.paperlink.corpus.model.Paper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shortcuts a keystroke takes: which later questions the answers sent ahead may answer, and which not. */
class KeystrokeAheadTest {
    private final KeystrokeAhead ahead = new KeystrokeAhead(400);

    @AfterEach
    void close() {
        ahead.close();
    }

    private static List<Hit> hits(String... keys) {
        return java.util.Arrays.stream(keys).map(k -> new Hit(Paper.builder().key(k).title(k).build(), Hit.Match.WORDS, 1f)).toList();
    }

    private static List<String> keys(Optional<List<Hit>> hits) {
        return hits.map(h -> h.stream().map(x -> x.paper().key()).toList()).orElse(List.of("(asked again)"));
    }

    @Test
    void aTitleQuestionWithLessRoomTakesTheAnswerSentAheadCut() {
        ahead.titlesAhead("atten", null, 5, () -> hits("a", "b", "c", "d", "e"));
        assertEquals(List.of("a", "b"), keys(ahead.titles("atten", null, 2)));
        assertEquals(List.of("(asked again)"), keys(ahead.titles("atten", null, 2)), "taken once");
    }

    @Test
    void anotherTextFilterOrMoreRoomIsAskedAgain() {
        ahead.titlesAhead("atten", null, 3, () -> hits("a"));
        assertEquals(List.of("(asked again)"), keys(ahead.titles("attent", null, 3)));
        ahead.titlesAhead("atten", null, 3, () -> hits("a"));
        assertEquals(List.of("(asked again)"), keys(ahead.titles("atten", "source:(x)", 3)));
        ahead.titlesAhead("atten", null, 3, () -> hits("a"));
        assertEquals(List.of("(asked again)"), keys(ahead.titles("atten", null, 4)), "more room than was asked for");
    }

    @Test
    void theQuestionWaitsForTheAnswerStillUnderWay() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        ahead.titlesAhead("x", null, 2, () -> {
            started.countDown();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return hits("late");
        });
        started.await();
        assertEquals(List.of("late"), keys(ahead.titles("x", null, 2)));
    }

    @Test
    void anAnswerThatFailsIsEmptyAsTheQuestionWouldBe() {
        ahead.titlesAhead("x", null, 2, () -> {
            throw new IllegalStateException("cluster gone");
        });
        assertEquals(List.of(), keys(ahead.titles("x", null, 2)));
    }

    @Test
    void moreQuestionsAheadThanThreadsAreAskedByTheirKeystrokes() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger running = new AtomicInteger();
        for (int i = 0; i < 2; i++) {
            ahead.titlesAhead("busy" + i, null, 2, () -> {
                running.incrementAndGet();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return hits("b");
            });
        }
        ahead.titlesAhead("third", null, 2, () -> hits("never"));
        assertEquals(List.of("(asked again)"), keys(ahead.titles("third", null, 2)), "no thread free: not sent ahead");
        release.countDown();
    }

    @Test
    void scoresBroughtByAnswersAreKnownPerSentence() {
        assertTrue(ahead.expectedQuery().isEmpty());
        ahead.expect("topic:(entropy)");
        assertEquals(Optional.of("topic:(entropy)"), ahead.expectedQuery());
        ahead.scored("topic:(entropy)", Map.of("doi:1", 2.5f, "doi:2", 0f));
        KeystrokeAhead.Known k = ahead.known("topic:(entropy)", List.of("doi:1", "doi:2", "doi:3"));
        assertEquals(Map.of("doi:1", 2.5f, "doi:2", 0f), k.scores());
        assertEquals(List.of("doi:3"), k.missing());
        assertEquals(List.of("doi:1"), ahead.known("topic:(channel)", List.of("doi:1")).missing(), "another sentence knows nothing");
        ahead.expect(null);
        assertTrue(ahead.expectedQuery().isEmpty());
    }
}
