package dev.accord.bench.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accord.bench.harness.MetricCatalogue.Metric;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns one harness run's raw samples into {@code results.json} (every metric with its runs,
 * median, min, max, unit, target and pass) and the results table of {@code docs/benchmarks.md},
 * which it rewrites between its two marker lines and leaves the rest of the page alone.
 */
final class Report {

    static final String TABLE_START = "<!-- bench:results:start (written by ./accord bench; edits between these lines are overwritten) -->";
    static final String TABLE_END = "<!-- bench:results:end -->";

    /** A metric's figures over the rounds of one run. */
    record Figure(Metric metric, List<Double> runs, Double median, Double min, Double max, Boolean pass, String note,
            String detail) {
    }

    private Report() {
    }

    static void run(Options options) throws IOException {
        String session = options.string("session");
        List<Sample> samples = read(Path.of(options.string("out")), session);
        List<Figure> figures = new ArrayList<>();
        for (Metric metric : MetricCatalogue.ALL) {
            figures.add(metric.ratio() ? ratio(metric, samples) : measured(metric, samples));
        }
        Machine machine = Machine.describe();
        String command = options.string("command");
        Path results = Path.of(options.string("results"));
        Files.createDirectories(results.toAbsolutePath().getParent());
        Http.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValue(results.toFile(),
                json(session, options.string("mode"), command, machine, figures));
        System.out.println("  wrote " + results);
        String docsOption = options.string("docs", "");
        Path docs = docsOption.isEmpty() ? null : Path.of(docsOption);
        if (docs != null && Files.exists(docs)) {
            rewrite(docs, table(options.string("mode"), command, machine, figures));
            System.out.println("  rewrote the results table in " + docs);
        }
        print(figures);
    }

