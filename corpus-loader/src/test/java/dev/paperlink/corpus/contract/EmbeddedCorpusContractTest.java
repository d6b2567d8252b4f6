package dev.paperlink.corpus.contract;

import dev.paperlink.corpus.Corpus;

import java.io.IOException;
import java.nio.file.Path;

/** The corpus contract on the embedded Lucene index. */
class EmbeddedCorpusContractTest extends CorpusContract {
    @Override
    protected Corpus emptyCorpus(Path tmp) throws IOException {
        return Corpus.open(tmp.resolve("index"));
    }
}
