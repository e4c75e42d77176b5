package dev.accord.alert.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accord.common.events.CatalogInitiative;
import dev.accord.common.events.EventJson;
import dev.accord.common.events.EventTypes;
import dev.accord.common.events.Evidence;
import dev.accord.common.events.Parties;
import dev.accord.common.events.Topics;
import dev.accord.testsupport.AccordTestResource;
import dev.accord.testsupport.CloudEventProducer;
import dev.accord.testsupport.TestKafka;
import dev.accord.webhookreceiver.WebhookReceiver;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = AccordTestResource.class, initArgs = @ResourceArg(name = "database", value = "alert"))
class SubscriptionAndDeliveryTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** No subscription of these tests asks for this code. */
    private static final String UNSUBSCRIBED_COUNTRY = "ZZ";

    private WebhookReceiver receiver;
    private CloudEventProducer producer;

    @BeforeEach
    void start() {
        receiver = WebhookReceiver.start();
        producer = new CloudEventProducer(TestKafka.bootstrapServers());
    }

    private final List<JsonPath> created = new java.util.ArrayList<>();

    @AfterEach
    void stop() {
        receiver.close();
        producer.close();
        // Subscriptions are deleted so that no later test's events can match them.
        created.forEach(c -> given().header("Authorization", "Bearer " + c.getString("token"))
                .delete("/api/subscriptions/" + c.getString("id")));
    }

    @Test
    void matchingInitiativeArrivesOnceAsAVerifiableStandardWebhook() throws Exception {
        String country = uniqueCountry();
        JsonPath created = subscribe(country, receiver.url("/hook").toString());
        String secret = created.getString("secret");
        assertThat(secret).startsWith("whsec_");

        CatalogInitiative initiative = initiative(country);
        String ceId = UUID.randomUUID().toString();
        for (int copy = 0; copy < 3; copy++) {
            producer.send(Topics.CATALOG, initiative.id().toString(), ceId, EventTypes.INITIATIVE_CATALOGED, initiative);
        }
        producer.send(Topics.CATALOG, UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                EventTypes.INITIATIVE_CATALOGED, initiative(UNSUBSCRIBED_COUNTRY));

        await().atMost(WAIT).until(() -> !receiver.received().isEmpty());
        WebhookReceiver.Received webhook = receiver.received().get(0);
        webhook.verify(secret);
        assertThatThrownBy(() -> webhook.verify("whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32])))
                .isInstanceOf(com.standardwebhooks.exceptions.WebhookVerificationException.class);
        JsonNode body = EventJson.mapper().readTree(webhook.body());
        assertThat(body.get("type").asText()).isEqualTo(EventTypes.INITIATIVE_CATALOGED);
        assertThat(body.get("subscriptionId").asText()).isEqualTo(created.getString("id"));
        assertThat(body.get("initiative").get("id").asText()).isEqualTo(initiative.id().toString());
        assertThat(body.get("catalogUrl").asText()).isEqualTo(initiative.catalogUrl());

        given().header("Authorization", "Bearer " + created.getString("token"))
                .get("/api/subscriptions/" + created.getString("id") + "/deliveries")
                .then().statusCode(200).body("", hasSize(1)).body("[0].status", equalTo("delivered"))
                .body("[0].id", equalTo(webhook.header("webhook-id")));
        assertThat(receiver.received()).hasSize(1);
    }

    @Test
    void failingReceiverIsRetriedThenTheDeliveryIsDead() {
        receiver.respondWith(500);
        String country = uniqueCountry();
        JsonPath created = subscribe(country, receiver.url("/down").toString());
        CatalogInitiative initiative = initiative(country);
        producer.send(Topics.CATALOG, initiative.id().toString(), UUID.randomUUID().toString(),
                EventTypes.INITIATIVE_CATALOGED, initiative);

        await().atMost(WAIT).untilAsserted(() -> given().header("Authorization", "Bearer " + created.getString("token"))
                .get("/api/subscriptions/" + created.getString("id") + "/deliveries")
                .then().body("[0].status", equalTo("dead")).body("[0].attempts", equalTo(3))
                .body("[0].lastStatus", equalTo(500)));
        List<WebhookReceiver.Received> attempts = receiver.received();
        assertThat(attempts).hasSize(3);
        assertThat(attempts).extracting(r -> r.header("webhook-id")).containsOnly(attempts.get(0).header("webhook-id"));
    }

    @Test
    void onlyTheTokenOwnerSeesASubscription() {
        JsonPath mine = subscribe("JP", receiver.url("/a").toString());
        JsonPath theirs = subscribe("JP", receiver.url("/b").toString());
        String path = "/api/subscriptions/" + mine.getString("id");

        given().header("Authorization", "Bearer " + mine.getString("token")).get(path).then().statusCode(200)
                .body("channel.url", equalTo(receiver.url("/a").toString())).body("$", not(hasKey("secret")))
                .body("$", not(hasKey("token")));
        given().header("Authorization", "Bearer " + theirs.getString("token")).get(path).then().statusCode(404)
                .contentType("application/problem+json");
        given().get(path).then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", "Bearer " + theirs.getString("token")).delete(path).then().statusCode(404);
        given().header("Authorization", "Bearer " + mine.getString("token")).delete(path).then().statusCode(204);
        given().header("Authorization", "Bearer " + mine.getString("token")).get(path).then().statusCode(404);
    }

    @Test
    void badSubscriptionsAreRefusedWithProblems() {
        given().contentType("application/json").body("").post("/api/subscriptions").then().statusCode(400)
                .contentType("application/problem+json");
        given().contentType("application/json").body("{\"channel\":{\"type\":\"webhook\",\"url\":\"http://169.254.169.254/x\"}}")
                .post("/api/subscriptions").then().statusCode(400).contentType("application/problem+json")
                .body("parameter", equalTo("channel.url"));
        given().contentType("application/json").body("{\"channel\":{\"type\":\"pigeon\"}}")
                .post("/api/subscriptions").then().statusCode(400).body("parameter", equalTo("channel.type"));
        given().contentType("application/json").body("{\"filter\":{\"topics\":[1,{}]},\"channel\":{\"type\":\"webhook\"}}")
                .post("/api/subscriptions").then().statusCode(400).contentType("application/problem+json");
        given().contentType("application/json").body("{\"name\":\"" + "n".repeat(201) + "\",\"channel\":{\"type\":\"webhook\","
                + "\"url\":\"http://127.0.0.1:9/x\"}}").post("/api/subscriptions").then().statusCode(400)
                .contentType("application/problem+json").body("detail", org.hamcrest.Matchers.containsString("name"));
        given().contentType("text/plain").body("hello").post("/api/subscriptions").then().statusCode(415)
                .contentType("application/problem+json");
    }

    private JsonPath subscribe(String country, String url) {
        JsonPath subscription = given().contentType("application/json")
                .body("{\"name\":\"test\",\"filter\":{\"countries\":[\"" + country + "\"]},"
                        + "\"channel\":{\"type\":\"webhook\",\"url\":\"" + url + "\"}}")
                .post("/api/subscriptions")
                .then().statusCode(201).header("Location", startsWith("http"))
                .extract().jsonPath();
        created.add(subscription);
        return subscription;
    }

    /** A user-assigned ISO code (QM..QZ); no real initiative carries it. */
    private static String uniqueCountry() {
        return "Q" + (char) ('M' + java.util.concurrent.ThreadLocalRandom.current().nextInt(14));
    }

    private static CatalogInitiative initiative(String country) {
        UUID id = UUID.randomUUID();
        String sentence = "The two countries are launching a military-industrial council.";
        return new CatalogInitiative(1, id, "A military-industrial council", sentence, new Evidence(sentence, 0, sentence.length()),
                new Parties(List.of("US", country), List.of()), List.of("defense"), "launched", 0.6, List.of(UUID.randomUUID()),
                Instant.now(), Instant.now(), "http://localhost:8082/api/initiatives/" + id);
    }
}
