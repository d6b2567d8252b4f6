package dev.paperlink.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintStream;

/** The {@code paperlink} command. */
@Command(name = "paperlink", mixinStandardHelpOptions = true, version = "paperlink 0.1.0",
        description = "Links Markdown and LaTeX notes to the papers they cite.",
        subcommands = {IndexCommand.class, RemoveCommand.class, SourcesCommand.class, DoctorCommand.class, SearchCommand.class, ShowCommand.class,
                ExportCommand.class, StatsCommand.class, SolrCommand.class,
                BenchCommand.class, BenchOpenCommand.class, BenchLspCommand.class, BenchStartupCommand.class, TrainStartupCommand.class,
                GenerateArxivCommand.class,
                ServeCommand.class},
        exitCodeOnInvalidInput = 1, exitCodeOnExecutionException = 1)
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(System.out, System.err, args));
    }

    /** Runs the command line with the given streams; returns the exit code. */
    public static int run(PrintStream out, PrintStream err, String... args) {
        CommandLine cmd = new CommandLine(new Main());
        cmd.setOut(new java.io.PrintWriter(out, true));
        cmd.setErr(new java.io.PrintWriter(err, true));
        cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("paperlink: error: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            if (System.getenv("PAPERLINK_DEBUG") != null) {
                ex.printStackTrace(commandLine.getErr());
            }
            return 1;
        });
        for (CommandLine sub : cmd.getSubcommands().values()) {
            sub.getCommandSpec().exitCodeOnInvalidInput(1);
        }
        return cmd.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: index, search, show, export, stats, bench or serve");
    }
}
