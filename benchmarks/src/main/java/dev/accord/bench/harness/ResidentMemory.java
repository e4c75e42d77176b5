package dev.accord.bench.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;

/** A process's resident set (VmRSS of /proc/PID/status), in MB. */
final class ResidentMemory {

    private ResidentMemory() {
    }

    static OptionalDouble mb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    double kb = Double.parseDouble(line.substring(6).trim().split("\\s+")[0]);
                    return OptionalDouble.of(Math.round(kb / 1024 * 10) / 10.0);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Gone, or not Linux.
        }
        return OptionalDouble.empty();
    }

    /** The 1-minute load average, or "" where /proc/loadavg is missing. */
    static String load1m() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "";
        }
    }
}
