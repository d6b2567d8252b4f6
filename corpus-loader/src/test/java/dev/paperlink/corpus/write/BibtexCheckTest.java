package dev.paperlink.corpus.write;

import dev.paperlink.corpus.model.Paper;
import dev.paperlink.corpus.model.SourceFormat;
import dev.paperlink.corpus.testing.SharedCorpora;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12, "the document still builds": a thesis with {@code \bibliography{refs}} cites papers of
 * the shared corpora (ACL anthology records written with their own fields, arXiv papers written
 * from their fields) after they were appended to its refs.bib; TeX Live's latex and bibtex run on
 * it, and bibtex finds every entry, with no error. Skipped loudly when bibtex is not installed
 * (Debian: texlive-binaries and texlive-latex-base).
 */
class BibtexCheckTest {
    @TempDir
    Path tmp;

    @Test
    void bibtexReadsTheAppendedEntries() throws Exception {
        Path bibtex = tool("bibtex");
        Path latex = tool("latex");
        List<Paper> papers = new ArrayList<>();
        papers.addAll(RoundTripTest.sample(SharedCorpora.require("acl-anthology").resolve("anthology+abstracts.bib.gz"), SourceFormat.BIBTEX, 4_000, 20));
        papers.addAll(RoundTripTest.sample(SharedCorpora.require("arxiv-metadata").resolve("kaggle-oai-snapshot-first200.jsonl"), SourceFormat.ARXIV_JSONL, 200, 10));
        String refs = "@book{knuth1984,\n  title     = {The {\\TeX}book},\n  author    = {Knuth, Donald E.},\n  publisher = {Addison-Wesley},\n  year      = {1984},\n}\n";
        StringBuilder cites = new StringBuilder("\\cite{knuth1984}");
        for (Paper p : papers) {
            AppendPlan.Insert i = (AppendPlan.Insert) Appender.plan(refs, EntryFormat.BIBTEX, p);
            refs = refs.substring(0, i.offset()) + i.text() + refs.substring(i.offset());
            cites.append(" \\cite{").append(p.key()).append('}');
        }
        Files.writeString(tmp.resolve("refs.bib"), refs);
        Files.writeString(tmp.resolve("thesis.tex"), "\\documentclass{article}\n\\begin{document}\nAs shown " + cites
                + ".\n\\bibliographystyle{plain}\n\\bibliography{refs}\n\\end{document}\n");
        Run l = run(latex.toString(), "-interaction=nonstopmode", "thesis.tex");
        assertTrue(Files.exists(tmp.resolve("thesis.aux")), l.output());
        Run b = run(bibtex.toString(), "thesis");
        String blg = Files.readString(tmp.resolve("thesis.blg"), StandardCharsets.ISO_8859_1);
        assertTrue(b.code() <= 1, "bibtex: no error (exit " + b.code() + ")\n" + blg);
        assertFalse(blg.contains("I didn't find a database entry"), blg);
        assertFalse(blg.contains("I was expecting"), blg);
        String bbl = Files.readString(tmp.resolve("thesis.bbl"), StandardCharsets.ISO_8859_1);
        for (Paper p : papers) {
            assertTrue(bbl.contains("\\bibitem{" + p.key() + "}"), p.key() + " in thesis.bbl");
        }
        assertEquals(papers.size() + 1, bbl.split("\\\\bibitem\\{", -1).length - 1);
        System.err.println("bibtex on " + papers.size() + " appended entries: exit " + b.code() + "; "
                + blg.lines().filter(x -> x.startsWith("Warning--")).count() + " warnings (missing fields of the records as they are)");
    }

    private record Run(int code, String output) {
    }

    private Run run(String... cmd) throws IOException, InterruptedException {
        Path log = Files.createTempFile(tmp, "run", ".log");
        Process p = new ProcessBuilder(cmd).directory(tmp.toFile()).redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(cmd[0] + " did not end within 60 s");
        }
        return new Run(p.exitValue(), Files.readString(log, StandardCharsets.ISO_8859_1));
    }

    /** A TeX Live program on PATH, or the test is skipped loudly. */
    private static Path tool(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        String msg = "!!! SKIPPED: '" + name + "' is not installed (Debian: apt-get install texlive-binaries texlive-latex-base);"
                + " the written entries are checked by the project's own BibTeX reader only (RoundTripTest)";
        System.err.println(msg);
        Assumptions.abort(msg);
        return null;
    }
}
