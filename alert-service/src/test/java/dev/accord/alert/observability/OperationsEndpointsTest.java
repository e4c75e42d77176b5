package dev.accord.alert.observability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.accord.alert.Catalog;
import dev.accord.common.events.CatalogInitiative;
import dev.accord.common.events.EventTypes;
import dev.accord.common.events.Topics;
import dev.accord.testsupport.AccordTestResource;
import dev.accord.testsupport.CloudEventProducer;
import dev.accord.testsupport.HealthChecks;
import dev.accord.testsupport.PrometheusText;
import dev.accord.testsupport.TestKafka;
import dev.accord.webhookreceiver.WebhookReceiver;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Health, Prometheus metrics and trace propagation from a catalog event to its webhook, against real parts. */
@QuarkusTest
@WithTestResource(value = AccordTestResource.class, initArgs = @ResourceArg(name = "database", value = "alert"))
class OperationsEndpointsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private WebhookReceiver receiver;
    private CloudEventProducer producer;
    private JsonPath subscription;

    @BeforeEach
    void start() {
        receiver = WebhookReceiver.start();
        producer = new CloudEventProducer(TestKafka.bootstrapServers());
    }

    @AfterEach
    void stop() {
        receiver.close();
        producer.close();
        if (subscription != null) {
            given().header("Authorization", Catalog.bearer(subscription)).delete("/api/subscriptions/" + subscription.getString("id"));
        }
    }

    @Test
    void livenessAndReadinessAreUpWithKafkaAndDatabaseChecked() {
        assertThat(HealthChecks.assertLiveAndReadyWithKafkaAndDatabase()).contains("alert-consumption");
    }

    @Test
    void theEventsTraceReachesTheWebhookAndTheMetricsCountIt() {
        String before = scrape();
        String keyword = Catalog.uniqueKeyword();
        subscription = Catalog.subscribe(keyword, "{\"type\":\"webhook\",\"url\":\"" + receiver.url("/hook") + "\"}", null);
        String traceId = PrometheusText.newTraceId();
        String sent = PrometheusText.traceparent(traceId);
        CatalogInitiative initiative = Catalog.initiative(keyword, "Traced pact");
        producer.send(Topics.CATALOG, initiative.id().toString(), UUID.randomUUID().toString(),
                EventTypes.INITIATIVE_CATALOGED, initiative, Map.of("traceparent", sent));
        producer.sendRaw(Topics.CATALOG, UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                EventTypes.INITIATIVE_CATALOGED, "not json");

        await().atMost(WAIT).until(() -> !receiver.received().isEmpty());
        String traceparent = receiver.received().get(0).header("traceparent");
        assertThat(PrometheusText.traceIdOf(traceparent)).isEqualTo(traceId);
        // A span of the alert service's own (the delivery), not the producer's span passed through.
        assertThat(traceparent).isNotEqualTo(sent);

        await().atMost(WAIT).untilAsserted(() -> {
            String after = scrape();
            assertThat(delta(before, after, "accord_events_consumed_total", "topic", Topics.CATALOG, "outcome", "ok"))
                    .isGreaterThanOrEqualTo(1.0);
            assertThat(delta(before, after, "accord_events_consumed_total", "topic", Topics.CATALOG,
                    "outcome", "dead_lettered")).isEqualTo(1.0);
            assertThat(delta(before, after, "accord_dead_letters_total", "topic", Topics.CATALOG)).isEqualTo(1.0);
            assertThat(delta(before, after, "accord_deliveries_queued_total", "type", EventTypes.INITIATIVE_CATALOGED))
                    .isGreaterThanOrEqualTo(1.0);
            assertThat(delta(before, after, "accord_delivery_attempts_seconds_count", "channel", "webhook",
                    "outcome", "delivered")).isGreaterThanOrEqualTo(1.0);
            assertThat(delta(before, after, "accord_delivery_attempts_seconds_sum", "channel", "webhook",
                    "outcome", "delivered")).isPositive();
            assertThat(PrometheusText.exposes(after, "accord_delivery_attempts_seconds_bucket")).isTrue();
        });
        // Consumer lag per partition, from the Kafka client metrics (the binder looks for new ones once a minute).
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(scrape()).containsPattern(
                "kafka_consumer_fetch_manager_records_lag\\{[^}]*partition=\"\\d+\"[^}]*topic=\"accord.catalog\""));
    }

    private static String scrape() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static double delta(String before, String after, String name, String... labels) {
        return PrometheusText.sum(after, name, labels) - PrometheusText.sum(before, name, labels);
    }
}
