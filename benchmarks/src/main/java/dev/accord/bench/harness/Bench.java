package dev.accord.bench.harness;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accord.devstack.launcher.LauncherException;
import java.nio.file.Path;

/**
 * The performance harness: {@code run} is {@code ./accord bench} (BenchRun), which starts a stack and calls the other
 * commands, one JVM per step. Every command appends its figures to the run's samples file ({@code --out}), tagged
 * with {@code --session} and {@code --round}.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: Bench run [--quick] [--pipeline] | sizes|kafka-baseline|pg-baseline|settle|ingest|catalog-load|queries|e2e|pipeline|jmh-import|record|report --name value …");
            System.exit(2);
        }
        if (args[0].equals("run")) {
            try {
                BenchRun.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            } catch (LauncherException e) {
                System.err.println("accord: " + e.getMessage());
                System.exit(1);
            }
            System.exit(0);
        }
        Options options = new Options(args, 1);
        switch (args[0]) {
            case "sizes" -> EventSizes.run(options);
            case "kafka-baseline" -> KafkaBaseline.run(options);
            case "pg-baseline" -> PostgresBaseline.run(options);
            case "ingest" -> IngestLoad.run(options);
            case "catalog-load" -> CatalogLoad.run(options);
            case "settle" -> Backlog.settle(options);
            case "queries" -> QueryLoad.run(options);
            case "e2e" -> EndToEnd.run(options);
            case "pipeline" -> PipelineScenario.run(options);
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

    /**
     * The figures of a JMH JSON result: extraction throughput of the seed (each measured iteration is
     * one run) and, from MatchingBenchmark's sample-time histograms, the per-event p99 of each
     * iteration at 1k and 100k subscriptions (iteration i of both is round i of one JMH invocation).
     */
    private static void importJmh(Options options) throws Exception {
        JsonNode results = Http.JSON.readTree(Path.of(options.string("file")).toFile());
        Path out = Path.of(options.string("out"));
        String session = options.string("session");
        for (JsonNode benchmark : results) {
            String name = benchmark.path("benchmark").asText();
            if (name.endsWith("ExtractionBenchmark.cleanExtractTag") && "seed".equals(benchmark.path("params").path("article").asText())) {
                int round = 1;
                for (JsonNode fork : benchmark.path("primaryMetric").path("rawData")) {
                    for (JsonNode iteration : fork) {
                        new Measurements(out, session, round++).record("extraction.seed_per_s", iteration.asDouble(),
                                "JMH iteration, one thread");
                    }
                }
            } else if (name.endsWith("MatchingBenchmark.matchOneEvent") && "sample".equals(benchmark.path("mode").asText())) {
                String subscriptions = benchmark.path("params").path("subscriptions").asText();
                String metric = "matching." + ("1000".equals(subscriptions) ? "1k" : "100000".equals(subscriptions) ? "100k"
                        : subscriptions) + ".p99_us";
                int round = 1;
                for (JsonNode fork : benchmark.path("primaryMetric").path("rawDataHistogram")) {
                    for (JsonNode iteration : fork) {
                        new Measurements(out, session, round++).record(metric, percentile(iteration, 0.99),
                                "JMH sample-time iteration, " + subscriptions + " subscriptions, one thread");
                    }
                }
            }
        }
    }

    /** The value at {@code quantile} of a JMH histogram: [[value, count], …]. */
    static double percentile(JsonNode histogram, double quantile) {
        java.util.TreeMap<Double, Long> counts = new java.util.TreeMap<>();
        long total = 0;
        for (JsonNode bucket : histogram) {
            counts.merge(bucket.get(0).asDouble(), bucket.get(1).asLong(), Long::sum);
            total += bucket.get(1).asLong();
        }
        long rank = (long) Math.ceil(quantile * total);
        long seen = 0;
        for (java.util.Map.Entry<Double, Long> entry : counts.entrySet()) {
            seen += entry.getValue();
            if (seen >= rank) {
                return entry.getKey();
            }
        }
        return counts.isEmpty() ? Double.NaN : counts.lastKey();
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
