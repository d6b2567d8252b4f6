package dev.paperlink.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Watches a child process through /proc (Linux): its CPU time (user + system) and its peak
 * resident memory (VmHWM), read every 100 ms until it exits; the last reading before the exit is
 * kept. Elsewhere the figures are -1.
 */
public final class ProcessWatch implements AutoCloseable {
    private final long pid;
    private final Thread thread;
    private volatile long cpuMillis = -1;
    private volatile long peakRssKb = -1;
    private volatile long rssKb = -1;
    private static final long TICKS = 100; // USER_HZ on Linux

    public ProcessWatch(Process p) {
        this.pid = p.pid();
        thread = new Thread(() -> {
            while (p.isAlive()) {
                read();
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "process-watch-" + pid);
        thread.setDaemon(true);
        thread.start();
    }

    public void read() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after the name: state(0) ppid(1) ... utime(11) stime(12)
            cpuMillis = (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 1000 / TICKS;
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    peakRssKb = Long.parseLong(line.replaceAll("\\D", ""));
                } else if (line.startsWith("VmRSS:")) {
                    rssKb = Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone, or not Linux
        }
    }

    public long cpuMillis() {
        return cpuMillis;
    }

    public long peakRssMB() {
        return peakRssKb < 0 ? -1 : peakRssKb / 1024;
    }

    public long rssMB() {
        return rssKb < 0 ? -1 : rssKb / 1024;
    }

    @Override
    public void close() {
        thread.interrupt();
    }

    /** Total pause time and count of the collections in a -Xlog:gc log ("Pause Young ... 12.345ms"). */
    public static long[] gcPauses(Path log) throws IOException {
        long count = 0;
        double ms = 0;
        if (!Files.exists(log)) {
            return new long[] {0, 0};
        }
        for (String line : Files.readAllLines(log)) {
            if (line.contains("Pause") && line.trim().endsWith("ms")) {
                String t = line.trim();
                String num = t.substring(t.lastIndexOf(' ') + 1, t.length() - 2);
                try {
                    ms += Double.parseDouble(num);
                    count++;
                } catch (NumberFormatException e) {
                    // another kind of line
                }
            }
        }
        return new long[] {count, Math.round(ms)};
    }

    /** Heap used after a full collection in a running JVM, in MB, asked through jcmd (GC.run, then GC.heap_info); -1 if jcmd fails. */
    public static double heapAfterGcMB(long pid) {
        try {
            String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
            run(List.of(jcmd, Long.toString(pid), "GC.run"));
            String info = run(List.of(jcmd, Long.toString(pid), "GC.heap_info"));
            long usedKb = 0;
            boolean any = false;
            for (String line : info.lines().toList()) {
                if (line.contains("Metaspace") || line.contains("class space")) {
                    break;
                }
                var m = java.util.regex.Pattern.compile("used (\\d+)K").matcher(line);
                // the heap's generations, not their spaces (eden, from, to are inside the young generation)
                if (m.find() && !line.trim().startsWith("eden") && !line.trim().startsWith("from") && !line.trim().startsWith("to")
                        && !line.trim().startsWith("the space")) {
                    usedKb += Long.parseLong(m.group(1));
                    any = true;
                }
            }
            return any ? usedKb / 1024.0 : -1;
        } catch (IOException | InterruptedException e) {
            return -1;
        }
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }
}
