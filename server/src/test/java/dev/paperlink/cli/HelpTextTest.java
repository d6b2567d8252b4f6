package dev.paperlink.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13, 8: help texts read as sentences. Each element of a picocli description is a line of its
 * own (the first is the command's summary in 'paperlink --help'), so none may end in the middle of a
 * sentence, with a comma or a colon, and a summary is one whole sentence.
 */
class HelpTextTest {
    @Test
    void everyDescriptionLineEndsASentence() {
        List<String> bad = new ArrayList<>();
        for (CommandLine sub : new CommandLine(new Main()).getSubcommands().values()) {
            CommandSpec spec = sub.getCommandSpec();
            if (spec.usageMessage().hidden()) {
                continue; // an internal probe (bench-open), not in 'paperlink --help'
            }
            String[] description = spec.usageMessage().description();
            assertTrue(description.length > 0, spec.name());
            if (!description[0].endsWith(".")) {
                bad.add(spec.name() + " summary: " + description[0]);
            }
            check(spec.name(), description, bad);
            for (OptionSpec o : spec.options()) {
                check(spec.name() + " " + o.longestName(), o.description(), bad);
            }
            for (PositionalParamSpec p : spec.positionalParameters()) {
                check(spec.name() + " " + p.paramLabel(), p.description(), bad);
            }
        }
        assertEquals(List.of(), bad);
    }

    private static void check(String where, String[] lines, List<String> bad) {
        for (String line : lines) {
            String l = line.strip();
            if (l.endsWith(",") || l.endsWith(":") || l.endsWith(";")) {
                bad.add(where + ": " + l);
            }
        }
    }

    @Test
    void indexOnAMissingPathIsOneLineWithoutTheUsage() {
        CliTest.Run r = IndexSourcesCliTest.run("index", "--index-dir=/nonexistent/index", "/nonexistent/refs.bib");
        assertEquals(1, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("/nonexistent/refs.bib") && !r.err().contains("Usage"), r.err());
    }
}
