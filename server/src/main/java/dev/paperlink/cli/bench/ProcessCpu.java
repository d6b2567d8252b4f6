package dev.paperlink.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CPU time a process has used (user + system, all its threads, those that ended included),
 * from Linux's {@code /proc/PID/stat}: what a benchmark reports besides wall time, since it does
 * not grow when other processes take the cores. Resolution: one clock tick (10 ms).
 */
public final class ProcessCpu {
    /** Linux's USER_HZ: /proc counts CPU time in these ticks on every architecture. */
    private static final long TICKS_PER_SECOND = 100;

    private ProcessCpu() {
    }

    /** CPU milliseconds used so far by the process, or -1 where /proc cannot be read (not Linux, process gone). */
    public static long millis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // the command name (field 2) is in parentheses and may hold spaces: count fields after the last ')'
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime: fields 14 and 15
            return ticks * 1000 / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Whether CPU times can be read here. */
    public static boolean available() {
        return millis(ProcessHandle.current().pid()) >= 0;
    }
}
