package dev.accord.alert.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.accord.common.events.CatalogInitiative;
import dev.accord.testsupport.AccordTestResource;
import dev.accord.testsupport.CatalogEvents;
import dev.accord.testsupport.CloudEventProducer;
import dev.accord.testsupport.DatabaseOutage;
import dev.accord.testsupport.TestKafka;
import dev.accord.webhookreceiver.WebhookReceiver;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The alert database goes away for real while catalog events keep arriving. The API answers 503,
 * consumption waits, and afterwards every matching initiative reaches the receiver under exactly one
 * {@code webhook-id} (a resend after the outage reuses it, so receivers can drop the copy).
 */
@QuarkusTest
@WithTestResource(value = AccordTestResource.class, initArgs = @ResourceArg(name = "database", value = "alert-outage"))
class DatabaseOutageTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final int EVENTS_EACH_SIDE = 10;
    private static final String COUNTRY = "QX";

    @Test
    void deliveriesResumeWithoutLossOrNewIdsAfterTheDatabaseReturns() {
        try (WebhookReceiver receiver = WebhookReceiver.start();
                CloudEventProducer producer = new CloudEventProducer(TestKafka.bootstrapServers())) {
            JsonPath subscription = given().contentType("application/json")
                    .body("{\"filter\":{\"countries\":[\"" + COUNTRY + "\"]},"
                            + "\"channel\":{\"type\":\"webhook\",\"url\":\"" + receiver.url("/hook") + "\"}}")
                    .post("/api/subscriptions").then().statusCode(201).extract().jsonPath();
            String path = "/api/subscriptions/" + subscription.getString("id");
            String token = subscription.getString("token");

            List<CatalogInitiative> before = initiatives();
            List<CatalogInitiative> during = initiatives();
            before.forEach(i -> CatalogEvents.publish(producer, i));
            try (DatabaseOutage outage = DatabaseOutage.begin()) {
                await().atMost(WAIT).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(503));
                during.forEach(i -> CatalogEvents.publish(producer, i));
                given().header("Authorization", "Bearer " + token).get(path).then().statusCode(503)
                        .header("Retry-After", notNullValue()).contentType("application/problem+json")
                        .body("status", equalTo(503));
            }

            Set<String> expected = IntStream.range(0, 2).boxed()
                    .flatMap(side -> (side == 0 ? before : during).stream()).map(i -> i.id().toString())
                    .collect(Collectors.toSet());
            await().atMost(WAIT).until(() -> initiativeIds(receiver).containsAll(expected));
            Map<String, Set<String>> webhookIdsPerInitiative = receiver.received().stream().collect(Collectors.groupingBy(
                    CatalogEvents::initiativeId, Collectors.mapping(r -> r.header("webhook-id"), Collectors.toSet())));
            assertThat(webhookIdsPerInitiative.keySet()).isEqualTo(expected);
            assertThat(webhookIdsPerInitiative.values()).allSatisfy(ids -> assertThat(ids).hasSize(1));
            await().atMost(WAIT).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
        }
    }

    private static Set<String> initiativeIds(WebhookReceiver receiver) {
        return receiver.received().stream().map(CatalogEvents::initiativeId).collect(Collectors.toSet());
    }



    private static List<CatalogInitiative> initiatives() {
        return IntStream.range(0, EVENTS_EACH_SIDE).mapToObj(n -> CatalogEvents.initiative(COUNTRY, n)).toList();
    }
}
