package dev.accord.systemtest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accord.common.events.EventJson;
import dev.accord.common.events.EventTypes;
import dev.accord.common.events.Evidence;
import dev.accord.common.events.InitiativeExtracted;
import dev.accord.common.events.Parties;
import dev.accord.common.events.Topics;
import dev.accord.testsupport.AccordTestResource;
import dev.accord.testsupport.CloudEventProducer;
import dev.accord.testsupport.TestDatabase;
import dev.accord.testsupport.TestKafka;
import dev.accord.webhookreceiver.WebhookReceiver;
import io.restassured.path.json.JsonPath;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Replicas share the work and survive a crash: two catalog and two alert replicas on one broker
 * and one database take a stream of initiative events; midway one replica of each is killed with
 * SIGKILL and a third is started. Afterwards the catalog holds every initiative exactly once and
 * the subscriber received each notification under exactly one {@code webhook-id}.
 *
 * <p>The event count is {@code accord.scaling.events} (CI default 2,000; the operator guide's longer
 * run uses 10,000).
 */
class ScalingIT {

    private static final int EVENTS = Integer.getInteger("accord.scaling.events", 2_000);
    private static final Duration READY = Duration.ofSeconds(120);
    private static final Duration SETTLE = Duration.ofMinutes(5);

    private static final List<ServiceProcess> running = new ArrayList<>();
    private static WebhookReceiver receiver;
    private static TestDatabase.Database db;
    private static Map<String, String> env;

    @BeforeAll
    static void startReplicas() {
        receiver = WebhookReceiver.start();
        TestKafka.createTopics(AccordTestResource.TOPICS);
        db = TestDatabase.database("scaling");
        env = Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", TestKafka.bootstrapServers(),
                "ACCORD_DB_URL", db.jdbcUrl(),
                "ACCORD_DB_USER", db.user(),
                "ACCORD_DB_PASSWORD", db.password(),
                "ACCORD_WEBHOOKS_ALLOWED_HOSTS", "127.0.0.1",
                "ACCORD_CATALOG_PUBLIC_URL", "http://catalog.accord.test");
        // One at a time: the first of each runs the database migrations.
        start("catalog-service");
        start("catalog-service");
        start("alert-service");
        start("alert-service");
    }

    private static ServiceProcess start(String module) {
        ServiceProcess service = ServiceProcess.startReady(module, port -> env, READY);
        running.add(service);
        return service;
    }

    @AfterAll
    static void stopAll() {
        running.forEach(ServiceProcess::close);
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void killingAndAddingReplicasMidStreamLosesAndDuplicatesNothing() throws Exception {
        ServiceProcess firstCatalog = running.get(0);
        ServiceProcess firstAlert = running.get(2);
        JsonPath subscription = given().baseUri(firstAlert.baseUrl()).contentType("application/json")
                .body("{\"name\":\"everything on defense\",\"filter\":{\"topics\":[\"defense\"]},"
                        + "\"channel\":{\"type\":\"webhook\",\"url\":\"" + receiver.url("/scaling") + "\"}}")
                .post("/api/subscriptions").then().statusCode(201).extract().jsonPath();

        Random random = new Random(42);
        Set<UUID> sent = new HashSet<>();
        try (CloudEventProducer producer = new CloudEventProducer(TestKafka.bootstrapServers())) {
            for (int i = 0; i < EVENTS; i++) {
                if (i == EVENTS / 2) {
                    // Midway, with the first half still being worked on: a crash and a newcomer.
                    await("catalog working").atMost(SETTLE).until(() -> count("SELECT count(*) FROM catalog.mention") > 0);
                    firstCatalog.kill();
                    firstAlert.kill();
                    running.remove(firstCatalog);
                    running.remove(firstAlert);
                    start("catalog-service");
                    start("alert-service");
                }
                InitiativeExtracted initiative = distinctInitiative(random);
                producer.send(Topics.INITIATIVES, initiative.id().toString(), UUID.randomUUID().toString(),
                        EventTypes.INITIATIVE_EXTRACTED, initiative);
                sent.add(initiative.id());
            }
        }

        await("every initiative in the catalog").atMost(SETTLE).pollInterval(Duration.ofSeconds(1))
                .until(() -> count("SELECT count(*) FROM catalog.mention") >= EVENTS);
        assertThat(count("SELECT count(*) FROM catalog.mention")).isEqualTo(EVENTS);
        assertThat(count("SELECT count(*) FROM catalog.initiative")).isEqualTo(EVENTS);
        assertThat(ids("SELECT extracted_id FROM catalog.mention")).isEqualTo(sent);

        try {
            await("every notification delivered").atMost(SETTLE).pollInterval(Duration.ofSeconds(1))
                    .until(() -> distinctWebhookIds() >= EVENTS);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(pipelineState(), e);
        }
        // Retries of one delivery repeat its webhook-id; a receiver de-duplicates on it. What must
        // not happen is one initiative notified under two ids, or one missing.
        Map<String, Set<String>> idsByInitiative = new HashMap<>();
        for (WebhookReceiver.Received webhook : receiver.received()) {
            JsonNode body = EventJson.mapper().readTree(webhook.body());
            assertThat(body.get("subscriptionId").asText()).isEqualTo(subscription.getString("id"));
            idsByInitiative.computeIfAbsent(body.get("initiative").get("id").asText(), k -> new HashSet<>())
                    .add(webhook.header("webhook-id"));
        }
        assertThat(idsByInitiative).hasSize(EVENTS);
        assertThat(idsByInitiative.values()).allSatisfy(ids -> assertThat(ids).hasSize(1));
        assertThat(idsByInitiative.keySet()).isEqualTo(sent.stream().map(UUID::toString).collect(Collectors.toSet()));
        receiver.received().get(0).verify(subscription.getString("secret"));
    }

    /** Made-up words, so no two initiatives read alike and the catalog's merge rule keeps them apart. */
    private static InitiativeExtracted distinctInitiative(Random random) {
        String text = "The allies will launch the " + MadeUpWords.words(random, 6) + " defense council.";
        UUID articleId = UUID.randomUUID();
        return new InitiativeExtracted(InitiativeExtracted.SCHEMA_VERSION, UUID.randomUUID(), articleId,
                text.substring(4, text.length() - 1), text, new Evidence(text, 0, text.length()),
                new Parties(List.of("US", "JP"), List.of()), List.of("defense"), "planned", 0.7, "rules-0.2", null);
    }

    /** Where the notifications stopped, for a failure message: each stage's count. */
    private static String pipelineState() throws SQLException {
        return String.format("webhooks received with distinct ids: %d; catalog outbox rows: %d, relayed: %d;"
                + " deliveries: %d, delivered: %d, in flight: %d, pending: %d, dead: %d", distinctWebhookIds(),
                count("SELECT count(*) FROM catalog.outbox"), count("SELECT count(published_at) FROM catalog.outbox"),
                count("SELECT count(*) FROM alert.delivery"),
                count("SELECT count(*) FROM alert.delivery WHERE status = 'delivered'"),
                count("SELECT count(*) FROM alert.delivery WHERE status = 'in_flight'"),
                count("SELECT count(*) FROM alert.delivery WHERE status = 'pending'"),
                count("SELECT count(*) FROM alert.delivery WHERE status = 'dead'"));
    }

    private static long distinctWebhookIds() {
        return receiver.received().stream().map(w -> w.header("webhook-id")).distinct().count();
    }

    private static long count(String sql) throws SQLException {
        return Rows.count(db, sql);
    }

    private static Set<UUID> ids(String sql) throws SQLException {
        return Rows.ids(db, sql);
    }
}
