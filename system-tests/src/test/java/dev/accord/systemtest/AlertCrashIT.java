package dev.accord.systemtest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.accord.testsupport.AccordTestResource;
import dev.accord.testsupport.CatalogEvents;
import dev.accord.testsupport.CloudEventProducer;
import dev.accord.testsupport.TestDatabase;
import dev.accord.testsupport.TestKafka;
import dev.accord.webhookreceiver.WebhookReceiver;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Reliability drill: alert-service is killed with SIGKILL while webhook requests are in flight (the
 * receiver holds them). A new replica takes over: the claimed deliveries are retried once their claim
 * expires, nothing is lost, and no notification reaches the receiver under two different ids.
 */
class AlertCrashIT {

    private static final int EVENTS = Integer.getInteger("accord.drill.notifications", 40);
    private static final Duration READY = Duration.ofSeconds(120);
    private static final Duration SETTLE = Duration.ofMinutes(3);
    private static final String COUNTRY = "QN";

    @Test
    void claimedDeliveriesOfAKilledReplicaAreRetriedUnderTheirOwnIds() throws Exception {
        TestKafka.createTopics(AccordTestResource.TOPICS);
        TestDatabase.Database db = TestDatabase.database("alert-crash");
        Map<String, String> env = Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", TestKafka.bootstrapServers(),
                "ACCORD_DB_URL", db.jdbcUrl(),
                "ACCORD_DB_USER", db.user(),
                "ACCORD_DB_PASSWORD", db.password(),
                "ACCORD_WEBHOOKS_ALLOWED_HOSTS", "127.0.0.1",
                // Short claims and retries, so the drill takes seconds rather than minutes.
                "ACCORD_ALERT_DELIVERY_CLAIM_TIMEOUT", "5s",
                "ACCORD_ALERT_DELIVERY_RETRY_DELAYS", "1s,2s,4s,4s");
        try (WebhookReceiver receiver = WebhookReceiver.start();
                CloudEventProducer producer = new CloudEventProducer(TestKafka.bootstrapServers())) {
            ServiceProcess first = ServiceProcess.startReady("alert-service", port -> env, READY);
            ServiceProcess second = null;
            try {
                JsonPath subscription = given().baseUri(first.baseUrl()).contentType("application/json")
                        .body("{\"filter\":{\"countries\":[\"" + COUNTRY + "\"]},"
                                + "\"channel\":{\"type\":\"webhook\",\"url\":\"" + receiver.url("/crash") + "\"}}")
                        .post("/api/subscriptions").then().statusCode(201).extract().jsonPath();
                receiver.hold();
                Set<String> sent = IntStream.range(0, EVENTS)
                        .mapToObj(n -> CatalogEvents.publish(producer, CatalogEvents.initiative(COUNTRY, n))).collect(Collectors.toSet());

                await("requests in flight").atMost(SETTLE).until(() -> receiver.inProgress() >= 2);
                Set<String> inFlight = initiativeIds(receiver);
                first.kill();
                receiver.release();
                second = ServiceProcess.startReady("alert-service", port -> env, READY);

                // The rest can all arrive before the killed replica's claims expire, so wait for the retries too.
                await("every notification delivered, and those cut off by the kill sent again").atMost(SETTLE)
                        .pollInterval(Duration.ofSeconds(1))
                        .until(() -> initiativeIds(receiver).containsAll(sent) && inFlight.stream().allMatch(id -> receiver
                                .received().stream().filter(r -> id.equals(CatalogEvents.initiativeId(r))).count() > 1));
                Map<String, List<String>> webhookIds = receiver.received().stream().collect(Collectors.groupingBy(
                        CatalogEvents::initiativeId, Collectors.mapping(r -> r.header("webhook-id"), Collectors.toList())));
                assertThat(webhookIds.keySet()).isEqualTo(sent);
                assertThat(webhookIds.values()).allSatisfy(ids -> assertThat(Set.copyOf(ids)).hasSize(1));
                // The requests cut off by the crash were sent again: retried, not lost.
                assertThat(inFlight).isNotEmpty().allSatisfy(id -> assertThat(webhookIds.get(id)).hasSizeGreaterThan(1));
                System.out.printf("Alert crash drill: %d notifications, %d in flight at the kill, %d requests received,"
                        + " %d distinct webhook-ids%n", EVENTS, inFlight.size(), receiver.received().size(),
                        webhookIds.values().stream().flatMap(List::stream).distinct().count());
            } finally {
                first.close();
                if (second != null) {
                    second.close();
                }
            }
        }
    }

    private static Set<String> initiativeIds(WebhookReceiver receiver) {
        return receiver.received().stream().map(CatalogEvents::initiativeId).collect(Collectors.toSet());
    }


}
