package dev.paperlink.corpus;

import dev.paperlink.corpus.source.Skip;

import java.util.List;
import java.util.Map;

/**
 * What an indexing run did.
 *
 * @param sourcesRead      files read in this run (new or changed)
 * @param sourcesUnchanged files whose size, time or content hash had not changed, so not read
 * @param sourcesRemoved   files indexed before that are gone (their records were dropped)
 * @param recordsRead      records read in this run
 * @param recordsMerged    records that joined a paper already known (same DOI, arXiv id or title)
 * @param papers           papers in the index after the run
 * @param skips            records that could not be loaded, each with file, line and reason
 * @param skipsByReason    how many skips had each reason
 * @param recordsByFormat  records read per format
 * @param bytesRead        bytes of input read (as stored on disk)
 * @param unrecognised     files named explicitly whose format is not recognised
 * @param removedFiles     the files whose records were dropped because they are gone (or no longer named)
 * @param papersRemoved    papers that left the index with them (no record of theirs came from another file)
 * @param papersKept       papers that lost records of those files but stay, with records of other files
 */
public record IndexReport(
        int sourcesRead,
        int sourcesUnchanged,
        int sourcesRemoved,
        long recordsRead,
        long recordsMerged,
        long papers,
        List<Skip> skips,
        Map<String, Long> skipsByReason,
        Map<String, Long> recordsByFormat,
        long bytesRead,
        List<String> unrecognised,
        long millis,
        List<String> removedFiles,
        long papersRemoved,
        long papersKept) {

    public IndexReport(int sourcesRead, int sourcesUnchanged, int sourcesRemoved, long recordsRead, long recordsMerged, long papers,
            List<Skip> skips, Map<String, Long> skipsByReason, Map<String, Long> recordsByFormat, long bytesRead,
            List<String> unrecognised, long millis) {
        this(sourcesRead, sourcesUnchanged, sourcesRemoved, recordsRead, recordsMerged, papers, skips, skipsByReason, recordsByFormat,
                bytesRead, unrecognised, millis, List.of(), 0, 0);
    }
}
