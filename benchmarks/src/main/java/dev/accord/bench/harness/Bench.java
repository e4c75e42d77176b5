package dev.accord.bench.harness;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;

/**
 * The performance harness' Java side; bench/run.sh calls one command per step. Every command appends
 * its figures to the run's samples file ({@code --out}), tagged with {@code --session} and {@code --round}.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: Bench sizes|kafka-baseline|pg-baseline|ingest|catalog-load|queries|e2e|jmh-import|record|report --name value …");
            System.exit(2);
        }
        Options options = new Options(args, 1);
        switch (args[0]) {
            case "sizes" -> EventSizes.run(options);
            case "kafka-baseline" -> KafkaBaseline.run(options);
            case "pg-baseline" -> PostgresBaseline.run(options);
            case "ingest" -> IngestLoad.run(options);
            case "catalog-load" -> CatalogLoad.run(options);
            case "queries" -> QueryLoad.run(options);
            case "e2e" -> EndToEnd.run(options);
            case "jmh-import" -> importJmh(options);
            case "record" -> record(options);
            case "report" -> Report.run(options);
            default -> {
                System.err.println("unknown command " + args[0]);
                System.exit(2);
            }
        }
        // The HTTP clients' and Kafka's threads must not keep a finished command alive.
        System.exit(0);
    }

    /** The extraction figures of a JMH JSON result: each measured iteration of the seed is one run. */
    private static void importJmh(Options options) throws Exception {
        JsonNode results = Http.JSON.readTree(Path.of(options.string("file")).toFile());
        for (JsonNode benchmark : results) {
            if (!"seed".equals(benchmark.path("params").path("article").asText())) {
                continue;
            }
            int round = 1;
            for (JsonNode fork : benchmark.path("primaryMetric").path("rawData")) {
                for (JsonNode iteration : fork) {
                    new Measurements(Path.of(options.string("out")), options.string("session"), round++)
                            .record("extraction.seed_per_s", iteration.asDouble(), "JMH iteration, one thread");
                }
            }
        }
    }

    /** A figure measured by the script itself (time to ready, RSS from /proc). */
    private static void record(Options options) {
        Measurements out = Measurements.from(options);
        String value = options.string("value", "");
        if (value.isEmpty()) {
            out.unavailable(options.string("metric"), options.string("note", "n/a"));
        } else {
            out.record(options.string("metric"), Double.parseDouble(value), options.string("note", null));
        }
    }
}
