package dev.paperlink.server.syntax;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class IncludeScannerTest {

    @Test
    void includedFilesOutsideComments() {
        String latex = """
                \\input{chapters/intro}
                % \\input{commented}
                \\include{results.tex} \\% not a comment \\subimport{parts/}{method}
                \\import{dir/}  % incomplete
                \\includegraphics{fig.png}
                """;
        assertEquals(List.of("chapters/intro.tex", "results.tex", "parts/method.tex"), IncludeScanner.scan(latex));
    }
}
