package dev.accord.alert.delivery;

import static dev.accord.alert.Catalog.bearer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import com.standardwebhooks.exceptions.WebhookVerificationException;
import dev.accord.alert.Catalog;
import dev.accord.common.events.CatalogInitiative;
import dev.accord.testsupport.AccordTestResource;
import dev.accord.testsupport.CloudEventProducer;
import dev.accord.testsupport.TestKafka;
import dev.accord.webhookreceiver.WebhookReceiver;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Delivery through the real path: catalog events on the broker, rows in PostgreSQL, webhooks to real
 * HTTP receivers on loopback. The test profile's retry schedule is 200 ms, 400 ms (three attempts).
 */
@QuarkusTest
@WithTestResource(value = AccordTestResource.class, initArgs = @ResourceArg(name = "database", value = "alert"))
class DeliveryReliabilityTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final List<WebhookReceiver> receivers = new ArrayList<>();
    private final List<JsonPath> created = new ArrayList<>();
    private CloudEventProducer producer;

    @BeforeEach
    void start() {
        producer = new CloudEventProducer(TestKafka.bootstrapServers());
    }

    @AfterEach
    void stop() {
        receivers.forEach(WebhookReceiver::close);
        producer.close();
        created.forEach(c -> given().header("Authorization", bearer(c)).delete(path(c)));
    }

    @Test
    void aSlowEndpointGetsAtMostItsCapAndDoesNotDelayAFastOne() {
        WebhookReceiver slow = receiver();
        WebhookReceiver fast = receiver();
        slow.hold();
        String slowWord = Catalog.uniqueKeyword();
        String fastWord = Catalog.uniqueKeyword();
        subscribe(slowWord, slow);
        subscribe(fastWord, fast);

        int slowEvents = 10;
        for (int i = 0; i < slowEvents; i++) {
            Catalog.publish(producer, Catalog.initiative(slowWord, "Slow " + i));
        }
        // The cap (4 per endpoint) fills while every slow request hangs.
        await().atMost(WAIT).until(() -> slow.inProgress() == 4);
        Catalog.publish(producer, Catalog.initiative(fastWord, "Fast"));
        await().atMost(WAIT).until(() -> fast.received().size() == 1);
        assertThat(slow.received()).hasSize(4);
        assertThat(slow.maxInProgress()).isEqualTo(4);

        slow.release();
        await().atMost(WAIT).until(() -> slow.received().size() == slowEvents);
        assertThat(slow.maxInProgress()).isEqualTo(4);
        assertThat(slow.received()).extracting(r -> r.header("webhook-id")).doesNotHaveDuplicates();
    }

    @Test
    void retryAfterOf503AndOf429IsHonoured() {
        WebhookReceiver receiver = receiver();
        receiver.respondOnce(503, Map.of("Retry-After", "2"));
        // HTTP-dates have whole seconds: the retry must come no earlier than this instant.
        Instant notBefore = Instant.now().plusSeconds(6).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        receiver.respondOnce(429, Map.of("Retry-After", java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
                .format(notBefore.atZone(java.time.ZoneOffset.UTC))));
        String word = Catalog.uniqueKeyword();
        JsonPath subscription = subscribe(word, receiver);
        Catalog.publish(producer, Catalog.initiative(word, "Busy"));

        await().atMost(WAIT).until(() -> receiver.received().size() == 3);
        List<WebhookReceiver.Received> got = receiver.received();
        // The schedule alone would retry after about 200 ms and 400 ms.
        assertThat(Duration.between(got.get(0).at(), got.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
        assertThat(got.get(2).at()).isAfterOrEqualTo(notBefore.minusMillis(50));
        await().atMost(WAIT).untilAsserted(() -> deliveries(subscription).body("[0].status", equalTo("delivered"))
                .body("[0].attempts", equalTo(3)));
    }

    @Test
    void goneDisablesTheSubscriptionUntilItsOwnerEnablesIt() {
        WebhookReceiver receiver = receiver();
        WebhookReceiver control = receiver();
        receiver.respondWith(410);
        String word = Catalog.uniqueKeyword();
        JsonPath subscription = subscribe(word, receiver);
        subscribe(word, control);
        Catalog.publish(producer, Catalog.initiative(word, "First"));

        await().atMost(WAIT).untilAsserted(() -> given().header("Authorization", bearer(subscription)).get(path(subscription))
                .then().statusCode(200).body("status", equalTo("disabled"))
                .body("disabledReason", containsString("410")).body("disabledAt", notNullValue()));
        deliveries(subscription).body("", hasSize(1)).body("[0].status", equalTo("dead")).body("[0].attempts", equalTo(1))
                .body("[0].lastStatus", equalTo(410));
        assertThat(receiver.received()).hasSize(1);

        // Disabled: a later match is neither stored nor sent; the control subscription shows the event was matched.
        Catalog.publish(producer, Catalog.initiative(word, "Second"));
        await().atMost(WAIT).until(() -> control.received().size() == 2);
        deliveries(subscription).body("", hasSize(1));

        JsonPath stranger = subscribe(Catalog.uniqueKeyword(), control);
        given().header("Authorization", bearer(stranger)).post(path(subscription) + "/enable").then().statusCode(404)
                .contentType("application/problem+json");
        given().header("Authorization", bearer(subscription)).post(path(subscription) + "/enable").then().statusCode(200)
                .body("status", equalTo("active")).body("disabledReason", equalTo(null));
        receiver.respondWith(204);
        Catalog.publish(producer, Catalog.initiative(word, "Third"));
        await().atMost(WAIT).untilAsserted(() -> deliveries(subscription).body("", hasSize(2))
                .body("[0].status", equalTo("delivered")));
    }

    @Test
    void afterTheLastAttemptTheDeliveryIsDeadAndEveryAttemptIsLogged() {
        WebhookReceiver receiver = receiver();
        receiver.respondWith(500);
        String word = Catalog.uniqueKeyword();
        JsonPath subscription = subscribe(word, receiver);
        Catalog.publish(producer, Catalog.initiative(word, "Failing"));

        await().atMost(WAIT).untilAsserted(() -> deliveries(subscription).body("[0].status", equalTo("dead"))
                .body("[0].attempts", equalTo(3)));
        String deliveryId = deliveries(subscription).extract().path("[0].id");
        JsonPath detail = delivery(subscription, deliveryId).body("status", equalTo("dead"))
                .body("nextAttemptAt", equalTo(null)).body("attemptLog", hasSize(3)).extract().jsonPath();
        assertThat(detail.getList("attemptLog.statusCode", Integer.class)).containsOnly(500);
        assertThat(detail.getList("attemptLog.error", String.class)).containsOnly("HTTP 500");
        assertThat(detail.getList("attemptLog.latencyMs", Integer.class)).allMatch(ms -> ms >= 0 && ms < 15_000);
        List<Instant> times = detail.getList("attemptLog.attemptedAt", String.class).stream().map(Instant::parse).toList();
        assertThat(times).isSorted();
        assertThat(receiver.received()).hasSize(3);
    }

    @Test
    void aManualRetryAndAReplaySendAgainUnderTheSameWebhookId() {
        WebhookReceiver receiver = receiver();
        receiver.respondWith(500);
        String word = Catalog.uniqueKeyword();
        JsonPath subscription = subscribe(word, receiver);
        JsonPath stranger = subscribe(Catalog.uniqueKeyword(), receiver);
        Instant before = Instant.now().minusSeconds(1);
        for (int i = 0; i < 3; i++) {
            Catalog.publish(producer, Catalog.initiative(word, "Lost " + i));
        }
        await().atMost(WAIT).untilAsserted(() -> deliveries(subscription).body("", hasSize(3))
                .body("status", org.hamcrest.Matchers.everyItem(equalTo("dead"))));
        List<String> ids = deliveries(subscription).extract().path("id");
        receiver.respondWith(204);

        String first = ids.get(0);
        given().header("Authorization", bearer(stranger)).post(path(subscription) + "/deliveries/" + first + "/retry")
                .then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", bearer(stranger)).get(path(subscription) + "/deliveries/" + first)
                .then().statusCode(404);
        given().header("Authorization", bearer(subscription)).post(path(subscription) + "/deliveries/" + first + "/retry")
                .then().statusCode(202).body("status", equalTo("pending"));
        await().atMost(WAIT).untilAsserted(() -> delivery(subscription, first).body("status", equalTo("delivered"))
                .body("attempts", equalTo(4)).body("attemptLog", hasSize(4)).body("attemptLog[3].statusCode", equalTo(204)));
        assertThat(receiver.received().stream().filter(r -> first.equals(r.header("webhook-id")))).hasSize(4);
        given().header("Authorization", bearer(subscription)).post(path(subscription) + "/deliveries/" + first + "/retry")
                .then().statusCode(409).contentType("application/problem+json");

        given().header("Authorization", bearer(subscription)).post(path(subscription) + "/replay?since=yesterday")
                .then().statusCode(400).contentType("application/problem+json").body("parameter", equalTo("since"));
        given().header("Authorization", bearer(subscription)).post(path(subscription) + "/replay")
                .then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", bearer(stranger)).post(path(subscription) + "/replay?since=" + before)
                .then().statusCode(404);
        given().header("Authorization", bearer(subscription)).post(path(subscription) + "/replay?since=" + before)
                .then().statusCode(202).body("count", equalTo(2));
        await().atMost(WAIT).untilAsserted(() -> deliveries(subscription)
                .body("status", org.hamcrest.Matchers.everyItem(equalTo("delivered"))));
        for (String id : ids) {
            assertThat(receiver.received().stream().filter(r -> id.equals(r.header("webhook-id")) && r.at().isAfter(before)))
                    .hasSize(4);
        }
        given().header("Authorization", bearer(subscription)).get(path(subscription) + "/deliveries?limit=0")
                .then().statusCode(400).body("parameter", equalTo("limit"));
    }

    @Test
    void anEndpointFailingForTheWholeDisableAfterPeriodIsDisabled() throws Exception {
        WebhookReceiver receiver = receiver();
        receiver.respondWith(500);
        String word = Catalog.uniqueKeyword();
        JsonPath longFailing = subscribe(word, receiver);
        JsonPath recentlyFailing = subscribe(word, receiver);
        // Their earlier failures, as an earlier replica would have recorded them: 5 days (the limit) and 4 days back.
        failingSince(longFailing, Instant.now().minus(Duration.ofDays(5)).minusSeconds(60));
        failingSince(recentlyFailing, Instant.now().minus(Duration.ofDays(4)));
        Catalog.publish(producer, Catalog.initiative(word, "Still failing"));

        await().atMost(WAIT).untilAsserted(() -> given().header("Authorization", bearer(longFailing)).get(path(longFailing))
                .then().body("status", equalTo("disabled")).body("disabledReason", containsString("failed")));
        await().atMost(WAIT).untilAsserted(() -> deliveries(recentlyFailing).body("[0].status", equalTo("dead")));
        given().header("Authorization", bearer(recentlyFailing)).get(path(recentlyFailing)).then()
                .body("status", equalTo("active"));

        // One success ends the run of failures.
        receiver.respondWith(204);
        Catalog.publish(producer, Catalog.initiative(word, "Recovered"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(failingSince(recentlyFailing)).isNull());
    }

    @Test
    void duringARotationBothSecretsVerifyAndAfterItOnlyTheNewOne() throws Exception {
        WebhookReceiver receiver = receiver();
        String word = Catalog.uniqueKeyword();
        JsonPath subscription = subscribe(word, receiver);
        String oldSecret = subscription.getString("secret");
        JsonPath stranger = subscribe(Catalog.uniqueKeyword(), receiver);
        given().header("Authorization", bearer(stranger)).post(path(subscription) + "/rotate-secret").then().statusCode(404);

        JsonPath rotated = given().header("Authorization", bearer(subscription)).post(path(subscription) + "/rotate-secret")
                .then().statusCode(200).extract().jsonPath();
        String newSecret = rotated.getString("secret");
        assertThat(newSecret).startsWith("whsec_").isNotEqualTo(oldSecret);
        assertThat(Instant.parse(rotated.getString("previousSecretExpiresAt")))
                .isBetween(Instant.now().plus(Duration.ofHours(23)), Instant.now().plus(Duration.ofHours(25)));
        given().header("Authorization", bearer(subscription)).get(path(subscription)).then()
                .body("previousSecretExpiresAt", notNullValue()).body("$", org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.hasKey("secret")));

        Catalog.publish(producer, Catalog.initiative(word, "During the overlap"));
        await().atMost(WAIT).until(() -> receiver.received().size() == 1);
        WebhookReceiver.Received during = receiver.received().get(0);
        assertThat(during.header("webhook-signature").split(" ")).hasSize(2).allMatch(s -> s.startsWith("v1,"));
        during.verify(oldSecret);
        during.verify(newSecret);

        // The overlap ends (as 24 h later).
        try (Connection db = database(); PreparedStatement s = db.prepareStatement(
                "UPDATE alert.subscription SET previous_secret_expires_at = now() - interval '1 second' WHERE id = ?")) {
            s.setObject(1, UUID.fromString(subscription.getString("id")));
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
        Catalog.publish(producer, Catalog.initiative(word, "After the overlap"));
        await().atMost(WAIT).until(() -> receiver.received().size() == 2);
        WebhookReceiver.Received after = receiver.received().get(1);
        assertThat(after.header("webhook-signature").split(" ")).hasSize(1);
        after.verify(newSecret);
        assertThatThrownBy(() -> after.verify(oldSecret)).isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void aRedeliveredRecordAddsNoRowsForAnyOfItsManyMatches() throws Exception {
        WebhookReceiver receiver = receiver();
        String word = Catalog.uniqueKeyword();
        int subscriptions = 30;
        for (int i = 0; i < subscriptions; i++) {
            subscribe(word, receiver);
        }
        CatalogInitiative initiative = Catalog.initiative(word, "Many");
        String ceId = UUID.randomUUID().toString();
        Catalog.publish(producer, initiative, ceId);
        await().atMost(WAIT).until(() -> receiver.received().size() == subscriptions);
        Catalog.publish(producer, initiative, ceId);
        // A later event on the same partition key shows the copy was consumed before we count.
        Catalog.publish(producer, Catalog.initiative(word, "Later"));
        await().atMost(WAIT).until(() -> receiver.received().size() == 2 * subscriptions);
        try (Connection db = database(); PreparedStatement s = db.prepareStatement(
                "SELECT count(*) FROM alert.delivery WHERE event_id = ?")) {
            s.setString(1, ceId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                assertThat(r.getInt(1)).isEqualTo(subscriptions);
            }
        }
        assertThat(receiver.received()).extracting(r -> r.header("webhook-id")).doesNotHaveDuplicates();
    }

    private WebhookReceiver receiver() {
        WebhookReceiver receiver = WebhookReceiver.start();
        receivers.add(receiver);
        return receiver;
    }

    private JsonPath subscribe(String keyword, WebhookReceiver receiver) {
        JsonPath subscription = Catalog.subscribe(keyword, "{\"type\":\"webhook\",\"url\":\"" + receiver.url("/hook") + "\"}",
                null);
        created.add(subscription);
        return subscription;
    }

    private static String path(JsonPath subscription) {
        return "/api/subscriptions/" + subscription.getString("id");
    }

    private static io.restassured.response.ValidatableResponse deliveries(JsonPath subscription) {
        return given().header("Authorization", bearer(subscription)).get(path(subscription) + "/deliveries").then()
                .statusCode(200);
    }

    private static io.restassured.response.ValidatableResponse delivery(JsonPath subscription, String deliveryId) {
        return given().header("Authorization", bearer(subscription)).get(path(subscription) + "/deliveries/" + deliveryId)
                .then().statusCode(200);
    }

    private static void failingSince(JsonPath subscription, Instant since) throws Exception {
        try (Connection db = database(); PreparedStatement s = db.prepareStatement(
                "UPDATE alert.subscription SET failing_since = ? WHERE id = ?")) {
            s.setTimestamp(1, java.sql.Timestamp.from(since));
            s.setObject(2, UUID.fromString(subscription.getString("id")));
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }

    private static Instant failingSince(JsonPath subscription) throws Exception {
        try (Connection db = database(); PreparedStatement s = db.prepareStatement(
                "SELECT failing_since FROM alert.subscription WHERE id = ?")) {
            s.setObject(1, UUID.fromString(subscription.getString("id")));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                java.sql.Timestamp t = r.getTimestamp(1);
                return t == null ? null : t.toInstant();
            }
        }
    }

    /** A connection of our own, as another replica of the service would have. */
    private static Connection database() throws Exception {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
    }
}
