package dev.accord.catalog.observability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.accord.catalog.CatalogTestEvents;
import dev.accord.common.events.EventTypes;
import dev.accord.common.events.InitiativeExtracted;
import dev.accord.common.events.Topics;
import dev.accord.testsupport.AccordTestResource;
import dev.accord.testsupport.CloudEventProducer;
import dev.accord.testsupport.HealthChecks;
import dev.accord.testsupport.PrometheusText;
import dev.accord.testsupport.TestKafka;
import dev.accord.testsupport.TopicReader;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Health, Prometheus metrics and trace propagation through the outbox, against a real broker and database. */
@QuarkusTest
@WithTestResource(value = AccordTestResource.class, initArgs = @ResourceArg(name = "database", value = "catalog"))
class OperationsEndpointsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private CloudEventProducer producer;

    @BeforeEach
    void connect() {
        producer = new CloudEventProducer(TestKafka.bootstrapServers());
    }

    @AfterEach
    void disconnect() {
        producer.close();
    }

    @Test
    void livenessAndReadinessAreUpWithKafkaAndDatabaseChecked() {
        assertThat(HealthChecks.assertLiveAndReadyWithKafkaAndDatabase()).contains("catalog-consumption");
    }

    @Test
    void metricsCountConsumedDuplicateDeadLetteredAndRelayedEvents() {
        String before = scrape();
        UUID articleId = UUID.randomUUID();
        InitiativeExtracted initiative = CatalogTestEvents.initiative(articleId,
                "Canada and Mexico are launching a " + UUID.randomUUID() + " fisheries pact.", "launched", "CA");
        String eventId = CatalogTestEvents.eventId();
        producer.send(Topics.INITIATIVES, initiative.id().toString(), eventId, EventTypes.INITIATIVE_EXTRACTED, initiative);
        // The same event again (a redelivery) and a record that is not JSON.
        producer.send(Topics.INITIATIVES, initiative.id().toString(), eventId, EventTypes.INITIATIVE_EXTRACTED, initiative);
        producer.sendRaw(Topics.INITIATIVES, UUID.randomUUID().toString(), CatalogTestEvents.eventId(),
                EventTypes.INITIATIVE_EXTRACTED, "not json");

        await().atMost(WAIT).untilAsserted(() -> {
            String after = scrape();
            assertThat(delta(before, after, "accord_events_consumed_total", "topic", Topics.INITIATIVES, "outcome", "ok"))
                    .isEqualTo(1.0);
            assertThat(delta(before, after, "accord_events_consumed_total", "topic", Topics.INITIATIVES,
                    "outcome", "duplicate")).isEqualTo(1.0);
            assertThat(delta(before, after, "accord_events_consumed_total", "topic", Topics.INITIATIVES,
                    "outcome", "dead_lettered")).isEqualTo(1.0);
            assertThat(delta(before, after, "accord_dead_letters_total", "topic", Topics.INITIATIVES)).isEqualTo(1.0);
            assertThat(delta(before, after, "accord_events_produced_total", "topic", Topics.CATALOG, "outcome", "ok"))
                    .isGreaterThanOrEqualTo(1.0);
            assertThat(PrometheusText.exposes(after, "accord_outbox_backlog")).isTrue();
        });
        // Consumer lag per partition comes from the Kafka client metrics through the Micrometer binder, which
        // looks for metrics of newly assigned partitions once a minute.
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(scrape()).containsPattern(
                "kafka_consumer_fetch_manager_records_lag\\{[^}]*partition=\"\\d+\"[^}]*topic=\"accord.initiatives\""));
        // Once per partition: not again under the topic's name with its dots turned to underscores.
        assertThat(scrape()).doesNotContain("topic=\"accord_");
    }

    @Test
    void theConsumedEventsTraceContinuesOnTheRelayedEvent() {
        String traceId = PrometheusText.newTraceId();
        UUID articleId = UUID.randomUUID();
        InitiativeExtracted initiative = CatalogTestEvents.initiative(articleId,
                "Chile and Peru are launching a " + UUID.randomUUID() + " water treaty.", "launched", "CL");
        try (TopicReader catalog = new TopicReader(TestKafka.bootstrapServers(), Topics.CATALOG)) {
            producer.send(Topics.INITIATIVES, initiative.id().toString(), CatalogTestEvents.eventId(),
                    EventTypes.INITIATIVE_EXTRACTED, initiative, Map.of("traceparent", PrometheusText.traceparent(traceId)));
            TopicReader.Read relayed = catalog.awaitRecords(r -> r.value().contains(initiative.id().toString()), 1, WAIT)
                    .get(0);
            String traceparent = relayed.header("traceparent");
            assertThat(PrometheusText.traceIdOf(traceparent)).isEqualTo(traceId);
        }
    }

    private static String scrape() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static double delta(String before, String after, String name, String... labels) {
        return PrometheusText.sum(after, name, labels) - PrometheusText.sum(before, name, labels);
    }
}
