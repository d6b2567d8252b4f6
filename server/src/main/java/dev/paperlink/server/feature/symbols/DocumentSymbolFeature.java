package dev.paperlink.server.feature.symbols;

import dev.paperlink.corpus.model.Paper;
import dev.paperlink.server.bibliography.BibChunks;
import dev.paperlink.server.document.DocumentKind;
import dev.paperlink.server.document.TextRange;
import dev.paperlink.server.feature.FeatureParams;
import dev.paperlink.server.feature.KeyAtCursor;
import dev.paperlink.server.feature.PaperLookup;
import dev.paperlink.server.render.CitationFormatter;
import dev.paperlink.server.syntax.CitationRef;
import dev.paperlink.server.syntax.CitationScanner;
import dev.paperlink.server.syntax.SectionScanner;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The outline of a document. A .bib file: its entries (key; {@code @type} and title as detail). A note: its sections, nested by level, with the citations written in
 * each as its children (detail: the paper's title when known; citations before the first section
 * at the top).
 */
public final class DocumentSymbolFeature {
    private static final Pattern TYPE = Pattern.compile("\\A\\s*@\\s*([A-Za-z]+)");
    private static final Pattern TITLE = Pattern.compile("(?i)[,\\s]title\\s*=\\s*[{\"]");
    /** Distinct keys of one note whose papers are looked up for the detail of its citations. */
    static final int MAX_LOOKUPS = 500;

    private DocumentSymbolFeature() {
    }

    public static List<DocumentSymbolItem> symbols(FeatureParams p) {
        if (p.document().kind() == DocumentKind.BIBTEX) {
            return entries(p);
        }
        if (CitationScanner.forKind(p.document().kind()).isEmpty()) {
            return List.of();
        }
        return outline(p);
    }

    private static List<DocumentSymbolItem> entries(FeatureParams p) {
        BibChunks c = KeyAtCursor.entries(p);
        CharSequence text = p.document().content();
        List<DocumentSymbolItem> out = new ArrayList<>();
        for (int i = 0; i < c.size(); i++) {
            if ((i & 255) == 0) {
                p.cancel().check();
            }
            if (!c.hasKey(i) || c.kind(i) != BibChunks.Kind.ENTRY) {
                continue;
            }
            CharSequence entry = text.subSequence(c.start(i), Math.min(c.end(i), c.start(i) + 4096));
            Matcher type = TYPE.matcher(entry);
            String detail = "@" + (type.find() ? type.group(1).toLowerCase(java.util.Locale.ROOT) : "");
            String title = title(entry);
            if (!title.isEmpty()) {
                detail += " · " + title;
            }
            TextRange key = new TextRange(c.keyStart(i), c.keyStart(i) + c.key(i).length());
            out.add(new DocumentSymbolItem(CitationFormatter.plain(c.key(i)), CitationFormatter.plain(detail),
                    DocumentSymbolItem.Kind.ENTRY,
                    new TextRange(c.start(i), Math.max(key.end(), c.end(i))), key, List.of()));
        }
        return out;
    }

    /** The title field of an entry's text, braces and blanks collapsed. */
    static String title(CharSequence entry) {
        Matcher m = TITLE.matcher(entry);
        if (!m.find()) {
            return "";
        }
        char open = entry.charAt(m.end() - 1);
        StringBuilder sb = new StringBuilder();
        int depth = 1;
        for (int i = m.end(); i < entry.length(); i++) {
            char ch = entry.charAt(i);
            if (open == '"' && ch == '"' && depth == 1) {
                break;
            }
            if (ch == '{') {
                depth++;
                continue;
            }
            if (ch == '}' && --depth == 0) {
                break;
            }
            if (ch != '}') {
                sb.append(ch);
            }
        }
        return sb.toString().replaceAll("\\s+", " ").strip();
    }

    /** A section being built: its heading and the children found so far. */
    private record Open(SectionScanner.Section section, List<DocumentSymbolItem> children) {
    }

    private static List<DocumentSymbolItem> outline(FeatureParams p) {
        String text = p.document().text();
        List<SectionScanner.Section> sections = SectionScanner.scan(p.document().kind(), text);
        List<CitationRef> refs = CitationScanner.refs(p.document().kind(), text);
        PaperLookup lookup = p.lookup();
        Map<String, Optional<Paper>> papers = new HashMap<>();
        List<DocumentSymbolItem> top = new ArrayList<>();
        Deque<Open> stack = new ArrayDeque<>();
        int r = 0;
        for (int s = 0; s <= sections.size(); s++) {
            int until = s < sections.size() ? sections.get(s).heading().start() : text.length();
            for (; r < refs.size() && refs.get(r).range().start() < until; r++) {
                CitationRef ref = refs.get(r);
                if (ref.isEmpty() || ref.isAll()) {
                    continue;
                }
                Optional<Paper> paper = papers.size() < MAX_LOOKUPS || papers.containsKey(ref.key())
                        ? papers.computeIfAbsent(ref.key(), lookup::byKey) : Optional.empty();
                DocumentSymbolItem item = new DocumentSymbolItem(CitationFormatter.plain(ref.key()),
                        paper.map(x -> CitationFormatter.plain(x.title())).orElse(""), DocumentSymbolItem.Kind.CITATION,
                        ref.range(), ref.range(), List.of());
                (stack.isEmpty() ? top : stack.peek().children()).add(item);
            }
            p.cancel().check();
            if (s == sections.size()) {
                break;
            }
            SectionScanner.Section next = sections.get(s);
            while (!stack.isEmpty() && stack.peek().section().level() >= next.level()) {
                close(stack, top, next.heading().start());
            }
            stack.push(new Open(next, new ArrayList<>()));
        }
        while (!stack.isEmpty()) {
            close(stack, top, text.length());
        }
        return top;
    }

    private static void close(Deque<Open> stack, List<DocumentSymbolItem> top, int end) {
        Open o = stack.pop();
        SectionScanner.Section s = o.section();
        int stop = Math.max(s.heading().end(), end);
        DocumentSymbolItem item = new DocumentSymbolItem(CitationFormatter.plain(s.title().isEmpty() ? "(untitled)" : s.title()), "",
                DocumentSymbolItem.Kind.SECTION, new TextRange(s.heading().start(), stop), s.titleRange(), o.children());
        (stack.isEmpty() ? top : stack.peek().children()).add(item);
    }
}
