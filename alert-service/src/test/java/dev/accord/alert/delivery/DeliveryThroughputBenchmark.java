package dev.accord.alert.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accord.alert.Catalog;
import dev.accord.common.events.CatalogInitiative;
import dev.accord.common.events.EventJson;
import dev.accord.testsupport.AccordTestResource;
import dev.accord.testsupport.CloudEventProducer;
import dev.accord.testsupport.TestKafka;
import dev.accord.webhookreceiver.WebhookReceiver;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Load driver, not a regular test: catalog events on the broker to a webhook receiver on loopback,
 * through the whole service (matching, multi-row insert, claim, sign, send, settle). 1,000 webhook
 * subscriptions, each with its own URL on the receiver, in ten keyword groups of 100, so each event
 * matches 10 %. A burst measures
 * deliveries per second; a paced run below that rate measures event-to-receipt latency. Run with
 * {@code -Daccord.bench=delivery} (see docs/benchmarks.md); results go to stdout and
 * {@code target/delivery-benchmark.txt}.
 */
@QuarkusTest
@WithTestResource(value = AccordTestResource.class, initArgs = @ResourceArg(name = "database", value = "alert"))
@EnabledIfSystemProperty(named = "accord.bench", matches = "delivery")
class DeliveryThroughputBenchmark {

    private static final int SUBSCRIPTIONS = 1_000;
    private static final int GROUPS = 10;
    private static final int BURST_EVENTS = Integer.getInteger("accord.bench.burst-events", 100);
    private static final int PACED_EVENTS_PER_SECOND = Integer.getInteger("accord.bench.paced-rate", 4);
    private static final int PACED_SECONDS = Integer.getInteger("accord.bench.paced-seconds", 20);
    private static final Duration WAIT = Duration.ofMinutes(5);

    private final Map<String, Instant> publishedAt = new ConcurrentHashMap<>();

    @Test
    void deliveriesPerSecondAndLatency() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start();
                CloudEventProducer producer = new CloudEventProducer(TestKafka.bootstrapServers())) {
            List<String> words = new ArrayList<>();
            for (int g = 0; g < GROUPS; g++) {
                words.add(Catalog.uniqueKeyword());
            }
            for (int i = 0; i < SUBSCRIPTIONS; i++) {
                // One endpoint (URL) per subscriber, as with 1,000 different subscribers.
                Catalog.subscribe(words.get(i % GROUPS), "{\"type\":\"webhook\",\"url\":\"" + receiver.url("/hook/" + i)
                        + "\"}", null);
            }
            int perEvent = SUBSCRIPTIONS / GROUPS;
            ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor();
            progress.scheduleAtFixedRate(() -> System.out.println("delivery benchmark: " + receiver.received().size()
                    + " webhooks received"), 10, 10, TimeUnit.SECONDS);

            // Warm-up: JIT, connection pools, the consumer's partition assignment.
            publish(producer, words, 20);
            await().atMost(WAIT).until(() -> receiver.received().size() == 20 * perEvent);

            int before = receiver.received().size();
            Instant burstStart = Instant.now();
            publish(producer, words, BURST_EVENTS);
            int burstDeliveries = BURST_EVENTS * perEvent;
            await().atMost(WAIT).pollInterval(Duration.ofMillis(50))
                    .until(() -> receiver.received().size() == before + burstDeliveries);
            List<WebhookReceiver.Received> all = receiver.received();
            Instant burstEnd = all.get(all.size() - 1).at();
            double burstSeconds = Duration.between(burstStart, burstEnd).toNanos() / 1e9;
            long[] burstLatency = latencies(all.subList(before, all.size()));

            int pacedBefore = all.size();
            int pacedEvents = PACED_EVENTS_PER_SECOND * PACED_SECONDS;
            ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
            int[] sent = {0};
            pacer.scheduleAtFixedRate(() -> {
                if (sent[0]++ < pacedEvents) {
                    publish(producer, words, 1);
                }
            }, 0, 1_000_000 / PACED_EVENTS_PER_SECOND, TimeUnit.MICROSECONDS);
            await().atMost(WAIT).pollInterval(Duration.ofMillis(200))
                    .until(() -> receiver.received().size() == pacedBefore + pacedEvents * perEvent);
            pacer.shutdownNow();
            progress.shutdownNow();
            all = receiver.received();
            long[] pacedLatency = latencies(all.subList(pacedBefore, all.size()));

            Set<String> ids = new HashSet<>();
            all.forEach(r -> ids.add(r.header("webhook-id")));
            assertThat(ids).hasSize(all.size());

            String report = String.format("""
                    delivery benchmark: %d webhook subscriptions, %d per event (10 %%), %d processors
                    burst: %d events -> %d deliveries in %.2f s = %.0f deliveries/s; event->received p50 %d ms, p99 %d ms, max %d ms
                    paced: %d events/s (%d deliveries/s) for %d s -> event->received p50 %d ms, p99 %d ms, max %d ms
                    """, SUBSCRIPTIONS, perEvent, Runtime.getRuntime().availableProcessors(), BURST_EVENTS, burstDeliveries,
                    burstSeconds, burstDeliveries / burstSeconds, pct(burstLatency, 50), pct(burstLatency, 99),
                    pct(burstLatency, 100), PACED_EVENTS_PER_SECOND, PACED_EVENTS_PER_SECOND * perEvent, PACED_SECONDS,
                    pct(pacedLatency, 50), pct(pacedLatency, 99), pct(pacedLatency, 100));
            System.out.println(report);
            write(report);
        }
    }

    private void publish(CloudEventProducer producer, List<String> words, int events) {
        for (int i = 0; i < events; i++) {
            CatalogInitiative initiative = Catalog.initiative(words.get(i % words.size()), "Load");
            publishedAt.put(initiative.id().toString(), Instant.now());
            Catalog.publish(producer, initiative);
        }
    }

    /** Milliseconds from each event's publication to each of its webhooks' arrival, sorted. */
    private long[] latencies(List<WebhookReceiver.Received> received) throws IOException {
        long[] ms = new long[received.size()];
        for (int i = 0; i < ms.length; i++) {
            JsonNode body = EventJson.mapper().readTree(received.get(i).body());
            Instant published = publishedAt.get(body.path("initiative").path("id").asText());
            ms[i] = Duration.between(published, received.get(i).at()).toMillis();
        }
        Arrays.sort(ms);
        return ms;
    }

    private static long pct(long[] sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static void write(String report) throws IOException {
        Files.writeString(Path.of("target", "delivery-benchmark.txt"), report);
    }
}
