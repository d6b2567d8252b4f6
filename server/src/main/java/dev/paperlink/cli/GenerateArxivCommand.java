package dev.paperlink.cli;

import dev.paperlink.cli.bench.arxiv.ArxivStandIn;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code paperlink generate-arxiv --records N --seed S --out FILE[.gz]}: a stand-in for the Kaggle arXiv snapshot. */
@Command(name = "generate-arxiv", mixinStandardHelpOptions = true,
        description = {"Writes a stand-in for the Kaggle arXiv metadata snapshot: N records in its exact JSON-lines schema.",
                "Titles, abstracts and names come from models trained at run time on the shared corpora (ACL anthology, "
                        + "ACM-CR, the arXiv samples); the same seed gives the same bytes. See docs/arxiv-stand-in.md."})
final class GenerateArxivCommand implements Callable<Integer> {
    @Option(names = "--records", required = true, paramLabel = "N", description = "How many records (the snapshot has about 2.6 million).")
    long records;

    @Option(names = "--seed", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write (gzipped when it ends in .gz).")
    Path out;

    @Option(names = "--day", defaultValue = "0", paramLabel = "N",
            description = "Then N records of the month after the last (later ids), into --day-out: a day of new submissions to append.")
    long day;

    @Option(names = "--day-out", paramLabel = "FILE", description = "Where the --day records go.")
    Path dayOut;

    @Option(names = "--shared", paramLabel = "DIR",
            description = "The shared corpora to learn from (default: $PAPERLINK_SHARED/corpora, else ../shared/corpora beside the working folder or one above it).")
    Path shared;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        Path corpora = shared != null ? shared : dev.paperlink.cli.bench.SharedCorporaFolder.find().orElseThrow(() -> new picocli.CommandLine.ParameterException(spec.commandLine(),
                "cannot find the shared corpora (../shared/corpora); name them with --shared DIR"));
        if (day > 0 && dayOut == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--day needs --day-out FILE");
        }
        long t0 = System.nanoTime();
        long cpu0 = cpu();
        ArxivStandIn generator = new ArxivStandIn(corpora, seed);
        err.println("model: " + generator.model.get("training"));
        long t1 = System.nanoTime();
        try (Writer w = ArxivStandIn.open(out); Writer d = dayOut == null ? null : ArxivStandIn.open(dayOut)) {
            generator.write(records, w, day, d, done -> {
                if (done % 100_000 == 0) {
                    err.printf("%,d records%n", done);
                    err.flush();
                }
            });
        }
        long t2 = System.nanoTime();
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("records", records);
        report.put("day", day);
        report.put("seed", seed);
        report.put("out", out.toString());
        report.put("bytes", Files.size(out));
        report.put("trainSeconds", (t1 - t0) / 1e9);
        report.put("writeSeconds", (t2 - t1) / 1e9);
        report.put("cpuSeconds", (cpu() - cpu0) / 1e9);
        for (int i = 0; i < 2; i++) {
            System.gc();
        }
        report.put("heapAfterGcMB", ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1e6);
        report.put("maxHeapMB", Runtime.getRuntime().maxMemory() / 1e6);
        report.put("distinctAuthors", generator.distinctAuthors());
        report.put("authorSlots", generator.authorSlots());
        var growth = generator.growth();
        report.put("generatedHeapsBeta", ArxivStandIn.beta(growth, 100_000));
        report.put("generatedWordGrowth", growth);
        report.put("model", generator.model);
        PrintWriter o = spec.commandLine().getOut();
        if (json) {
            o.println(Json.write(report));
        } else {
            o.printf("%,d records (+%,d of the next day) in %s: %.1f MB, model trained in %.1f s, written in %.1f s (%.1f s CPU in all)%n",
                    records, day, out, Files.size(out) / 1e6, report.get("trainSeconds"), report.get("writeSeconds"), report.get("cpuSeconds"));
            o.printf("training: %s%n", generator.model.get("training"));
            o.printf("real text: Heaps beta %.3f; open vocabulary: discount %.3f, concentration %.1f (%s)%n",
                    generator.model.get("realHeapsBeta"), generator.model.get("vocabularyDiscount"), generator.model.get("vocabularyConcentration"),
                    generator.model.get("rareSlots"));
            o.printf("generated: Heaps beta %.3f over titles and abstracts%n%s", report.get("generatedHeapsBeta"), ArxivStandIn.growthTable(growth));
            o.printf("authors: %,d distinct of %,d author slots (real: %s; discount %.3f)%n", generator.distinctAuthors(), generator.authorSlots(),
                    generator.model.get("realAuthors"), generator.model.get("authorDiscount"));
            o.printf("heap after GC %.1f MB (max heap %.0f MB)%n", report.get("heapAfterGcMB"), report.get("maxHeapMB"));
        }
        o.flush();
        return 0;
    }

    private static long cpu() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean s ? s.getProcessCpuTime() : 0;
    }


}
