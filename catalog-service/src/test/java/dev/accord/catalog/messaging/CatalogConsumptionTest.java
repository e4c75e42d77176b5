package dev.accord.catalog.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accord.catalog.CatalogTestEvents;
import dev.accord.common.events.ArticleIngested;
import dev.accord.common.events.EventIds;
import dev.accord.common.events.EventTypes;
import dev.accord.common.events.Evidence;
import dev.accord.common.events.InitiativeExtracted;
import dev.accord.common.events.Parties;
import dev.accord.common.events.Topics;
import dev.accord.testsupport.AccordTestResource;
import dev.accord.testsupport.CloudEventAssertions;
import dev.accord.testsupport.CloudEventProducer;
import dev.accord.testsupport.TestKafka;
import dev.accord.testsupport.TopicReader;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = AccordTestResource.class, initArgs = @ResourceArg(name = "database", value = "catalog"))
class CatalogConsumptionTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private CloudEventProducer producer;
    private TopicReader catalog;

    @BeforeEach
    void connect() {
        producer = new CloudEventProducer(TestKafka.bootstrapServers());
        catalog = new TopicReader(TestKafka.bootstrapServers(), Topics.CATALOG);
    }

    @AfterEach
    void disconnect() {
        producer.close();
        catalog.close();
    }

    @Test
    void eventsAreStoredServedAndAnnouncedThroughTheOutbox() {
        UUID articleId = UUID.randomUUID();
        InitiativeExtracted initiative = CatalogTestEvents.initiative(articleId,
                "NASA and JAXA are launching a lunar exploration partnership.", "launched", "JP");
        // The initiative arrives before its article: that order must work.
        producer.send(Topics.INITIATIVES, initiative.id().toString(), CatalogTestEvents.eventId(),
                EventTypes.INITIATIVE_EXTRACTED, initiative);
        producer.send(Topics.ARTICLES, articleId.toString(), CatalogTestEvents.eventId(), EventTypes.ARTICLE_INGESTED,
                CatalogTestEvents.article(articleId, List.of(initiative.id())));

        await().atMost(WAIT).untilAsserted(() -> given().get("/api/articles/" + articleId).then().statusCode(200)
                .body("initiativeIds", hasSize(1)).body("text", equalTo("Some text.")));
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/initiatives/" + initiative.id()).then().statusCode(200)
                .body("stage", equalTo("launched"))
                .body("parties.countries", equalTo(List.of("US", "JP")))
                .body("mentions", hasSize(1))
                .body("mentions[0].articleId", equalTo(articleId.toString())));

        TopicReader.Read cataloged = catalog.awaitRecords(r -> r.key().equals(initiative.id().toString()), 1, WAIT).get(0);
        JsonNode data = CloudEventAssertions.assertCloudEvent(cataloged, EventTypes.INITIATIVE_CATALOGED);
        assertThat(data.get("catalogUrl").asText()).endsWith("/api/initiatives/" + initiative.id());
        given().get(data.get("catalogUrl").asText().replaceFirst("^https?://[^/]+", "")).then().statusCode(200);
        CloudEventAssertions.assertCloudEvent(
                catalog.awaitRecords(r -> r.key().equals(articleId.toString()), 1, WAIT).get(0), EventTypes.ARTICLE_CATALOGED);
    }

    @Test
    void theMentionThatStartsAnEntryCarriesItsSourceBeforeItsArticleIsIn() {
        UUID articleId = UUID.randomUUID();
        InitiativeExtracted initiative = CatalogTestEvents.initiative(articleId,
                "The Baltic Sentinel Drone Coalition will be created by Estonia and Latvia.", "planned", "EE");
        producer.send(Topics.INITIATIVES, initiative.id().toString(), CatalogTestEvents.eventId(),
                EventTypes.INITIATIVE_EXTRACTED, initiative);

        await().atMost(WAIT).untilAsserted(() -> given().get("/api/initiatives/" + initiative.id()).then().statusCode(200)
                .body("mentions[0].source", equalTo(initiative.source())));
        JsonNode cataloged = CloudEventAssertions.assertCloudEvent(
                catalog.awaitRecords(r -> r.key().equals(initiative.id().toString()), 1, WAIT).get(0),
                EventTypes.INITIATIVE_CATALOGED);
        assertThat(cataloged.get("mention").get("source").asText()).isEqualTo(initiative.source());
    }

    @Test
    void redeliveredRecordsChangeNothing() {
        UUID articleId = UUID.randomUUID();
        InitiativeExtracted initiative = CatalogTestEvents.initiative(articleId,
                "The two countries will link up for an integrated air defense network.", "announced", "AU");
        String ceId = CatalogTestEvents.eventId();
        for (int copy = 0; copy < 3; copy++) {
            producer.send(Topics.INITIATIVES, initiative.id().toString(), ceId, EventTypes.INITIATIVE_EXTRACTED, initiative);
        }
        // A later mention of the same initiative by another article, sent twice, moves the stage once.
        UUID secondArticle = UUID.randomUUID();
        InitiativeExtracted later = new InitiativeExtracted(1,
                EventIds.initiativeId(secondArticle, initiative.evidence().sentence()), secondArticle, initiative.title(),
                initiative.summary(), initiative.evidence(), initiative.parties(), initiative.topics(), "launched", 0.8, "rules-0.1", null);
        String laterId = CatalogTestEvents.eventId();
        producer.send(Topics.INITIATIVES, later.id().toString(), laterId, EventTypes.INITIATIVE_EXTRACTED, later);
        producer.send(Topics.INITIATIVES, later.id().toString(), laterId, EventTypes.INITIATIVE_EXTRACTED, later);

        await().atMost(WAIT).untilAsserted(() -> given().get("/api/initiatives/" + initiative.id()).then().statusCode(200)
                .body("mentions", hasSize(2)).body("stage", equalTo("launched"))
                .body("stageHistory.stage", equalTo(List.of("announced", "launched"))));
        List<TopicReader.Read> events = catalog.awaitRecords(r -> r.key().equals(initiative.id().toString()), 2, WAIT);
        assertThat(events).extracting(r -> r.header("ce_type"))
                .containsExactly(EventTypes.INITIATIVE_CATALOGED, EventTypes.INITIATIVE_UPDATED);
        assertThat(events.get(1).header("ce_id")).isNotEqualTo(events.get(0).header("ce_id"));
        JsonNode update = CloudEventAssertions.assertCloudEvent(events.get(1), EventTypes.INITIATIVE_UPDATED);
        assertThat(update.get("change").asText()).isEqualTo("stage");
        assertThat(update.get("previousStage").asText()).isEqualTo("announced");
        assertThat(update.get("mention").get("articleId").asText()).isEqualTo(secondArticle.toString());
        // Nothing else is announced for the redelivered copies.
        assertThat(catalog.drain()).filteredOn(r -> r.key().equals(initiative.id().toString())).hasSize(2);
    }

    @Test
    void twoOutletsReportingOneInitiativeMakeOneEntryAnnouncedOnceThenUpdated() {
        String title = "Joint Operations Command";
        String hill = "The dozens of announcements to come out of the State visit are focused on aligning closer U.S. "
                + "and Japanese military cooperation and coordination – with U.S. forces undergoing a restructuring to "
                + "better coordinate with Japan establishing a new, Joint Operations Command overseeing their ground, "
                + "maritime and air forces.";
        String wire = "U.S. Forces Japan will be upgraded to work more closely with Japan's new Joint Operations "
                + "Command, which will oversee the country's ground, maritime and air forces.";
        InitiativeExtracted first = extraction(UUID.randomUUID(), title, hill, "announced");
        InitiativeExtracted second = extraction(UUID.randomUUID(), title, wire, "announced");
        producer.send(Topics.INITIATIVES, first.id().toString(), CatalogTestEvents.eventId(),
                EventTypes.INITIATIVE_EXTRACTED, first);
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/initiatives/" + first.id()).then().statusCode(200));
        producer.send(Topics.INITIATIVES, second.id().toString(), CatalogTestEvents.eventId(),
                EventTypes.INITIATIVE_EXTRACTED, second);

        await().atMost(WAIT).untilAsserted(() -> given().get("/api/initiatives/" + first.id()).then().statusCode(200)
                .body("mentions.articleId", equalTo(List.of(first.articleId().toString(), second.articleId().toString())))
                .body("mentions.evidence", equalTo(List.of(hill, wire))));
        // The id ingest gave the second report still resolves: to the entry it joined, for good.
        given().redirects().follow(false).get("/api/initiatives/" + second.id()).then().statusCode(308)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/initiatives/" + first.id()));
        given().get("/api/initiatives/" + second.id()).then().statusCode(200).body("id", equalTo(first.id().toString()));
        given().get("/api/initiatives/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
        // Its article lists the entry it mentions, not an id that went nowhere.
        producer.send(Topics.ARTICLES, second.articleId().toString(), CatalogTestEvents.eventId(),
                EventTypes.ARTICLE_INGESTED, CatalogTestEvents.article(second.articleId(), List.of(second.id())));
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/articles/" + second.articleId()).then().statusCode(200)
                .body("initiativeIds", equalTo(List.of(first.id().toString()))));
        given().queryParam("limit", 200).get("/api/articles").then().statusCode(200)
                .body("items.find { it.id == '" + second.articleId() + "' }.initiativeIds", equalTo(List.of(first.id().toString())));

        List<TopicReader.Read> events = catalog.awaitRecords(r -> r.key().equals(first.id().toString()), 2, WAIT);
        JsonNode cataloged = CloudEventAssertions.assertCloudEvent(events.get(0), EventTypes.INITIATIVE_CATALOGED);
        assertThat(cataloged.has("change")).isFalse();
        JsonNode updated = CloudEventAssertions.assertCloudEvent(events.get(1), EventTypes.INITIATIVE_UPDATED);
        assertThat(updated.get("change").asText()).isEqualTo("mention");
        assertThat(updated.get("mention").get("evidence").asText()).isEqualTo(wire);
        assertThat(updated.get("articleIds")).hasSize(2);
        assertThat(catalog.drain()).noneMatch(r -> r.key().equals(second.id().toString()));
    }

    private static InitiativeExtracted extraction(UUID articleId, String title, String sentence, String stage) {
        return new InitiativeExtracted(1, EventIds.initiativeId(articleId, sentence), articleId, title, sentence,
                new Evidence(sentence, 0, sentence.length()), new Parties(List.of("US", "JP"), List.of()),
                List.of("defense"), stage, 0.6, "rules-0.1", null);
    }

    @Test
    void poisonRecordsGoToTheDeadLetterTopicAndConsumptionGoesOn() {
        String poisonKey = UUID.randomUUID().toString();
        producer.sendRaw(Topics.ARTICLES, poisonKey, CatalogTestEvents.eventId(), EventTypes.ARTICLE_INGESTED, "{not json");
        String invalidKey = UUID.randomUUID().toString();
        producer.send(Topics.ARTICLES, invalidKey, CatalogTestEvents.eventId(), EventTypes.ARTICLE_INGESTED,
                "{\"schemaVersion\":1,\"id\":\"" + invalidKey + "\"}");
        UUID articleId = UUID.randomUUID();
        ArticleIngested good = CatalogTestEvents.article(articleId, List.of());
        producer.send(Topics.ARTICLES, articleId.toString(), CatalogTestEvents.eventId(), EventTypes.ARTICLE_INGESTED, good);

        await().atMost(WAIT).untilAsserted(() -> given().get("/api/articles/" + articleId).then().statusCode(200));
        try (TopicReader dlq = new TopicReader(TestKafka.bootstrapServers(), Topics.deadLetterOf(Topics.ARTICLES))) {
            TopicReader.Read notJson = dlq.awaitRecords(r -> poisonKey.equals(r.key()), 1, WAIT).get(0);
            assertThat(notJson.value()).isEqualTo("{not json");
            assertThat(notJson.header("dead-letter-reason")).contains("not JSON");
            TopicReader.Read invalid = dlq.awaitRecords(r -> invalidKey.equals(r.key()), 1, WAIT).get(0);
            assertThat(invalid.header("dead-letter-reason")).contains("violates");
        }
        given().get("/api/articles/" + invalidKey).then().statusCode(404);
    }
}
