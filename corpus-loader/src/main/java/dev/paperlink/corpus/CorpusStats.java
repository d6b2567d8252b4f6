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

    public record SourceStats(String file, String format, long records, long skips) {
    }
}
