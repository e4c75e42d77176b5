package dev.accord.ingest.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accord.common.events.EventJson;
import dev.accord.common.events.Topics;
import dev.accord.testsupport.AccordTestResource;
import dev.accord.testsupport.PrometheusText;
import dev.accord.testsupport.TestKafka;
import dev.accord.testsupport.TopicReader;
import dev.accord.testsupport.load.SeedCopies;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Load driver, not a regular test: HTTP ingest → events on Kafka. Distinct copies of the seed
 * article ({@link SeedCopies}) are posted as text by {@code accord.bench.clients} clients back to
 * back for {@code accord.bench.seconds} (a closed loop: throughput), then at half that rate in an
 * open loop (latency). A 202 means the article's transaction is committed on Kafka; at the end every
 * accepted event is read back from the broker (read_committed) and counted, once each. Run with
 * {@code -Daccord.bench=ingest}; results go to stdout and {@code target/ingest-benchmark.txt}.
 */
@QuarkusTest
@WithTestResource(value = AccordTestResource.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
@EnabledIfSystemProperty(named = "accord.bench", matches = "ingest")
class IngestThroughputBenchmark {

    private static final int CLIENTS = Integer.getInteger("accord.bench.clients", 16);
    private static final int SECONDS = Integer.getInteger("accord.bench.seconds", 30);
    private static final int WARM_UP_SECONDS = Integer.getInteger("accord.bench.warm-up-seconds", 15);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    @TestHTTPResource("/api/articles")
    URL endpoint;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(4)).build();
    private final SeedCopies copies = SeedCopies.ofSeed(System.nanoTime());
    private final AtomicLong next = new AtomicLong();
    /** Event keys (article and initiative ids) of every accepted article, to find on Kafka. */
    private final Set<String> acceptedKeys = ConcurrentHashMap.newKeySet();
    private final AtomicInteger duplicates = new AtomicInteger();
    private final Map<Integer, AtomicInteger> refused = new ConcurrentHashMap<>();

    /** The outcome of one closed-loop run. */
    private record Closed(int accepted, long events, double seconds, long[] latencyMs) {
    }

    @Test
    void acceptedEventsPerSecondAndLatency() throws Exception {
        closedLoop(Math.max(2, CLIENTS / 2), WARM_UP_SECONDS);
        String loadBefore = loadAverage();
        String metricsBefore = scrape();
        Closed burst = closedLoop(CLIENTS, SECONDS);
        String metricsAfter = scrape();
        String loadAfter = loadAverage();
        double articlesPerSecond = burst.accepted / burst.seconds;

        int paced = (int) Math.max(1, Math.floor(articlesPerSecond / 2));
        long[] pacedLatency = openLoop(paced, SECONDS);

        try (TopicReader reader = new TopicReader(TestKafka.bootstrapServers(), Topics.ARTICLES, Topics.INITIATIVES)) {
            List<TopicReader.Read> found = reader.awaitRecords(r -> acceptedKeys.contains(r.key()), acceptedKeys.size(),
                    Duration.ofMinutes(3));
            Set<String> ids = new HashSet<>();
            found.forEach(r -> ids.add(r.header("ce_id")));
            assertThat(found).hasSize(acceptedKeys.size());
            assertThat(ids).hasSize(found.size());
        }
        assertThat(refused).isEmpty();

        String report = String.format("""
                ingest benchmark: %d processors, seed copies posted as text/plain
                throughput: %d clients back to back for %.1f s: %d accepted (%d duplicate) = %.1f articles/s, %.0f events/s; \
                latency p50 %d ms, p99 %d ms, max %d ms; load average before %s, after %s
                  per article: extraction %.1f ms (mean); Kafka transactions: %.1f ms (mean), %.1f requests each (mean)
                steady: %d articles/s for %d s: latency p50 %d ms, p99 %d ms, max %d ms; load average after %s
                every accepted event read back from Kafka once (%d events)
                """, Runtime.getRuntime().availableProcessors(), CLIENTS, burst.seconds, burst.accepted, duplicates.get(),
                articlesPerSecond, burst.events / burst.seconds, pct(burst.latencyMs, 50), pct(burst.latencyMs, 99),
                pct(burst.latencyMs, 100), loadBefore, loadAfter,
                meanMs(metricsBefore, metricsAfter, "accord_extraction_seconds"),
                meanMs(metricsBefore, metricsAfter, "accord_ingest_transaction_seconds"),
                delta(metricsBefore, metricsAfter, "accord_ingest_transaction_requests_sum")
                        / delta(metricsBefore, metricsAfter, "accord_ingest_transaction_requests_count"), paced, SECONDS, pct(pacedLatency, 50),
                pct(pacedLatency, 99), pct(pacedLatency, 100), loadAverage(), acceptedKeys.size());
        System.out.println(report);
        Files.writeString(Path.of("target", "ingest-benchmark.txt"), report);
    }

    /** {@code clients} threads posting back to back for {@code seconds}. */
    private Closed closedLoop(int clients, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        AtomicInteger accepted = new AtomicInteger();
        AtomicLong events = new AtomicLong();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        CountDownLatch done = new CountDownLatch(clients);
        long started = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            Thread client = new Thread(() -> {
                try {
                    while (System.nanoTime() < deadline) {
                        long sent = System.nanoTime();
                        int published = post(next.getAndIncrement());
                        latencies.add((System.nanoTime() - sent) / 1_000_000);
                        if (published > 0) {
                            accepted.incrementAndGet();
                            events.addAndGet(published);
                        }
                    }
                } finally {
                    done.countDown();
                }
            }, "bench-client-" + c);
            client.start();
        }
        done.await();
        double elapsed = (System.nanoTime() - started) / 1e9;
        return new Closed(accepted.get(), events.get(), elapsed, sorted(latencies));
    }

    /** Posts {@code perSecond} copies a second, on schedule whatever the answers, for {@code seconds}. */
    private long[] openLoop(int perSecond, int seconds) throws InterruptedException {
        int total = perSecond * seconds;
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        CountDownLatch done = new CountDownLatch(total);
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        var senders = Executors.newCachedThreadPool();
        long start = System.nanoTime();
        long periodNanos = 1_000_000_000L / perSecond;
        for (int i = 0; i < total; i++) {
            long due = start + i * periodNanos;
            pacer.schedule(() -> senders.execute(() -> {
                try {
                    post(next.getAndIncrement());
                    latencies.add((System.nanoTime() - due) / 1_000_000);
                } finally {
                    done.countDown();
                }
            }), due - System.nanoTime(), TimeUnit.NANOSECONDS);
        }
        assertThat(done.await(seconds + REQUEST_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        pacer.shutdownNow();
        senders.shutdownNow();
        return sorted(latencies);
    }

    /** Posts copy {@code n}; the number of events it published (0 for a duplicate or a refusal). */
    private int post(long n) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint.toString())).timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer test-ingest-key")
                .header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(copies.copy(n))).build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 202) {
                refused.computeIfAbsent(response.statusCode(), code -> new AtomicInteger()).incrementAndGet();
                return 0;
            }
            JsonNode body = EventJson.mapper().readTree(response.body());
            if (body.path("duplicate").asBoolean()) {
                duplicates.incrementAndGet();
                return 0;
            }
            List<String> keys = new ArrayList<>();
            keys.add(body.path("articleId").asText());
            body.path("initiatives").forEach(i -> keys.add(i.path("id").asText()));
            acceptedKeys.addAll(keys);
            return keys.size();
        } catch (IOException e) {
            refused.computeIfAbsent(-1, code -> new AtomicInteger()).incrementAndGet();
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static long[] sorted(ConcurrentLinkedQueue<Long> values) {
        long[] array = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(array);
        return array;
    }

    private static long pct(long[] sorted, int percentile) {
        if (sorted.length == 0) {
            return -1;
        }
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private String scrape() throws IOException, InterruptedException {
        URI metrics = URI.create(endpoint.toString()).resolve("/q/metrics");
        return client.send(HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static double delta(String before, String after, String series) {
        return PrometheusText.sum(after, series) - PrometheusText.sum(before, series);
    }

    /** The mean of a timer over the run, in milliseconds. */
    private static double meanMs(String before, String after, String timer) {
        return 1000 * delta(before, after, timer + "_sum") / delta(before, after, timer + "_count");
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
