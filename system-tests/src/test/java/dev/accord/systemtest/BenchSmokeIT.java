package dev.accord.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accord.testsupport.Fixtures;
import dev.accord.testsupport.TestDatabase;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The performance harness's quick mode as CI's smoke test: {@code ./accord bench --quick} starts a stack
 * of its own (Kafka from jars, the three packaged services, a database of this test), runs every step
 * with its short loads and stops the stack. Figures are not asserted (CI machines are noisy); what is:
 * the run ends well, results.json of this run names every reported metric, each ratio is the quotient
 * of two samples of one round, no report outside this test's directory is touched, and nothing of the
 * stack is left listening.
 */
class BenchSmokeIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A guard only: on a quiet 2-core runner the quick run takes under 5 minutes, at load average 25 about 15. */
    private static final long TIMEOUT_MINUTES = 25;
    /** Offsets from the port base that the bench stack listens on (Kafka, controller, services, replica 2, embedded PostgreSQL). */
    private static final int[] PORT_OFFSETS = {92, 93, 81, 82, 83, 182, 432};
    private static final List<String> REQUIRED = List.of("machine.load_1m", "events.mean_bytes",
            "kafka.producer.events_per_s", "kafka.consumer.events_per_s", "pg.insert.rows_per_s", "pg.copy.rows_per_s",
            "extraction.seed_per_s", "ingest.events_per_s", "ingest.non_2xx", "ingest.vs_producer", "ingest.p99_ms",
            "catalog.rows_per_s", "catalog.vs_insert", "catalog2.rows_per_s", "catalog2.vs_insert",
            "query.filter.p99_ms", "query.fulltext.p99_ms", "query.facets.p99_ms", "query.deep_page.p99_ms",
            "query.by_id.p99_ms", "e2e.50.p50_ms", "e2e.50.p99_ms", "e2e.200.p50_ms", "e2e.200.p99_ms",
            "pipeline.distinct.capacity", "pipeline.distinct.cpu_ms", "pipeline.distinct.cpu.alert_ms", "pipeline.distinct.floor_ms",
            "pipeline.distinct.vs_floor", "pipeline.burst.capacity", "pipeline.burst.cpu_ms", "pipeline.burst.floor_ms",
            "matching.1k.p99_us", "matching.100k.p99_us", "matching.100k_vs_1k",
            "service.ingest.ready_s", "service.catalog.ready_s", "service.alert.ready_s",
            "service.ingest.rss_idle_mb", "service.catalog.rss_idle_mb", "service.alert.rss_idle_mb",
            "service.ingest.rss_load_mb", "service.catalog.rss_load_mb", "service.alert.rss_load_mb");

    @Test
    void quickRunReportsEveryMetricAndNoRatioAcrossRuns() throws Exception {
        Path root = Fixtures.repositoryRoot();
        Path out = root.resolve("system-tests/target/bench-smoke");
        Files.createDirectories(out);
        Files.deleteIfExists(out.resolve("results.json"));
        Files.deleteIfExists(out.resolve("samples.jsonl"));
        int base = freePortBase();
        TestDatabase.Database db = TestDatabase.database("bench");
        Path log = out.resolve("bench.log");
        Path committedReport = root.resolve("docs/benchmarks.md");
        String reportBefore = Files.readString(committedReport, StandardCharsets.UTF_8);
        ProcessBuilder builder = new ProcessBuilder("bash", root.resolve("accord").toString(), "bench", "--quick")
                .directory(root.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.remove("KAFKA_BOOTSTRAP_SERVERS");
        env.put("ACCORD_BENCH_OUT", out.toString());
        // The committed table of docs/benchmarks.md is for full runs; this run only writes results.json.
        env.put("ACCORD_BENCH_DOCS", "");
        env.put("ACCORD_BENCH_PORT_BASE", Integer.toString(base));
        env.put("ACCORD_DB_URL", db.jdbcUrl());
        env.put("ACCORD_DB_USER", db.user());
        env.put("ACCORD_DB_PASSWORD", db.password());
        Process bench = builder.start();
        boolean finished = bench.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES);
        if (!finished) {
            bench.destroy(); // the script's trap stops its stack
            bench.waitFor(90, TimeUnit.SECONDS);
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(finished).as("./accord bench --quick within %d min; output:%n%s", TIMEOUT_MINUTES, output).isTrue();
        assertThat(bench.exitValue()).as("exit status; output:%n%s", output).isZero();

        assertThat(Files.readString(committedReport, StandardCharsets.UTF_8)).as("docs/benchmarks.md after the run")
                .isEqualTo(reportBefore);

        JsonNode results = JSON.readTree(out.resolve("results.json").toFile());
        assertThat(results.path("mode").asText()).isEqualTo("quick");
        String session = results.path("session").asText();
        Map<String, JsonNode> metrics = new HashMap<>();
        results.path("metrics").forEach(m -> metrics.put(m.path("id").asText(), m));
        assertThat(metrics.keySet()).containsAll(REQUIRED);
        for (JsonNode metric : metrics.values()) {
            assertThat(metric.hasNonNull("median") || metric.hasNonNull("note"))
                    .as("%s has a figure or says why not", metric.path("id").asText()).isTrue();
            if (!metric.hasNonNull("median")) {
                assertThat(metric.path("runs").size()).as("runs of unmeasured %s", metric.path("id").asText()).isZero();
            }
        }

        List<JsonNode> samples = samples(out.resolve("samples.jsonl"), session);
        assertThat(samples).as("samples of run %s", session).isNotEmpty();
        for (JsonNode metric : metrics.values()) {
            if (!metric.has("numerator")) {
                continue;
            }
            Set<Double> sameRound = sameRoundRatios(samples, metric.path("numerator").asText(), metric.path("denominator").asText());
            for (JsonNode run : metric.path("runs")) {
                assertThat(sameRound).as("%s = %s is the ratio of two samples of one round", metric.path("id").asText(),
                        run.asDouble()).anySatisfy(r -> assertThat(r).isCloseTo(run.asDouble(), org.assertj.core.data.Offset.offset(1e-9)));
            }
        }

        for (int offset : PORT_OFFSETS) {
            assertThat(listening(base + offset)).as("port %d after the run", base + offset).isFalse();
        }
    }

    private static List<JsonNode> samples(Path file, String session) throws IOException {
        List<JsonNode> samples = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            JsonNode sample = JSON.readTree(line);
            if (session.equals(sample.path("session").asText())) {
                samples.add(sample);
            }
        }
        return samples;
    }

    private static Set<Double> sameRoundRatios(List<JsonNode> samples, String numerator, String denominator) {
        Set<Double> ratios = new HashSet<>();
        for (JsonNode n : samples) {
            for (JsonNode d : samples) {
                if (n.path("metric").asText().equals(numerator) && d.path("metric").asText().equals(denominator)
                        && n.path("round").asInt() == d.path("round").asInt() && n.path("value").isNumber()
                        && d.path("value").isNumber() && d.path("value").asDouble() != 0) {
                    ratios.add(n.path("value").asDouble() / d.path("value").asDouble());
                }
            }
        }
        return ratios;
    }

    /** A port base none of whose bench ports is taken (another stack or a parallel build may hold some). */
    private static int freePortBase() {
        for (int base = 29000; base < 60000; base += 1000) {
            boolean free = true;
            for (int offset : PORT_OFFSETS) {
                free &= !listening(base + offset);
            }
            if (free) {
                return base;
            }
        }
        throw new IllegalStateException("no free port range for the bench stack");
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
