package dev.accord.alert.drill;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.accord.alert.Catalog;
import dev.accord.common.events.CatalogInitiative;
import dev.accord.common.events.EventTypes;
import dev.accord.common.events.Topics;
import dev.accord.testsupport.AccordTestResource;
import dev.accord.testsupport.CloudEventProducer;
import dev.accord.testsupport.TestKafka;
import dev.accord.testsupport.TopicReader;
import dev.accord.webhookreceiver.WebhookReceiver;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Drill 5 on alerts: poison records on {@code accord.catalog} (not JSON, not the schema, an unknown
 * event type, a malformed CloudEvent attribute) go to {@code accord.catalog.dlq} with a {@code dead-letter-reason}, and the catalog
 * event published right after them still reaches its subscriber's webhook.
 */
@QuarkusTest
@WithTestResource(value = AccordTestResource.class, initArgs = @ResourceArg(name = "database", value = "alert"))
class PoisonRecordDrillTest {

    private static final Logger LOG = Logger.getLogger(PoisonRecordDrillTest.class);
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void poisonCatalogEventsAreDeadLetteredAndTheNextOneIsDelivered() {
        String keyword = Catalog.uniqueKeyword();
        String notJson = UUID.randomUUID().toString();
        String invalid = UUID.randomUUID().toString();
        String unknownType = UUID.randomUUID().toString();
        String badTime = UUID.randomUUID().toString();
        CatalogInitiative good = Catalog.initiative(keyword, "Drill five");
        try (WebhookReceiver receiver = WebhookReceiver.start();
                CloudEventProducer producer = new CloudEventProducer(TestKafka.bootstrapServers())) {
            JsonPath subscription = Catalog.subscribe(keyword,
                    "{\"type\":\"webhook\",\"url\":\"" + receiver.url("/drill5") + "\"}", null);
            long start = System.nanoTime();
            producer.sendRaw(Topics.CATALOG, notJson, UUID.randomUUID().toString(), EventTypes.INITIATIVE_CATALOGED, "{not json");
            producer.sendRaw(Topics.CATALOG, invalid, UUID.randomUUID().toString(), EventTypes.INITIATIVE_CATALOGED,
                    "{\"schemaVersion\":1,\"id\":\"" + invalid + "\",\"title\":7}");
            producer.sendRaw(Topics.CATALOG, unknownType, UUID.randomUUID().toString(), "accord.something.else", "{}");
            // Every required attribute is there, but ce_time is no RFC 3339 timestamp.
            producer.sendWithHeaders(Topics.CATALOG, badTime, "{}", Map.of("ce_specversion", "1.0", "ce_id",
                    UUID.randomUUID().toString(), "ce_type", EventTypes.INITIATIVE_CATALOGED, "ce_source", "/accord/tests",
                    "ce_time", "yesterday at noon"));
            Catalog.publish(producer, good);

            await().atMost(WAIT).until(() -> receiver.received().stream().anyMatch(r -> r.body().contains(good.id().toString())));
            long recoveredMillis = (System.nanoTime() - start) / 1_000_000;
            try (TopicReader dlq = new TopicReader(TestKafka.bootstrapServers(), Topics.deadLetterOf(Topics.CATALOG))) {
                for (String key : List.of(notJson, invalid, unknownType, badTime)) {
                    TopicReader.Read parked = dlq.awaitRecords(r -> key.equals(r.key()), 1, WAIT).get(0);
                    assertThat(parked.header("dead-letter-reason")).as(key).isNotBlank();
                }
                assertThat(dlq.drain()).noneMatch(r -> good.id().toString().equals(r.key()));
            }
            assertThat(receiver.received()).hasSize(1);
            given().header("Authorization", Catalog.bearer(subscription)).delete("/api/subscriptions/" + subscription.getString("id"))
                    .then().statusCode(204);
            LOG.infof("Drill 5 (alert, accord.catalog): 4 poison + 1 good record in, 1 delivered, 4 dead-lettered, "
                    + "next record delivered %d ms after the first poison was sent", recoveredMillis);
        }
    }
}
