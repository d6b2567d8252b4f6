package dev.paperlink.server.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Damage done to an index on purpose: bytes flipped where only a checksum tells. */
public final class IndexDamage {
    private IndexDamage() {
    }

    /** Flips 64 bytes in the middle of every file of the index whose name ends with one of the extensions; how many files. */
    public static int flipMiddle(Path index, String... extensions) throws IOException {
        int flipped = 0;
        try (var files = Files.list(index)) {
            for (Path f : files.filter(p -> List.of(extensions).stream().anyMatch(p.toString()::endsWith)).toList()) {
                byte[] b = Files.readAllBytes(f);
                for (int i = Math.max(0, b.length / 2 - 32); i < Math.min(b.length, b.length / 2 + 32); i++) {
                    b[i] ^= 0x5a;
                }
                Files.write(f, b);
                flipped++;
            }
        }
        return flipped;
    }
}
