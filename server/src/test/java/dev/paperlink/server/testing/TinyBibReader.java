package dev.paperlink.server.testing;

import dev.paperlink.corpus.model.Author;
import dev.paperlink.corpus.model.Paper;
import dev.paperlink.corpus.model.SourceFormat;
import dev.paperlink.corpus.model.SourceSpan;
import dev.paperlink.corpus.source.RecordReader;
import dev.paperlink.corpus.source.RecordSink;
import dev.paperlink.corpus.source.Skip;
import dev.paperlink.server.document.LineIndex;
import dev.paperlink.server.document.Pos;
import dev.paperlink.server.syntax.BibEntryKey;
import dev.paperlink.server.syntax.BibtexKeyScanner;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A test double of the corpus loader's BibTeX reader, good for the tidy entries of fixtures only:
 * {@code field = {value}}, {@code "value"} or a bare number; "Family, Given and ..." names; no
 * macros, no LaTeX. An entry whose braces do not close, or one with a field {@code broken}, is
 * reported as a skip at its line. Lets feature tests have records before the real reader lands.
 */
public final class TinyBibReader implements RecordReader {

    @Override
    public void read(String file, Reader input, RecordSink sink) throws IOException {
        String text = readAll(input);
        LineIndex lines = LineIndex.of(text);
        for (BibEntryKey k : BibtexKeyScanner.scan(text)) {
            int open = text.lastIndexOf(k.type().isEmpty() ? "@" : "{", k.range().start());
            int end = matching(text, open);
            Pos keyPos = lines.position(k.range().start());
            int startLine = lines.position(text.lastIndexOf('@', k.range().start())).line() + 1;
            if (end < 0) {
                sink.skip(new Skip(file, startLine, "syntax", "entry '" + k.key() + "' is not closed"));
                continue;
            }
            Map<String, String> fields = fields(text.substring(k.range().end(), end));
            if (fields.containsKey("broken")) {
                sink.skip(new Skip(file, lines.position(text.indexOf("broken", k.range().end())).line() + 1, "syntax",
                        "bad field in '" + k.key() + "'"));
                continue;
            }
            var b = Paper.builder().id("key:" + k.key()).key(k.key()).entryType(k.type())
                    .title(fields.getOrDefault("title", "")).year(fields.getOrDefault("year", ""))
                    .venue(fields.getOrDefault("journal", fields.getOrDefault("booktitle", "")))
                    .doi(fields.getOrDefault("doi", "")).arxivId(fields.getOrDefault("eprint", ""))
                    .url(fields.getOrDefault("url", "")).abstractText(fields.getOrDefault("abstract", ""))
                    .source(new SourceSpan(file, SourceFormat.BIBTEX, startLine, lines.position(end).line() + 1,
                            keyPos.line() + 1, keyPos.column(), k.key()));
            boolean zotero = fields.containsKey("zotero.select");
            if (zotero) { // read from a Zotero database, as far as the features can tell
                b.sources(List.of(new SourceSpan(file, SourceFormat.ZOTERO_SQLITE, startLine, lines.position(end).line() + 1,
                        keyPos.line() + 1, keyPos.column(), k.key())));
            }
            fields.forEach((name, value) -> {
                if (name.startsWith("zotero.")) { // a Zotero item's raw fields (ZoteroItem), as the database reader sets them
                    b.raw(name, value);
                }
            });
            for (String f : zotero ? fields.getOrDefault("file", "").split(";") : new String[] {fields.get("file")}) {
                b.file(f == null ? null : f.strip()); // a Zotero item's attachments: absolute paths, separated by ';' here
            }
            for (String name : fields.getOrDefault("author", "").split("\\s+and\\s+")) {
                if (name.isBlank()) {
                    continue;
                }
                if (name.strip().equals("others")) {
                    b.author(Author.OTHERS);
                } else if (name.contains(",")) {
                    b.author(Author.person(name.substring(0, name.indexOf(',')).strip(), name.substring(name.indexOf(',') + 1).strip()));
                } else {
                    String n = name.strip();
                    int sp = n.lastIndexOf(' ');
                    b.author(sp < 0 ? Author.person(n, "") : Author.person(n.substring(sp + 1), n.substring(0, sp)));
                }
            }
            sink.accept(b.build());
        }
    }

    private static Map<String, String> fields(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        int i = 0;
        while (i < body.length()) {
            int eq = body.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String name = body.substring(i, eq).replaceAll("[\\s,]", "").toLowerCase(java.util.Locale.ROOT);
            int v = eq + 1;
            while (v < body.length() && Character.isWhitespace(body.charAt(v))) {
                v++;
            }
            if (v >= body.length()) {
                break;
            }
            char c = body.charAt(v);
            int e;
            String value;
            if (c == '{') {
                e = matching(body, v);
                if (e < 0) {
                    break;
                }
                value = body.substring(v + 1, e);
                e++;
            } else if (c == '"') {
                e = body.indexOf('"', v + 1);
                value = body.substring(v + 1, e);
                e++;
            } else {
                e = v;
                while (e < body.length() && body.charAt(e) != ',' && !Character.isWhitespace(body.charAt(e))) {
                    e++;
                }
                value = body.substring(v, e);
            }
            out.put(name, value.replaceAll("[{}]", "").replaceAll("\\s+", " ").strip());
            i = e;
        }
        return out;
    }

    private static int matching(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            } else if (c == '@' && i > 0 && text.charAt(i - 1) == '\n' && depth > 0) {
                return -1;
            }
        }
        return -1;
    }

    private static String readAll(Reader r) throws IOException {
        StringBuilder sb = new StringBuilder();
        char[] buf = new char[8192];
        int n;
        while ((n = r.read(buf)) > 0) {
            sb.append(buf, 0, n);
        }
        return sb.toString();
    }

    /** Every paper of one BibTeX text (for building in-memory corpora). */
    public static List<Paper> papers(String file, String text) {
        List<Paper> out = new ArrayList<>();
        try {
            new TinyBibReader().read(file, new java.io.StringReader(text), new RecordSink() {
                @Override
                public void accept(Paper paper) {
                    out.add(paper);
                }

                @Override
                public void skip(Skip skip) {
                }
            });
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out;
    }
}
