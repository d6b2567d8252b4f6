package dev.paperlink.server.feature;

import dev.paperlink.server.config.ServerConfig;
import dev.paperlink.server.document.TextDocument;
import dev.paperlink.server.document.TextRange;
import dev.paperlink.server.feature.bibedit.AddToBibliography;
import dev.paperlink.server.feature.bibedit.CitationFixes;
import dev.paperlink.server.feature.bibedit.TextChange;
import dev.paperlink.server.feature.completion.CompletionCandidate;
import dev.paperlink.server.feature.completion.CompletionFeature;
import dev.paperlink.server.feature.diagnostics.DiagnosticsFeature;
import dev.paperlink.server.feature.related.CiteRelated;
import dev.paperlink.server.testing.Corpora;
import dev.paperlink.server.testing.FeatureFixture;
import dev.paperlink.server.testing.Fixture;
import dev.paperlink.server.testing.Render;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 12, "cite from the corpus and the document still builds": diagnostics of keys the
 * document's bibliography lacks, their quick fixes, the command that brings a corpus paper into
 * the bibliography (as the file reads after it), and where completion and "Cite a related paper…"
 * carry it. The corpus is {@code corpus/ml.bib} ({@link Corpora#ML}); the document's own
 * bibliography is the file it names.
 */
class BibliographyEditTest {
    static final String REFS = """
            %! refs.bib
            @article{artetxe-2018,
                title  = {Unsupervised Neural Machine Translation},
                author = {Artetxe, Mikel},
                year   = {2018},
            }
            """;

    @Test
    void diagnosticsOfKeysTheBibliographyLacks() {
        diagnostics("""
                %! main.tex
                \\cite{vaswani2017} \\cite{Artetxe-2018} \\cite{artetxe-2018} \\cite{he2061}
                \\bibliography{refs}
                """ + REFS + Corpora.ML, true, """
                main.tex 0:6-0:17 warning not-in-bibliography: Citation key 'vaswani2017' is not in the document's bibliography; the corpus has it: Attention Is All You Need
                main.tex 0:25-0:37 warning key-case: Citation key 'Artetxe-2018' differs in case from the entry 'artetxe-2018' (BibTeX finds it and warns; biber does not find it)
                main.tex 0:65-0:71 warning unknown-key: Unknown citation key 'he2061'; closest known: he2016
                """);
    }

    @Test
    void keysTheBibliographyLacksAreHeldBackUntilTheCorpusIndexIsReady() {
        diagnostics("""
                %! main.tex
                \\cite{vaswani2017} \\cite{Artetxe-2018} \\cite{nowhere}
                \\bibliography{refs}
                """ + REFS + Corpora.ML, false, """
                main.tex 0:25-0:37 warning key-case: Citation key 'Artetxe-2018' differs in case from the entry 'artetxe-2018' (BibTeX finds it and warns; biber does not find it)
                """);
    }

    @Test
    void aNoteWithoutABibliographyCitesFromTheCorpus() {
        diagnostics("%! notes.md\n[@vaswani2017; @nowhere]\n" + Corpora.ML, true, """
                notes.md 0:16-0:23 warning unknown-key: Unknown citation key 'nowhere'
                """);
    }

    @Test
    void quickFixes() {
        fixes("""
                %! main.tex
                \\cite{vaswani2017, Artetxe-2018, he2061<|>}
                \\bibliography{refs}
                """ + REFS + Corpora.ML, """
                Add `vaswani2017` to refs.bib => paperlink.addToBibliography vaswani2017
                Change to `artetxe-2018` (the entry's case) -> \\cite{vaswani2017, artetxe-2018, he2061}
                Replace with `he2016` -> \\cite{vaswani2017, Artetxe-2018, he2016}
                """);
    }

    @Test
    void withoutABibliographyTheFixCreatesReferencesBibAndNamesIt() {
        fixes("%! paper.tex\n\\begin{document}\n\\cite{he2016<|>}\n\\end{document}\n" + Corpora.ML, """
                Create references.bib with `he2016` -> \\begin{document}
                \\cite{he2016}
                \\bibliography{references}
                \\end{document}
                 => paperlink.addToBibliography he2016 /fixture/references.bib
                """);
        fixes("%! notes.md\nAs shown [@he2016<|>].\n" + Corpora.ML, """
                Create references.bib with `he2016` -> ---
                bibliography: references.bib
                ---
                As shown [@he2016].
                 => paperlink.addToBibliography he2016 /fixture/references.bib
                """);
        fixes("%! notes.md\n---\ntitle: Notes\n---\nAs shown [@he2016<|>].\n" + Corpora.ML, """
                Create references.bib with `he2016` -> ---
                title: Notes
                bibliography: references.bib
                ---
                As shown [@he2016].
                 => paperlink.addToBibliography he2016 /fixture/references.bib
                """);
    }

    @Test
    void theCommandAppendsTheEntryInTheFilesOwnLayout() {
        added("%! main.tex\n\\cite{he2016<|>}\n\\bibliography{refs}\n" + REFS + Corpora.ML, "refs.bib", """
                @article{artetxe-2018,
                    title  = {Unsupervised Neural Machine Translation},
                    author = {Artetxe, Mikel},
                    year   = {2018},
                }

                @inproceedings{he2016,
                    author    = {He, Kaiming and Zhang, Xiangyu and Ren, Shaoqing and Sun, Jian},
                    title     = {Deep Residual Learning for Image Recognition},
                    booktitle = {CVPR},
                    year      = {2016},
                    doi       = {10.1109/CVPR.2016.90},
                }
                """);
    }

    @Test
    void biblatexAndTheTargetSetting() {
        String fixture = "%! main.tex\n\\addbibresource{a.json}\n\\addbibresource{b.bib}\n\\cite{vaswani2017<|>}\n"
                + "%! a.json\n[]\n%! b.bib\n" + Corpora.ML;
        added(fixture, "a.json", """
                [
                  {
                    "id": "vaswani2017",
                    "type": "paper-conference",
                    "title": "Attention Is All You Need",
                    "author": [
                      {
                        "family": "Vaswani",
                        "given": "Ashish"
                      },
                      {
                        "family": "Shazeer",
                        "given": "Noam"
                      },
                      {
                        "family": "Parmar",
                        "given": "Niki"
                      },
                      {
                        "family": "Uszkoreit",
                        "given": "Jakob"
                      },
                      {
                        "family": "Jones",
                        "given": "Llion"
                      },
                      {
                        "family": "Gomez",
                        "given": "Aidan N."
                      },
                      {
                        "family": "Kaiser",
                        "given": "Lukasz"
                      },
                      {
                        "family": "Polosukhin",
                        "given": "Illia"
                      }
                    ],
                    "issued": {"date-parts": [[2017]]},
                    "container-title": "Advances in Neural Information Processing Systems",
                    "URL": "https://arxiv.org/abs/1706.03762",
                    "number": "1706.03762",
                    "publisher": "arXiv",
                    "abstract": "The dominant sequence transduction models are based on complex recurrent or convolutional neural networks."
                  }
                ]
                """);
        FeatureFixture f = FeatureFixture.of(Fixture.parse(fixture.replace("%! b.bib\n", "%! b.bib\n@misc{x, title = {X}}\n")))
                .withConfig(c -> c.withBibliography(new ServerConfig.Bibliography("b.bib")));
        var edit = (AddToBibliography.Edit) AddToBibliography.plan(f.params(), request(f), Optional.of("@misc{x, title = {X}}\n"));
        assertEquals("""

                @inproceedings{vaswani2017,
                  author = {Vaswani, Ashish and Shazeer, Noam and Parmar, Niki and Uszkoreit, Jakob and Jones, Llion and Gomez, Aidan N. and Kaiser, Lukasz and Polosukhin, Illia},
                  title = {Attention Is All You Need},
                  booktitle = {Advances in Neural Information Processing Systems},
                  year = {2017},
                  eprint = {1706.03762},
                  eprinttype = {arXiv},
                  url = {https://arxiv.org/abs/1706.03762},
                  abstract = {The dominant sequence transduction models are based on complex recurrent or convolutional neural networks.},
                }
                """, edit.text(), "BibLaTeX for \\addbibresource, into the file the setting names");
    }

    @Test
    void aKeyTakenByAnotherEntryIsNotOverwritten() {
        String fixture = "%! main.tex\n\\cite{he2016<|>}\n\\bibliography{refs}\n%! refs.bib\n@misc{HE2016, title = {Something Else}}\n" + Corpora.ML;
        FeatureFixture f = FeatureFixture.of(Fixture.parse(fixture));
        assertEquals(new AddToBibliography.Message(true, "refs.bib has another entry under the key 'HE2016' (Something Else): "
                        + "'he2016' (Deep Residual Learning for Image Recognition) was not added"),
                AddToBibliography.plan(f.params(), request(f), Optional.of(f.fixture().text("refs.bib"))));
        FeatureFixture two = FeatureFixture.of(Fixture.parse("%! main.tex\n\\cite{he2016<|>}\n\\bibliography{a,b}\n%! a.bib\n%! b.bib\n"
                + "@misc{he2016, title = {Deep Residual Learning for Image Recognition}}\n" + Corpora.ML));
        assertEquals(new AddToBibliography.Message(false, "The document's bibliography has 'he2016' already"),
                AddToBibliography.plan(two.params(), request(two), Optional.of("")), "in b.bib: not added to a.bib too");
        String same = "@misc{he2016, title = {Deep Residual Learning for Image Recognition}}\n";
        assertEquals(new AddToBibliography.Message(false, "refs.bib has 'he2016' already"),
                AddToBibliography.plan(f.params(), request(f), Optional.of(same)));
    }

    @Test
    void completionAndCiteRelatedCarryTheCommandForCorpusPapersOnly() {
        FeatureFixture f = FeatureFixture.of(Fixture.parse("%! main.tex\n\\cite{<|>}\n\\bibliography{refs}\n" + REFS + Corpora.ML));
        FeatureFixture typed = FeatureFixture.of(Fixture.parse("%! main.tex\n\\cite{a<|>}\n\\bibliography{refs}\n" + REFS + Corpora.ML));
        String items = CompletionFeature.complete(typed.params()).items().stream().map(BibliographyEditTest::item).collect(Collectors.joining("\n"));
        assertEquals("artetxe-2018\nvaswani2017 => paperlink.addToBibliography vaswani2017", items);
        String actions = CiteRelated.actions(FeatureFixture.of(Fixture.parse(
                        "Residual connections make very deep networks<|> trainable.\n\\bibliography{refs}\n" + REFS + RelatedCompletionTest.PAPERS)).params(),
                new TextRange(10, 10)).stream().map(a -> a.paper().paper().key() + (a.add() == null ? "" : " => " + a.add().key()))
                .collect(Collectors.joining("\n"));
        assertEquals("he2016 => he2016\nsmith2020 => smith2020", actions);
        assertEquals(0, f.params().offset() < 0 ? 1 : 0);
    }

    private static String item(CompletionCandidate c) {
        return c.label() + (c.add() == null ? "" : " => " + AddToBibliography.COMMAND + " " + c.add().key());
    }

    private static AddToBibliography.Request request(FeatureFixture f) {
        TextDocument doc = f.fixture().document();
        var ref = dev.paperlink.server.syntax.CitationScanner.refs(doc.kind(), doc.text()).get(0);
        return new AddToBibliography.Request(doc.uri(), ref.key(), null);
    }

    private static void added(String fixture, String file, String expected) {
        FeatureFixture f = FeatureFixture.of(Fixture.parse(fixture));
        String before = f.fixture().text(file);
        var outcome = AddToBibliography.plan(f.params(), request(f), Optional.of(before));
        var edit = (AddToBibliography.Edit) outcome;
        assertEquals(f.fixture().path(file), edit.file());
        assertEquals(expected, before.substring(0, edit.offset()) + edit.text() + before.substring(edit.offset()));
    }

    private static void diagnostics(String fixture, boolean corpusReady, String expected) {
        FeatureFixture f = FeatureFixture.of(Fixture.files(fixture));
        FeatureParams p = f.params();
        p = new FeatureParams(p.document(), p.offset(), p.bibliography(), p.corpus(), p.config(), p.cancel(), corpusReady);
        String all = Render.diagnostics(f.fixture().mainFile(), DiagnosticsFeature.check(p));
        assertEquals(expected.strip(), all.strip());
    }

    private static void fixes(String fixture, String expected) {
        FeatureFixture f = FeatureFixture.of(Fixture.parse(fixture));
        String text = f.fixture().document().text();
        String actual = CitationFixes.at(f.params(), new TextRange(0, f.fixture().offset())).stream().map(fix -> {
            String edited = text;
            for (TextChange c : fix.edits().reversed()) {
                edited = edited.substring(0, c.start()) + c.text() + edited.substring(c.end());
            }
            String shown = fix.edits().isEmpty() ? "" : " -> " + (edited.lines().count() > 2 ? edited : edited.lines().findFirst().orElse(""));
            String command = fix.command() == null ? "" : " => " + AddToBibliography.COMMAND + " " + fix.command().key()
                    + (fix.command().target() == null ? "" : " " + fix.command().target());
            return fix.title() + shown + command;
        }).collect(Collectors.joining("\n"));
        assertEquals(expected.strip(), actual.strip());
    }
}
