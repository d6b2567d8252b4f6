package dev.paperlink.corpus.index;

import dev.paperlink.corpus.IndexListener;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Papers read back by document number: any order, repeats, several segments. */
class PaperRecordsTest {
    @TempDir
    Path tmp;

    @Test
    void manyDocumentsInAnyOrderAcrossSegmentsReadAsOneByOne() throws IOException {
        Path corpus = DemoCorpus.copyTo(tmp.resolve("corpus"));
        Path index = tmp.resolve("index");
        // One file per run: each run commits a segment of its own.
        List<Path> files;
        try (var list = Files.list(corpus)) {
            files = list.sorted().toList();
        }
        try (LuceneCorpus c = LuceneCorpus.open(index, false)) {
            List<Path> roots = new ArrayList<>();
            for (Path f : files) {
                roots.add(f);
                c.index(List.copyOf(roots), IndexListener.NONE);
            }
        }
        try (var dir = FSDirectory.open(index); DirectoryReader reader = DirectoryReader.open(dir)) {
            assertTrue(reader.leaves().size() > 1, "the test needs several segments");
            List<Integer> live = new ArrayList<>();
            List<Cluster> oneByOne = new ArrayList<>();
            for (LeafReaderContext leaf : reader.leaves()) {
                for (int d = 0; d < leaf.reader().maxDoc(); d++) {
                    if (leaf.reader().getLiveDocs() == null || leaf.reader().getLiveDocs().get(d)) {
                        live.add(leaf.docBase + d);
                        oneByOne.add(PaperRecords.read(leaf.reader(), d));
                        assertEquals(oneByOne.get(oneByOne.size() - 1).id(), PaperRecords.id(leaf.reader(), d));
                    }
                }
            }
            assertEquals(10, live.size());
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < live.size(); i++) {
                order.add(i);
                order.add(i); // every document twice
            }
            Collections.shuffle(order, new Random(7));
            int[] docs = order.stream().mapToInt(live::get).toArray();
            Cluster[] expected = order.stream().map(oneByOne::get).toArray(Cluster[]::new);
            assertArrayEquals(expected, PaperRecords.read(reader, docs));
        }
    }
}
