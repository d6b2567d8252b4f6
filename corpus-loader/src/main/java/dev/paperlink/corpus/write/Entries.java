package dev.paperlink.corpus.write;

import dev.paperlink.corpus.model.Paper;

import java.util.List;

/** Papers written as a new file of a format (what {@code paperlink export} prints). */
public final class Entries {
    private Entries() {
    }

    public static String file(List<Paper> papers, EntryFormat format) {
        String text = "";
        for (Paper p : papers) {
            AppendPlan plan = Appender.plan(text, format, p);
            if (plan instanceof AppendPlan.Insert i) {
                text = text.substring(0, i.offset()) + i.text() + text.substring(i.offset());
            }
        }
        return text;
    }
}
