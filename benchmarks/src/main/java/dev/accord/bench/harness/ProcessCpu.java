package dev.accord.bench.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time used so far by the stack's processes, from {@code /proc/<pid>/stat} (user + system, all
 * threads). The services and the broker are named by the pid files the script passes
 * ({@code ingest-service=123,catalog-service-2=456,kafka=789}, replicas summed per service); PostgreSQL
 * is every process called {@code postgres} (postmaster, backends, WAL writer, checkpointer). A backend
 * that exits between two samples takes its CPU with it; the services keep pooled connections.
 */
final class ProcessCpu {

    /** The process groups reported, in the table's order. */
    static final String[] GROUPS = {"ingest", "catalog", "alert", "kafka", "postgres"};
    /** USER_HZ, the unit of /proc's times, is 100 on every Linux architecture Java runs on. */
    private static final double MS_PER_TICK = 10;

    private final Map<Long, String> groupByPid = new LinkedHashMap<>();

    /** {@code name=pid,…} as the script writes it. */
    ProcessCpu(String pids) {
        for (String pair : pids.split(",")) {
            String[] parts = pair.strip().split("=");
            if (parts.length == 2 && !parts[1].isBlank()) {
                String name = parts[0].strip();
                int service = name.indexOf("-service");
                String group = service > 0 ? name.substring(0, service) : name;
                // PostgreSQL is counted by process name, all of its processes; other helpers are not the stack's.
                if (!group.equals("postgres") && List.of(GROUPS).contains(group)) {
                    groupByPid.put(Long.parseLong(parts[1].strip()), group);
                }
            }
        }
    }

    /** CPU milliseconds per group so far. */
    Map<String, Double> sample() {
        Map<String, Double> used = new LinkedHashMap<>();
        for (String group : GROUPS) {
            used.put(group, 0.0);
        }
        groupByPid.forEach((pid, group) -> used.merge(group, cpuMillis(pid), Double::sum));
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> "postgres".equals(read(p.resolve("comm")).strip()))
                    .forEach(p -> used.merge("postgres", cpuMillis(Long.parseLong(p.getFileName().toString())), Double::sum));
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc", e);
        }
        return used;
    }

    /** What each group used between two samples. */
    static Map<String, Double> between(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> used = new LinkedHashMap<>();
        after.forEach((group, ms) -> used.put(group, Math.max(0, ms - before.getOrDefault(group, 0.0))));
        return used;
    }

    private static double cpuMillis(long pid) {
        String stat = read(Path.of("/proc", Long.toString(pid), "stat"));
        if (stat.isEmpty()) {
            return 0;
        }
        // Fields after the command name, which is in parentheses and may hold spaces: state is field 3, utime 14, stime 15.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * MS_PER_TICK;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
