package dev.paperlink.corpus;

import java.util.List;
import java.util.Map;

/**
 * What is in an index.
 *
 * @param papers          papers (after de-duplication)
 * @param papersByFormat  papers with at least one record of each format
 * @param sources         every source file with its format, records and skips when last read
 * @param indexBytes      size of the index on disk
 */
public record CorpusStats(String indexDir, int schema, long papers, Map<String, Long> papersByFormat,
                          List<SourceStats> sources, long indexBytes) {

    /** A source file: format, records and skips when last read, its size then, and when that was (epoch millis; 0: not recorded). */
    public record SourceStats(String file, String format, long records, long skips, long bytes, long indexedAt) {
        public SourceStats(String file, String format, long records, long skips) {
            this(file, format, records, skips, 0, 0);
        }
    }
}
