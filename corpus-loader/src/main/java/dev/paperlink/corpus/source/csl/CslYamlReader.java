package dev.paperlink.corpus.source.csl;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.paperlink.corpus.model.SourceFormat;
import dev.paperlink.corpus.source.RecordReader;
import dev.paperlink.corpus.source.RecordSink;
import org.yaml.snakeyaml.LoaderOptions;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads CSL-YAML: a YAML list of CSL items, or a mapping with a {@code references} list (as in
 * pandoc Markdown front matter, possibly opened by {@code ---}; only the first YAML document is
 * read, so a Markdown body after the closing marker is ignored).
 */
public final class CslYamlReader implements RecordReader {
    /** The YAML mapper of the YAML readers (bounded aliases and nesting; shared by Hayagriva's reader). */
    public static final YAMLMapper YAML = yamlMapper();

    public CslYamlReader() {
    }

    private static YAMLMapper yamlMapper() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(Integer.MAX_VALUE);
        options.setMaxAliasesForCollections(50);
        options.setNestingDepthLimit(100);
        return new YAMLMapper(YAMLFactory.builder().loaderOptions(options).build());
    }

    @Override
    public void read(String file, Reader input, RecordSink sink) throws IOException {
        try (JsonParser parser = YAML.createParser(input)) {
            CslItemStream.read(YAML, parser, true, file, SourceFormat.CSL_YAML, sink);
        }
    }
}
