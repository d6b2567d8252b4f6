package dev.paperlink.corpus.write;

import dev.paperlink.corpus.model.Author;
import dev.paperlink.corpus.model.Paper;
import dev.paperlink.corpus.model.SourceFormat;
import dev.paperlink.corpus.source.Readers;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Issue 12: entries as written into existing files ({@code file before -> file after}), in each format. */
class AppenderTest {
    static final Paper BERT = Paper.builder().key("devlin2019bert").entryType("inproceedings")
            .title("BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding")
            .author(Author.person("Devlin", "Jacob")).author(Author.person("Chang", "Ming-Wei"))
            .year("2019").date("2019-06").venue("Proceedings of NAACL-HLT 2019 & Friends").doi("10.18653/v1/N19-1423")
            .build();
    static final Paper ARXIV = Paper.builder().key("vaswani2017attention").title("Attention Is All You Need")
            .author(Author.person("Vaswani", "Ashish")).author(new Author("Berg", "Jan", "van der", "Jr.", ""))
            .author(Author.literal("Google Brain")).author(Author.OTHERS).year("2017").arxivId("1706.03762").build();

    @Test
    void bibtexFromThePapersFieldsWithTheFilesAlignmentAndLineEnds() {
        check(EntryFormat.BIBTEX, BERT, "@misc{a,\r\n  title     = {A},\r\n  year      = {2000},\r\n}\r\n", """
                @misc{a,
                  title     = {A},
                  year      = {2000},
                }

                @inproceedings{devlin2019bert,
                  author    = {Devlin, Jacob and Chang, Ming-Wei},
                  title     = {{BERT}: Pre-training of Deep Bidirectional Transformers for Language Understanding},
                  booktitle = {Proceedings of NAACL-HLT 2019 \\& Friends},
                  year      = {2019},
                  doi       = {10.18653/v1/N19-1423},
                }
                """.replace("\n", "\r\n"));
    }

    @Test
    void biblatexOfAnArxivPaper() {
        check(EntryFormat.BIBLATEX, ARXIV, "", """
                @misc{vaswani2017attention,
                  author = {Vaswani, Ashish and van der Berg, Jr., Jan and {Google Brain} and others},
                  title = {Attention Is All You Need},
                  year = {2017},
                  eprint = {1706.03762},
                  eprinttype = {arXiv},
                  url = {https://arxiv.org/abs/1706.03762},
                }
                """);
    }

    @Test
    void aBibtexRecordIsWrittenWithItsOwnFieldsItsMacrosExpanded() {
        Paper fromBib = read(SourceFormat.BIBTEX, """
                @string{acl = "Proceedings of the " # "ACL"}
                @inproceedings{smith2020,
                  title = {The {LSTM} Strikes Back},
                  author = {Smith, A.},
                  booktitle = acl,
                  pages = {1--10},
                  year = 2020,
                  crossref = {acl2020},
                }
                """).get(0);
        check(EntryFormat.BIBTEX, fromBib, "@misc{x, title = {X}}", """
                @misc{x, title = {X}}

                @inproceedings{smith2020,
                  author = {Smith, A.},
                  title = {The {LSTM} Strikes Back},
                  booktitle = {Proceedings of the ACL},
                  pages = {1--10},
                  year = {2020},
                }
                """);
    }

    @Test
    void cslJsonGoesIntoTheTopLevelArrayTheRestUntouched() {
        check(EntryFormat.CSL_JSON, BERT, """
                [
                    {
                        "id": "a",   "title": "Kept   as is"
                    }
                ]
                """, """
                [
                    {
                        "id": "a",   "title": "Kept   as is"
                    },
                    {
                        "id": "devlin2019bert",
                        "type": "paper-conference",
                        "title": "BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding",
                        "author": [
                            {
                                "family": "Devlin",
                                "given": "Jacob"
                            },
                            {
                                "family": "Chang",
                                "given": "Ming-Wei"
                            }
                        ],
                        "issued": {"date-parts": [[2019, 6]]},
                        "container-title": "Proceedings of NAACL-HLT 2019 & Friends",
                        "DOI": "10.18653/v1/N19-1423"
                    }
                ]
                """);
        check(EntryFormat.CSL_JSON, ARXIV, "[]", """
                [
                  {
                    "id": "vaswani2017attention",
                    "type": "article",
                    "title": "Attention Is All You Need",
                    "author": [
                      {
                        "family": "Vaswani",
                        "given": "Ashish"
                      },
                      {
                        "family": "Berg",
                        "given": "Jan",
                        "non-dropping-particle": "van der",
                        "suffix": "Jr."
                      },
                      {
                        "literal": "Google Brain"
                      }
                    ],
                    "issued": {"date-parts": [[2017]]},
                    "URL": "https://arxiv.org/abs/1706.03762",
                    "number": "1706.03762",
                    "publisher": "arXiv"
                  }
                ]""");
    }

    @Test
    void cslYamlAndHayagriva() {
        check(EntryFormat.CSL_YAML, BERT, "---\nreferences:\n- id: a\n  title: A\n...\n", """
                ---
                references:
                - id: a
                  title: A
                - id: "devlin2019bert"
                  type: "paper-conference"
                  title: "BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding"
                  author:
                    - family: "Devlin"
                      given: "Jacob"
                    - family: "Chang"
                      given: "Ming-Wei"
                  issued: {date-parts: [[2019, 6]]}
                  container-title: "Proceedings of NAACL-HLT 2019 & Friends"
                  DOI: "10.18653/v1/N19-1423"
                ...
                """);
        check(EntryFormat.HAYAGRIVA, BERT, "", """
                devlin2019bert:
                  type: "article"
                  title: "BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding"
                  author:
                    - "Devlin, Jacob"
                    - "Chang, Ming-Wei"
                  date: "2019-06"
                  parent:
                    type: "proceedings"
                    title: "Proceedings of NAACL-HLT 2019 & Friends"
                  serial-number:
                    doi: "10.18653/v1/N19-1423"
                """);
    }

    @Test
    void aKeyThatIsThereIsNeverAddedAgain() {
        String bib = "@article{Devlin2019BERT, title = {BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding}}\n";
        assertEquals(new AppendPlan.Present("Devlin2019BERT"), Appender.plan(bib, EntryFormat.BIBTEX, BERT));
        String other = "@article{devlin2019bert, title = {Something Else}}\n";
        assertEquals(new AppendPlan.Taken("devlin2019bert", "Something Else"), Appender.plan(other, EntryFormat.BIBTEX, BERT));
        assertEquals(new AppendPlan.Taken("devlin2019bert", "Else"),
                Appender.plan("devlin2019bert:\n  title: Else\n", EntryFormat.HAYAGRIVA, BERT));
        assertEquals(new AppendPlan.Unusable("the file is not a CSL-JSON array"), Appender.plan("{\"items\": []}", EntryFormat.CSL_JSON, BERT));
    }

    private static void check(EntryFormat format, Paper paper, String before, String after) {
        AppendPlan.Insert i = (AppendPlan.Insert) Appender.plan(before, format, paper);
        assertEquals(after, before.substring(0, i.offset()) + i.text() + before.substring(i.offset()));
    }

    private static List<Paper> read(SourceFormat format, String text) {
        return dev.paperlink.corpus.testing.CollectingSink.read(Readers.forFormat(format), "refs.bib", text).papers;
    }
}
