package dev.accord.bench.harness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kafka's own perf tools from kafka-tools (the version the services' clients are), on the same
 * broker: ProducerPerformance with acks=all and idempotence like ingest, at Accord's mean event
 * size, then ConsumerPerformance reading those records back. Each runs in a JVM of its own, as
 * Kafka's scripts run them.
 */
final class KafkaBaseline {

    private static final Pattern PRODUCER_SUMMARY = Pattern.compile(
            "(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\), ([\\d.]+) ms avg latency, ([\\d.]+) ms max latency, "
                    + "(\\d+) ms 50th, (\\d+) ms 95th, (\\d+) ms 99th");

    private KafkaBaseline() {
    }

    static void run(Options options) throws Exception {
        Measurements out = Measurements.from(options);
        String bootstrap = options.string("bootstrap");
        String topic = options.string("topic");
        int records = options.integer("records");
        long size = EventSizes.mean(java.nio.file.Path.of(options.string("sizes-file")));

        List<String> producer = tool("org.apache.kafka.tools.ProducerPerformance", "--topic", topic,
                "--num-records", Integer.toString(records), "--record-size", Long.toString(size), "--throughput", "-1",
                "--producer-props", "bootstrap.servers=" + bootstrap, "acks=all", "enable.idempotence=true");
        Matcher summary = null;
        for (String line : exec(producer)) {
            Matcher m = PRODUCER_SUMMARY.matcher(line);
            if (m.find()) {
                summary = m;
            }
        }
        if (summary == null) {
            throw new IllegalStateException("ProducerPerformance printed no summary");
        }
        String note = records + " records of " + size + " B, acks=all, idempotent";
        out.record("kafka.producer.events_per_s", Double.parseDouble(summary.group(2)), note);
        out.record("kafka.producer.p99_ms", Double.parseDouble(summary.group(8)), null);

        List<String> consumer = tool("org.apache.kafka.tools.ConsumerPerformance", "--bootstrap-server", bootstrap,
                "--topic", topic, "--messages", Integer.toString(records), "--timeout", "60000");
        List<String> lines = exec(consumer);
        // The figures are the first line after the header with as many comma-separated fields as
        // it: log lines (WARN, SLF4J) can come between the two.
        List<String> names = null;
        List<String> values = null;
        for (String line : lines) {
            List<String> fields = split(line);
            if (line.startsWith("start.time")) {
                names = fields;
            } else if (names != null && values == null && fields.size() == names.size()) {
                values = fields;
            }
        }
        int column = names == null ? -1 : names.indexOf("fetch.nMsg.sec");
        if (values == null || column < 0) {
            throw new IllegalStateException("ConsumerPerformance printed no result with a fetch.nMsg.sec column");
        }
        // fetch.nMsg.sec leaves out the group join, which a long-running consumer pays once.
        out.record("kafka.consumer.events_per_s", Double.parseDouble(values.get(column)), records + " records of " + size + " B");
    }

    private static List<String> split(String line) {
        List<String> parts = new ArrayList<>();
        for (String part : line.split(",")) {
            parts.add(part.strip());
        }
        return parts;
    }

    private static List<String> tool(String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-Xmx512m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(List.of(args));
        return command;
    }

    private static String mainClass(List<String> command) {
        return command.stream().filter(part -> part.startsWith("org.apache.kafka.")).findFirst().orElse(command.get(0));
    }

    private static List<String> exec(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(line);
                if (!line.contains("WARN") && !line.startsWith("SLF4J")) {
                    System.out.println("      | " + line);
                }
            }
        }
        int status = process.waitFor();
        if (status != 0) {
            throw new IllegalStateException(mainClass(command) + " exited with " + status);
        }
        return lines;
    }
}
