package dev.accord.catalog.drill;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.accord.catalog.CatalogTestEvents;
import dev.accord.common.events.EventJson;
import dev.accord.common.events.EventTypes;
import dev.accord.common.events.InitiativeExtracted;
import dev.accord.common.events.Topics;
import dev.accord.testsupport.AccordTestResource;
import dev.accord.testsupport.CloudEventProducer;
import dev.accord.testsupport.TestKafka;
import dev.accord.testsupport.TopicReader;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Drill 5 on the catalog's second input: poison records on {@code accord.initiatives} (not JSON, not
 * the schema, the wrong event type, CloudEvent attributes that break the spec) go to {@code accord.initiatives.dlq} with a
 * {@code dead-letter-reason}, and the initiative published right after them is cataloged.
 * (Poison on {@code accord.articles} is covered by CatalogConsumptionTest and BatchDeadLetterTest.)
 */
@QuarkusTest
@WithTestResource(value = AccordTestResource.class, initArgs = @ResourceArg(name = "database", value = "catalog"))
class PoisonRecordDrillTest {

    private static final Logger LOG = Logger.getLogger(PoisonRecordDrillTest.class);
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void poisonInitiativesAreDeadLetteredAndTheNextOnesFlow() {
        String notJson = UUID.randomUUID().toString();
        String invalid = UUID.randomUUID().toString();
        String wrongType = UUID.randomUUID().toString();
        String badTime = UUID.randomUUID().toString();
        String badSource = UUID.randomUUID().toString();
        UUID articleId = UUID.randomUUID();
        InitiativeExtracted good = CatalogTestEvents.initiative(articleId,
                "India and Japan will launch a joint hydrogen corridor next year.", "announced", "IN");
        long start = System.nanoTime();
        try (CloudEventProducer producer = new CloudEventProducer(TestKafka.bootstrapServers())) {
            producer.sendRaw(Topics.INITIATIVES, notJson, CatalogTestEvents.eventId(), EventTypes.INITIATIVE_EXTRACTED, "\u0000\u00ff{");
            producer.sendRaw(Topics.INITIATIVES, invalid, CatalogTestEvents.eventId(), EventTypes.INITIATIVE_EXTRACTED,
                    "{\"schemaVersion\":1,\"id\":\"" + invalid + "\",\"confidence\":\"high\"}");
            producer.send(Topics.INITIATIVES, wrongType, CatalogTestEvents.eventId(), EventTypes.ARTICLE_INGESTED,
                    CatalogTestEvents.article(UUID.randomUUID(), List.of()));
            // Every required attribute is there, but ce_time is no RFC 3339 timestamp / ce_source no URI reference.
            producer.sendWithHeaders(Topics.INITIATIVES, badTime, EventJson.write(good), Map.of("ce_specversion", "1.0",
                    "ce_id", CatalogTestEvents.eventId(), "ce_type", EventTypes.INITIATIVE_EXTRACTED, "ce_source", "/accord/tests",
                    "ce_time", "yesterday at noon"));
            producer.sendWithHeaders(Topics.INITIATIVES, badSource, EventJson.write(good), Map.of("ce_specversion", "1.0",
                    "ce_id", CatalogTestEvents.eventId(), "ce_type", EventTypes.INITIATIVE_EXTRACTED, "ce_source", "not a uri ^"));
            producer.send(Topics.INITIATIVES, good.id().toString(), CatalogTestEvents.eventId(), EventTypes.INITIATIVE_EXTRACTED, good);
            producer.send(Topics.ARTICLES, articleId.toString(), CatalogTestEvents.eventId(), EventTypes.ARTICLE_INGESTED,
                    CatalogTestEvents.article(articleId, List.of(good.id())));
        }

        await().atMost(WAIT).untilAsserted(() -> given().get("/api/initiatives/" + good.id()).then().statusCode(200));
        long recoveredMillis = (System.nanoTime() - start) / 1_000_000;
        try (TopicReader dlq = new TopicReader(TestKafka.bootstrapServers(), Topics.deadLetterOf(Topics.INITIATIVES))) {
            for (String key : List.of(notJson, invalid, wrongType, badTime, badSource)) {
                TopicReader.Read parked = dlq.awaitRecords(r -> key.equals(r.key()), 1, WAIT).get(0);
                assertThat(parked.header("dead-letter-reason")).as(key).isNotBlank();
                assertThat(parked.header("dead-letter-topic")).isEqualTo(Topics.INITIATIVES);
            }
            assertThat(dlq.drain()).noneMatch(r -> good.id().toString().equals(r.key()));
        }
        given().get("/api/initiatives/" + invalid).then().statusCode(404);
        LOG.infof("Drill 5 (catalog, accord.initiatives): 5 poison + 1 good record in, 1 stored, 5 dead-lettered, "
                + "next record cataloged %d ms after the first poison was sent", recoveredMillis);
    }
}
