package dev.paperlink.server.render;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 13, 6: corpus text escaped only where CommonMark (and GFM) would read markup, so that a
 * hover reads clean in a client that shows Markdown literally (Neovim 0.7) and is still inert
 * where it is rendered. Each row: the text, then what the hover carries.
 */
class MarkdownEscapeTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '"', value = {
            // plain punctuation stays as it is
            "Proceedings (Long Papers) => Proceedings (Long Papers)",
            "Volume 1 (1): pages 1-10, 2019. => Volume 1 (1): pages 1-10, 2019.",
            "{BERT}: what? yes! a = b + c; 5 > 3 => {BERT}: what? yes! a = b + c; 5 > 3",
            "snake_case_name and AT&T, x < y => snake_case_name and AT&T, x < y",
            "~100 languages, e.g. 3.5 - 4 => ~100 languages, e.g. 3.5 - 4",
            "costs $ 5 => costs $ 5",
            // what would be markup is escaped
            "**bold** and *it* => \\*\\*bold\\*\\* and \\*it\\*",
            "_emph_ text => \\_emph\\_ text",
            "[click](command:workbench.action.quit) => \\[click](command:workbench.action.quit)",
            "![img](http://x) => !\\[img](http://x)",
            "<img src=x onerror=alert(1)> => \\<img src=x onerror=alert(1)>",
            "</div> <!-- c --> <?php => \\</div> \\<!-- c --> \\<?php",
            "`code` span => \\`code\\` span",
            "a | b => a \\| b",
            "&amp; &#123; &#x1F; => \\&amp; \\&#123; \\&#x1F;",
            "~~struck~~ => \\~\\~struck\\~\\~",
            "$(zap) icon and $x^2$ => \\$(zap) icon and \\$x^2$",
            "a \\* b and \\ => a \\\\\\* b and \\\\",
            // only at the start of the text: headings, quotes, list items
            "# Heading => \\# Heading",
            "> quoted => \\> quoted",
            "- item => \\- item",
            "+ item => \\+ item",
            "1. item => 1\\. item",
            "2019) item => 2019\\) item",
            "C# and F# > C++ => C# and F# > C++",
            // line breaks folded
            "\"two\nlines\" => two lines",
    })
    void escapesOnlyWhatWouldBeMarkup(String text, String expected) {
        assertEquals(expected, Markdown.escape(text));
    }
}