    static List<Sample> read(Path file, String session) throws IOException {
        List<Sample> samples = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode node = Http.JSON.readTree(line);
            if (!session.equals(node.path("session").asText())) {
                continue;
            }
            JsonNode value = node.path("value");
            samples.add(new Sample(session, node.path("round").asInt(), node.path("metric").asText(),
                    value.isNumber() ? value.asDouble() : null, node.hasNonNull("note") ? node.path("note").asText() : null));
        }
        return samples;
    }

    private static Figure measured(Metric metric, List<Sample> samples) {
        List<Double> runs = new ArrayList<>();
        Set<String> notes = new LinkedHashSet<>();
        String detail = null;
        for (Sample sample : samples) {
            if (sample.metric().equals(metric.id())) {
                if (sample.measured()) {
                    runs.add(sample.value());
                    detail = sample.note() == null ? detail : sample.note();
                } else {
                    notes.add(sample.note());
                }
            }
        }
        Figure figure = figure(metric, runs, notes.isEmpty() ? null : String.join("; ", notes));
        return detail == null ? figure : new Figure(figure.metric(), figure.runs(), figure.median(), figure.min(), figure.max(),
                figure.pass(), figure.note(), "last run: " + detail);
    }

    /** Per round, the ratio of the two sides measured in that round; rounds lacking a side give none. */
    private static Figure ratio(Metric metric, List<Sample> samples) {
        Map<Integer, Sample> numerators = byRound(samples, metric.numerator());
        Map<Integer, Sample> denominators = byRound(samples, metric.denominator());
        List<Double> runs = new ArrayList<>();
        for (Map.Entry<Integer, Sample> numerator : numerators.entrySet()) {
            Sample denominator = denominators.get(numerator.getKey());
            if (denominator != null && numerator.getValue().measured() && denominator.measured()) {
                runs.add(Sample.ratio(numerator.getValue(), denominator));
            }
        }
        return figure(metric, runs, runs.isEmpty() ? "n/a: no round measured both sides" : null);
    }

    private static Map<Integer, Sample> byRound(List<Sample> samples, String metric) {
        Map<Integer, Sample> rounds = new TreeMap<>();
        samples.stream().filter(s -> s.metric().equals(metric)).forEach(s -> rounds.put(s.round(), s));
        return rounds;
    }

    private static Figure figure(Metric metric, List<Double> runs, String note) {
        if (runs.isEmpty()) {
            return new Figure(metric, runs, null, null, null, null, note == null ? "n/a: not measured" : note, null);
        }
        List<Double> sorted = new ArrayList<>(runs);
        Collections.sort(sorted);
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        Boolean pass = metric.target() == null ? null : metric.target().met(median);
        return new Figure(metric, runs, median, sorted.get(0), sorted.get(n - 1), pass, note,
                metric.ratio() ? "one ratio per round, both sides from that round" : null);
    }

    private static ObjectNode json(String session, String mode, String command, Machine machine, List<Figure> figures) {
        ObjectNode root = Http.JSON.createObjectNode();
        root.put("session", session);
        root.put("mode", mode);
        root.put("command", command);
        root.set("machine", Http.JSON.valueToTree(machine));
        ArrayNode metrics = root.putArray("metrics");
        for (Figure figure : figures) {
            ObjectNode node = metrics.addObject();
            node.put("id", figure.metric().id());
            node.put("section", figure.metric().section());
            node.put("name", figure.metric().label());
            node.put("unit", figure.metric().unit());
            ArrayNode runs = node.putArray("runs");
            figure.runs().forEach(runs::add);
            putNumber(node, "median", figure.median());
            putNumber(node, "min", figure.min());
            putNumber(node, "max", figure.max());
            if (figure.metric().target() == null) {
                node.putNull("target");
            } else {
                node.put("target", figure.metric().target().text(figure.metric().unit()));
            }
            if (figure.pass() == null) {
                node.putNull("pass");
            } else {
                node.put("pass", figure.pass());
            }
            if (figure.note() != null) {
                node.put("note", figure.note());
            }
            if (figure.detail() != null) {
                node.put("detail", figure.detail());
            }
            if (figure.metric().ratio()) {
                node.put("numerator", figure.metric().numerator());
                node.put("denominator", figure.metric().denominator());
            }
        }
        return root;
    }

    private static void putNumber(ObjectNode node, String name, Double value) {
        if (value == null) {
            node.putNull(name);
        } else {
            node.put(name, value);
        }
    }

    private static String table(String mode, String command, Machine machine, List<Figure> figures) {
        StringBuilder md = new StringBuilder();
        md.append(TABLE_START).append("\n\n");
        md.append("Run: ").append(machine.date()).append(", `").append(command).append("` (").append(mode).append(" mode).  \n");
        md.append("Machine: ").append(machine.cpu()).append(", ").append(machine.cores()).append(" cores, ")
                .append(machine.memory()).append(" RAM, ").append(machine.jdk()).append(", ").append(machine.os())
                .append("; load average ").append(machine.loadAverage()).append(" when the report was written.  \n");
        if (!"full".equals(mode)) {
            md.append("**").append(mode).append(" mode: fewer repetitions (see the runs column) and shorter loads than a full run;")
                    .append(" a median of fewer than 3 runs is a single measurement, not a median.**  \n");
        }
        md.append("Each figure is the median over the runs (rounds) of this one invocation; a ratio is computed per round from")
                .append(" two sides measured in that round, never across runs.\n\n");
        md.append("| path | figure | median | min – max | runs | target | met | notes |\n");
        md.append("| --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (Figure figure : figures) {
            Metric metric = figure.metric();
            md.append("| ").append(metric.section()).append(" | ").append(metric.label()).append(" | ");
            if (figure.median() == null) {
                md.append(figure.note()).append(" | | 0 | ");
            } else {
                md.append(withUnit(figure.median(), metric.unit())).append(" | ").append(plain(figure.min(), metric.unit()))
                        .append(" – ").append(plain(figure.max(), metric.unit())).append(" | ").append(figure.runs().size()).append(" | ");
            }
            md.append(metric.target() == null ? "" : metric.target().text(metric.unit())).append(" | ");
            md.append(figure.pass() == null ? "" : figure.pass() ? "yes" : "**no**").append(" | ");
            md.append(figure.detail() == null || figure.median() == null ? "" : figure.detail().replace("|", "/")).append(" |\n");
        }
        md.append("\n").append(TABLE_END);
        return md.toString();
    }

    private static void rewrite(Path docs, String table) throws IOException {
        String page = Files.readString(docs);
        int start = page.indexOf(TABLE_START);
        int end = page.indexOf(TABLE_END);
        String updated = start >= 0 && end > start
                ? page.substring(0, start) + table + page.substring(end + TABLE_END.length())
                : page.stripTrailing() + "\n\n" + table + "\n";
        Files.writeString(docs, updated);
    }

    private static void print(List<Figure> figures) {
        System.out.println();
        for (Figure figure : figures) {
            String value = figure.median() == null ? figure.note() : withUnit(figure.median(), figure.metric().unit())
                    + "  (" + plain(figure.min(), figure.metric().unit()) + " – " + plain(figure.max(), figure.metric().unit())
                    + ", " + figure.runs().size() + " runs)";
            String verdict = figure.pass() == null ? "" : figure.pass() ? "  [met]" : "  [not met: " + figure.metric().target()
                    .text(figure.metric().unit()) + "]";
            System.out.printf("  %-36s %s%s%n", figure.metric().id(), value, verdict);
        }
    }

    static String withUnit(double value, String unit) {
        return switch (unit) {
            case "ratio" -> number(value * 100) + " %";
            case "×" -> number(value) + "×";
            default -> number(value) + " " + unit;
        };
    }

    /** A value in the unit its median is shown in, without the unit (ratios as percentages). */
    static String plain(Double value, String unit) {
        return value == null ? "" : "ratio".equals(unit) ? number(value * 100) : number(value);
    }

    static String number(Double value) {
        if (value == null) {
            return "";
        }
        double abs = Math.abs(value);
        String pattern = abs >= 100 ? "%,.0f" : abs >= 10 ? "%.1f" : "%.2f";
        return String.format(Locale.ROOT, pattern, value);
    }

    /** The facts of the machine a run was measured on. */
    record Machine(String date, String cpu, int cores, String memory, String jdk, String os, String loadAverage) {
        static Machine describe() throws IOException {
            String cpu = "unknown CPU";
            Path cpuinfo = Path.of("/proc/cpuinfo");
            if (Files.exists(cpuinfo)) {
                Optional<String> model = Files.readAllLines(cpuinfo).stream().filter(l -> l.startsWith("model name"))
                        .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst();
                cpu = model.orElse(cpu);
            }
            String memory = "unknown";
            Path meminfo = Path.of("/proc/meminfo");
            if (Files.exists(meminfo)) {
                memory = Files.readAllLines(meminfo).stream().filter(l -> l.startsWith("MemTotal:"))
                        .map(l -> String.format(Locale.ROOT, "%.1f GiB", Long.parseLong(l.replaceAll("\\D", "")) / 1048576.0))
                        .findFirst().orElse(memory);
            }
            String jdk = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
            String os = System.getProperty("os.name") + " " + System.getProperty("os.version");
            String load = "unknown";
            Path loadavg = Path.of("/proc/loadavg");
            if (Files.exists(loadavg)) {
                String[] parts = Files.readString(loadavg).strip().split("\\s+");
                load = parts[0] + " / " + parts[1] + " / " + parts[2] + " (1 / 5 / 15 min)";
            }
            return new Machine(ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z")), cpu,
                    Runtime.getRuntime().availableProcessors(), memory, jdk, os, load);
        }
    }
}
