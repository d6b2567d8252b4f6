package dev.paperlink.server.document;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A rope reads as the String it stands for, edit after edit (seeded random edits against a StringBuilder). */
class RopeTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void editsReadAsTheSameEditsOfAString(long seed) {
        Random random = new Random(seed);
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 5_000; i++) {
            expected.append("line ").append(i).append(i % 7 == 0 ? " é😀\n" : "\n");
        }
        Rope rope = Rope.of(expected.toString());
        for (int step = 0; step < 400; step++) {
            int from = random.nextInt(expected.length() + 1);
            int to = Math.min(expected.length(), from + (random.nextInt(5) == 0 ? random.nextInt(3 * Rope.BLOCK) : random.nextInt(10)));
            String insert = random.nextInt(3) == 0 ? "" : "x".repeat(random.nextInt(random.nextInt(10) == 0 ? 2 * Rope.BLOCK : 20));
            expected.replace(from, to, insert);
            rope = rope.replace(from, to, insert);
            assertEquals(expected.length(), rope.length());
            int a = random.nextInt(expected.length() + 1);
            int b = Math.min(expected.length(), a + random.nextInt(2 * Rope.BLOCK));
            assertEquals(expected.substring(a, b), rope.subSequence(a, b), "step " + step);
            if (a < expected.length()) {
                assertEquals(expected.charAt(a), rope.charAt(a));
            }
        }
        assertEquals(expected.toString(), rope.toString());
        StringBuilder forward = new StringBuilder();
        for (int i = 0; i < rope.length(); i++) {
            forward.append(rope.charAt(i));
        }
        assertEquals(expected.toString(), forward.toString());
        assertEquals("", rope.replace(0, rope.length(), "").toString());
    }
}
