package dev.accord.catalog.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import dev.accord.catalog.CatalogTestEvents;
import dev.accord.common.events.EventTypes;
import dev.accord.common.events.Topics;
import dev.accord.testsupport.AccordTestResource;
import dev.accord.testsupport.CloudEventProducer;
import dev.accord.testsupport.DatabaseOutage;
import dev.accord.testsupport.TestKafka;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The catalog's database becomes unreachable for real: it stops accepting connections and its
 * existing ones are terminated. Readiness goes DOWN, consumption waits, and once the database is
 * back every record that arrived before or meanwhile is stored; queries meanwhile get 503.
 */
@QuarkusTest
@WithTestResource(value = AccordTestResource.class, initArgs = @ResourceArg(name = "database", value = "catalog"))
class DatabaseOutageTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int ARTICLES_EACH_SIDE = 25;

    @Test
    void consumptionPausesWhileTheDatabaseIsDownAndResumesWithoutLoss() {
        List<UUID> before = articleIds(ARTICLES_EACH_SIDE);
        List<UUID> during = articleIds(ARTICLES_EACH_SIDE);
        try (CloudEventProducer producer = new CloudEventProducer(TestKafka.bootstrapServers())) {
            await().atMost(WAIT).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
            before.forEach(id -> sendArticle(producer, id));
            try (DatabaseOutage outage = DatabaseOutage.begin()) {
                await().atMost(WAIT).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(503));
                during.forEach(id -> sendArticle(producer, id));
                // The consumer has the record and waits for the database rather than skipping it.
                await().atMost(WAIT).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(503)
                        .body("checks.findAll { it.name == 'catalog-consumption' }.status", hasItem("DOWN")));
                // Queries fail cleanly meanwhile: a problem a client can retry, never a 500.
                given().get("/api/initiatives").then().statusCode(503).header("Retry-After", notNullValue())
                        .contentType("application/problem+json").body("status", equalTo(503));
            }
            for (UUID id : concat(before, during)) {
                await().atMost(WAIT).untilAsserted(() -> given().get("/api/articles/" + id).then().statusCode(200)
                        .body("id", equalTo(id.toString())));
            }
            await().atMost(WAIT).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
        }
    }

    private static void sendArticle(CloudEventProducer producer, UUID articleId) {
        producer.send(Topics.ARTICLES, articleId.toString(), CatalogTestEvents.eventId(),
                EventTypes.ARTICLE_INGESTED, CatalogTestEvents.article(articleId, List.of()));
    }

    private static List<UUID> articleIds(int count) {
        return IntStream.range(0, count).mapToObj(i -> UUID.randomUUID()).toList();
    }

    private static List<UUID> concat(List<UUID> first, List<UUID> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }
}
