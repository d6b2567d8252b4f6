/**
 * The BibTeX/BibLaTeX reader.
 *
 * <p>{@link dev.paperlink.corpus.source.bibtex.BibtexReader} drives a hand-written streaming
 * parser ({@code BibParser} over {@code CharSource}, one 64K character window) that expands
 * {@code @string} macros ({@code MacroTable}, months preloaded) and hands each entry as a
 * {@code RawEntry} to {@code Inheritance}: entries with {@code crossref}/{@code xdata} are deferred
 * to the end of the file, possible parents are kept, everything else is mapped at once by
 * {@code FieldMapper} (names by {@code NameParser}, LaTeX by
 * {@link dev.paperlink.corpus.source.latex.LatexToUnicode}) and sent to the sink. A broken entry
 * becomes one {@link dev.paperlink.corpus.source.Skip} at the line of the entry (or of the value
 * that never closes) and parsing resumes at the next {@code @type{}.
 */
package dev.paperlink.corpus.source.bibtex;
