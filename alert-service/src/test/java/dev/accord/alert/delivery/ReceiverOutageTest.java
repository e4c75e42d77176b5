package dev.accord.alert.delivery;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.accord.testsupport.AccordTestResource;
import dev.accord.testsupport.CatalogEvents;
import dev.accord.testsupport.CloudEventProducer;
import dev.accord.testsupport.TestKafka;
import dev.accord.webhookreceiver.WebhookReceiver;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Reliability drill: the subscriber's endpoint is down for a long stretch of the retry schedule
 * (compressed: the Svix shape in hundreds of milliseconds), then comes back. Every notification
 * arrives, each under one {@code webhook-id} however often it was retried, and the deliveries show
 * the retries.
 */
@QuarkusTest
@TestProfile(ReceiverOutageTest.LongSchedule.class)
@WithTestResource(value = AccordTestResource.class, initArgs = @ResourceArg(name = "database", value = "alert-receiver-outage"))
class ReceiverOutageTest {

    private static final int EVENTS = 20;
    private static final String COUNTRY = "QR";
    private static final Duration WAIT = Duration.ofSeconds(90);

    /** Eight attempts over about 13 s, as Svix's eight attempts over about a day and a half. */
    public static class LongSchedule implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("accord.alert.delivery.retry-delays", "200ms,400ms,800ms,1600ms,3s,3s,3s");
        }
    }

    @Test
    void everyNotificationArrivesOnceItsEndpointIsBack() {
        try (WebhookReceiver receiver = WebhookReceiver.start();
                CloudEventProducer producer = new CloudEventProducer(TestKafka.bootstrapServers())) {
            receiver.respondWith(503);
            JsonPath subscription = given().contentType("application/json")
                    .body("{\"filter\":{\"countries\":[\"" + COUNTRY + "\"]},"
                            + "\"channel\":{\"type\":\"webhook\",\"url\":\"" + receiver.url("/hook") + "\"}}")
                    .post("/api/subscriptions").then().statusCode(201).extract().jsonPath();
            Set<String> sent = IntStream.range(0, EVENTS)
                    .mapToObj(n -> CatalogEvents.publish(producer, CatalogEvents.initiative(COUNTRY, n))).collect(Collectors.toSet());

            // Down until every notification has been refused twice: well into the schedule.
            await().atMost(WAIT).until(() -> receiver.received().stream()
                    .collect(Collectors.groupingBy(CatalogEvents::initiativeId, Collectors.counting()))
                    .entrySet().stream().filter(e -> e.getValue() >= 2).count() == EVENTS);
            Instant back = Instant.now();
            receiver.respondWith(204);

            await().atMost(WAIT).until(() -> delivered(subscription) == EVENTS);
            Duration recovery = Duration.between(back, Instant.now());
            Map<String, Set<String>> webhookIdsPerInitiative = receiver.received().stream().collect(Collectors.groupingBy(
                    CatalogEvents::initiativeId, Collectors.mapping(r -> r.header("webhook-id"), Collectors.toSet())));
            assertThat(webhookIdsPerInitiative.keySet()).isEqualTo(sent);
            assertThat(webhookIdsPerInitiative.values()).allSatisfy(ids -> assertThat(ids).hasSize(1));
            List<Integer> attempts = given().header("Authorization", "Bearer " + subscription.getString("token"))
                    .get("/api/subscriptions/" + subscription.getString("id") + "/deliveries")
                    .then().statusCode(200).extract().jsonPath().getList("attempts", Integer.class);
            assertThat(attempts).hasSize(EVENTS).allSatisfy(a -> assertThat(a).isGreaterThanOrEqualTo(3));
            System.out.printf("Receiver outage drill: %d notifications, %d requests received, all delivered %d ms after"
                    + " the endpoint came back%n", EVENTS, receiver.received().size(), recovery.toMillis());
        }
    }

    private static long delivered(JsonPath subscription) {
        return given().header("Authorization", "Bearer " + subscription.getString("token"))
                .get("/api/subscriptions/" + subscription.getString("id") + "/deliveries")
                .then().statusCode(200).extract().jsonPath().getList("status", String.class).stream()
                .filter("delivered"::equals).count();
    }


}
