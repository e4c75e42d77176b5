package dev.accord.alert.stream;

import static dev.accord.alert.Catalog.bearer;
import static dev.accord.alert.Catalog.initiative;
import static dev.accord.alert.Catalog.publish;
import static dev.accord.alert.Catalog.subscribe;
import static dev.accord.alert.Catalog.uniqueKeyword;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accord.alert.channel.Notification;
import dev.accord.alert.channel.NotificationStore;
import dev.accord.common.events.CatalogInitiative;
import dev.accord.common.events.EventJson;
import dev.accord.common.events.EventTypes;
import dev.accord.testsupport.AccordTestResource;
import dev.accord.testsupport.CloudEventProducer;
import dev.accord.testsupport.TestKafka;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = AccordTestResource.class, initArgs = @ResourceArg(name = "database", value = "alert"))
class StreamTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TestHTTPResource("/api/subscriptions/")
    URL subscriptions;

    @Inject
    StreamHub hub;

    private CloudEventProducer producer;

    @BeforeEach
    void start() {
        producer = new CloudEventProducer(TestKafka.bootstrapServers());
    }

    @AfterEach
    void stop() {
        producer.close();
    }

    @Test
    void streamsNotificationsWithIdsKeepsAliveAndResumesFromLastEventId() throws Exception {
        String keyword = uniqueKeyword();
        JsonPath subscription = subscribe(keyword, "{\"type\":\"sse\"}", null);
        assertThat(subscription.getMap("")).doesNotContainKey("secret");
        int before = hub.connected();

        CatalogInitiative first = initiative(keyword, "First streamed initiative");
        try (SseClient live = connect(subscription, null); SseClient watcher = connect(subscription, null)) {
            assertThat(live.status()).isEqualTo(200);
            assertThat(live.contentType()).startsWith("text/event-stream");
            await().atMost(WAIT).until(() -> hub.connected() == before + 2);
            String ceId = publish(producer, first);
            publish(producer, first, ceId);
            await().atMost(WAIT).until(() -> live.events().size() == 1);
            SseClient.Event event = live.events().get(0);
            assertThat(Long.parseLong(event.id())).isPositive();
            JsonNode data = EventJson.mapper().readTree(event.data());
            assertThat(data.get("type").asText()).isEqualTo(EventTypes.INITIATIVE_CATALOGED);
            assertThat(data.get("subscriptionId").asText()).isEqualTo(subscription.getString("id"));
            assertThat(data.get("initiative").get("id").asText()).isEqualTo(first.id().toString());
            assertThat(data.get("catalogUrl").asText()).isEqualTo(first.catalogUrl());
            // Only the fields the SSE standard defines: no "content-type" line an EventSource would ignore.
            assertThat(live.fields()).containsOnly("id", "data");
            await().atMost(WAIT).until(() -> live.comments().contains("keep-alive"));

            live.close();
            CatalogInitiative second = initiative(keyword, "Second streamed initiative");
            CatalogInitiative third = initiative(keyword, "Third streamed initiative");
            publish(producer, second);
            publish(producer, third);
            // The watcher stays connected, so we know when both are stored.
            await().atMost(WAIT).until(() -> watcher.events().size() == 3);
            // The redelivered copy of the first event was not streamed twice.
            assertThat(watcher.events()).extracting(e -> initiativeId(e.data()))
                    .containsExactly(first.id().toString(), second.id().toString(), third.id().toString());

            try (SseClient resumed = connect(subscription, event.id()); SseClient fresh = connect(subscription, null)) {
                await().atMost(WAIT).until(() -> resumed.events().size() == 2);
                assertThat(resumed.events()).extracting(e -> initiativeId(e.data()))
                        .containsExactly(second.id().toString(), third.id().toString());
                assertThat(resumed.events()).extracting(SseClient.Event::id).isEqualTo(watcher.events().subList(1, 3).stream()
                        .map(SseClient.Event::id).toList());
                // A client without Last-Event-ID starts with what comes next.
                await().atMost(WAIT).until(() -> fresh.comments().contains("keep-alive"));
                assertThat(fresh.events()).isEmpty();
            }
        }
    }

    @Test
    void notificationStoredByAnotherReplicaReachesThisReplicasStream() throws Exception {
        String keyword = uniqueKeyword();
        JsonPath subscription = subscribe(keyword, "{\"type\":\"sse\"}", null);
        UUID id = UUID.fromString(subscription.getString("id"));
        try (SseClient live = connect(subscription, null); Connection db = database()) {
            await().atMost(WAIT).until(() -> live.comments().contains("connected"));
            // What NotificationStore does on the replica that matched the event: ordered insert, then NOTIFY.
            CatalogInitiative remote = initiative(keyword, "Matched on the other replica");
            db.setAutoCommit(false);
            try (PreparedStatement lock = db.prepareStatement("SELECT pg_advisory_xact_lock(?)");
                    PreparedStatement insert = db.prepareStatement("INSERT INTO alert.notification (subscription_id, event_id, "
                            + "event_type, payload, created_at) VALUES (?, ?, ?, ?, now())");
                    PreparedStatement notify = db.prepareStatement("SELECT pg_notify(?, '')")) {
                lock.setLong(1, 0x4143434f52444e54L);
                lock.execute();
                insert.setObject(1, id);
                insert.setString(2, UUID.randomUUID().toString());
                insert.setString(3, EventTypes.INITIATIVE_CATALOGED);
                insert.setString(4, EventJson.write(new Notification(EventTypes.INITIATIVE_CATALOGED, id, remote,
                        remote.catalogUrl())));
                insert.executeUpdate();
                notify.setString(1, NotificationStore.CHANNEL);
                notify.execute();
            }
            db.commit();
            await().atMost(WAIT).until(() -> live.events().size() == 1);
            assertThat(initiativeId(live.events().get(0).data())).isEqualTo(remote.id().toString());
        }
    }

    @Test
    void storedNotificationsArePurgedAfterTheRetention() throws Exception {
        String keyword = uniqueKeyword();
        JsonPath subscription = subscribe(keyword, "{\"type\":\"sse\"}", null);
        UUID id = UUID.fromString(subscription.getString("id"));
        try (Connection db = database();
                PreparedStatement insert = db.prepareStatement("INSERT INTO alert.notification (subscription_id, event_id, "
                        + "event_type, payload, created_at) VALUES (?, ?, 't', '{}', ?)")) {
            for (Duration age : List.of(Duration.ofHours(25), Duration.ofHours(23))) {
                insert.setObject(1, id);
                insert.setString(2, age.toString());
                insert.setTimestamp(3, Timestamp.from(Instant.now().minus(age)));
                insert.executeUpdate();
            }
            await().atMost(WAIT).until(() -> eventIds(db, id).equals(List.of("PT23H")));
        }
    }

    @Test
    void onlyTheOwnerStreamsAndOnlyStreamSubscriptions() {
        String keyword = uniqueKeyword();
        JsonPath mine = subscribe(keyword, "{\"type\":\"sse\"}", null);
        JsonPath theirs = subscribe(keyword, "{\"type\":\"sse\"}", null);
        JsonPath webhook = subscribe(keyword, "{\"type\":\"webhook\",\"url\":\"http://127.0.0.1:9/x\"}", null);
        String path = "/api/subscriptions/" + mine.getString("id") + "/stream";
        given().accept("text/event-stream").get(path).then().statusCode(401).contentType("application/problem+json");
        given().accept("text/event-stream").header("Authorization", bearer(theirs)).get(path).then().statusCode(404)
                .contentType("application/problem+json");
        given().accept("text/event-stream").header("Authorization", bearer(mine)).header("Last-Event-ID", "yesterday")
                .get(path).then().statusCode(400).body("parameter", equalTo("Last-Event-ID"));
        given().accept("text/event-stream").header("Authorization", bearer(webhook))
                .get("/api/subscriptions/" + webhook.getString("id") + "/stream").then().statusCode(409)
                .contentType("application/problem+json");
        given().header("Authorization", bearer(mine)).get("/api/subscriptions/" + mine.getString("id")).then()
                .statusCode(200).body("channel.type", equalTo("sse")).body("digest", equalTo("none"));
    }

    private SseClient connect(JsonPath subscription, String lastEventId) {
        URI uri = URI.create(subscriptions.toString()).resolve(subscription.getString("id") + "/stream");
        return SseClient.connect(uri, bearer(subscription), lastEventId);
    }

    private static String initiativeId(String data) {
        try {
            return EventJson.mapper().readTree(data).get("initiative").get("id").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> eventIds(Connection db, UUID subscription) throws Exception {
        try (PreparedStatement query = db.prepareStatement(
                "SELECT event_id FROM alert.notification WHERE subscription_id = ? ORDER BY id")) {
            query.setObject(1, subscription);
            try (ResultSet rows = query.executeQuery()) {
                List<String> ids = new java.util.ArrayList<>();
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
                return ids;
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
