package dev.accord.alert.matching;

import dev.accord.alert.domain.Credentials;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static dev.accord.alert.matching.MatchingFixtures.initiative;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accord.common.events.CatalogArticle;
import dev.accord.common.events.CatalogInitiative;
import dev.accord.common.events.EventJson;
import dev.accord.common.events.EventTypes;
import dev.accord.common.events.Topics;
import dev.accord.testsupport.AccordTestResource;
import dev.accord.testsupport.CloudEventProducer;
import dev.accord.testsupport.TestKafka;
import dev.accord.webhookreceiver.WebhookReceiver;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Catalog events from the real broker matched through the index: keywords and queries, the event
 * kinds a subscriber chose, and subscriptions changed by another replica (written straight to the database).
 */
@QuarkusTest
@WithTestResource(value = AccordTestResource.class, initArgs = @ResourceArg(name = "database", value = "alert"))
class MatchingTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    SubscriptionMatcher matcher;
    @Inject
    EntityManager em;

    private WebhookReceiver receiver;
    private CloudEventProducer producer;
    private final List<JsonPath> created = new ArrayList<>();
    /** A made-up word only this test's events and subscriptions use, so other tests' subscriptions never match. */
    private String marker;

    @BeforeEach
    void start() {
        receiver = WebhookReceiver.start();
        producer = new CloudEventProducer(TestKafka.bootstrapServers());
        marker = "zq" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    }

    @AfterEach
    void stop() {
        created.forEach(c -> given().header("Authorization", "Bearer " + c.getString("token"))
                .delete("/api/subscriptions/" + c.getString("id")));
        receiver.close();
        producer.close();
    }

    @Test
    void keywordsPhrasesAndQueriesDecideWhoIsNotified() {
        JsonPath phrase = subscribe("/phrase", "\"filter\":{\"keywords\":[\"" + marker + " air defense\"]}");
        JsonPath query = subscribe("/query", "\"filter\":{\"query\":\"" + marker + " AND topic:defense AND (country:JP OR country:AU)"
                + " AND NOT stage:cancelled\"}");
        JsonPath wrongCountry = subscribe("/country", "\"filter\":{\"countries\":[\"CN\"],\"keywords\":[\"" + marker + "\"]}");

        CatalogInitiative hit = initiative("Japan and Australia build " + marker.toUpperCase() + " Air-Defense radars", "JP", "launched");
        CatalogInitiative cancelled = initiative(marker + " air defense plan shelved", "AU", "cancelled");
        send(EventTypes.INITIATIVE_CATALOGED, hit);
        send(EventTypes.INITIATIVE_CATALOGED, cancelled);

        await().atMost(WAIT).until(() -> paths().contains("/phrase") && paths().contains("/query")
                && receiver.received().size() >= 3);
        assertThat(initiativesAt("/phrase")).containsExactlyInAnyOrder(hit.id().toString(), cancelled.id().toString());
        assertThat(initiativesAt("/query")).containsExactly(hit.id().toString());
        assertThat(paths()).doesNotContain("/country");
        assertThat(deliveries(wrongCountry)).isZero();
        assertThat(deliveries(phrase)).isEqualTo(2);
        assertThat(deliveries(query)).isEqualTo(1);
    }

    @Test
    void updatesAndArticlesNotifyOnlyThoseWhoAskedForThem() throws Exception {
        String filter = "\"filter\":{\"keywords\":[\"" + marker + "\"]}";
        subscribe("/new", filter);
        subscribe("/stage", filter + ",\"events\":[\"initiative.stage-changed\"]");
        subscribe("/mention", filter + ",\"events\":[\"initiative.mentioned\"]");
        subscribe("/article", "\"filter\":{\"query\":\"country:JP " + marker + "\"},\"events\":[\"article.cataloged\"]");

        CatalogInitiative initiative = initiative("The " + marker + " council", "JP", "announced");
        send(EventTypes.INITIATIVE_CATALOGED, initiative);
        ObjectNode stageChange = EventJson.mapper().valueToTree(initiative(initiative.id(), "The " + marker + " council", "JP",
                "launched"));
        stageChange.put("change", "stage");
        producer.sendRaw(Topics.CATALOG, initiative.id().toString(), UUID.randomUUID().toString(), EventTypes.INITIATIVE_UPDATED,
                stageChange.toString());
        // An update that does not say what changed: another article mentions the entry.
        send(EventTypes.INITIATIVE_UPDATED, initiative);
        CatalogArticle article = new CatalogArticle(1, UUID.randomUUID(), "https://example.org/a", "example.org",
                "Tokyo hosts the " + marker + " talks", Instant.now(), List.of("diplomacy"), List.of("JP"), List.of(),
                List.of(initiative.id()), "http://localhost:8082/api/articles/x");
        send(EventTypes.ARTICLE_CATALOGED, article);

        await().atMost(WAIT).until(() -> paths().containsAll(List.of("/new", "/stage", "/mention", "/article")));
        assertThat(typesAt("/new")).containsExactly(EventTypes.INITIATIVE_CATALOGED);
        assertThat(typesAt("/stage")).containsExactly(EventTypes.INITIATIVE_UPDATED);
        assertThat(typesAt("/mention")).containsExactly(EventTypes.INITIATIVE_UPDATED);
        assertThat(bodyAt("/stage").get("initiative").get("stage").asText()).isEqualTo("launched");
        JsonNode articleBody = bodyAt("/article");
        assertThat(articleBody.get("type").asText()).isEqualTo(EventTypes.ARTICLE_CATALOGED);
        assertThat(articleBody.get("article").get("id").asText()).isEqualTo(article.id().toString());
        assertThat(articleBody.get("catalogUrl").asText()).isEqualTo(article.catalogUrl());
        assertThat(articleBody.has("initiative")).isFalse();
    }

    @Test
    void aPatchedFilterTakesEffectAtOnce() {
        JsonPath subscription = subscribe("/patched", "\"filter\":{\"query\":\"" + marker + " AND country:AU\"}");
        given().header("Authorization", "Bearer " + subscription.getString("token")).contentType("application/json")
                .body("{\"filter\":{\"query\":\"" + marker + " AND country:JP\"}}")
                .patch("/api/subscriptions/" + subscription.getString("id")).then().statusCode(200);

        CatalogInitiative japan = initiative("A " + marker + " accord", "JP", "announced");
        send(EventTypes.INITIATIVE_CATALOGED, initiative("A " + marker + " pact", "AU", "announced"));
        send(EventTypes.INITIATIVE_CATALOGED, japan);

        await().atMost(WAIT).until(() -> deliveries(subscription) == 1 && !receiver.received().isEmpty());
        assertThat(initiativesAt("/patched")).containsExactly(japan.id().toString());
    }

    @Test
    void changesMadeByAnotherReplicaReachTheIndexAndDeletedRowsAreNeverDelivered() {
        String token = Credentials.newToken();
        UUID elsewhere = UUID.randomUUID();
        insertSubscription(elsewhere, token, "/elsewhere");
        await().atMost(WAIT).until(() -> matcher.isIndexed(elsewhere));

        CatalogInitiative first = initiative("The " + marker + " initiative", "JP", "announced");
        send(EventTypes.INITIATIVE_CATALOGED, first);
        await().atMost(WAIT).until(() -> paths().contains("/elsewhere"));

        JsonPath control = subscribe("/control", "\"filter\":{\"keywords\":[\"" + marker + "\"]}");
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("DELETE FROM subscription WHERE id = ?1")
                .setParameter(1, elsewhere).executeUpdate());
        assertThat(matcher.isIndexed(elsewhere)).as("a delete elsewhere is not seen until the next full reload").isTrue();
        CatalogInitiative second = initiative("The " + marker + " follow-up", "JP", "announced");
        send(EventTypes.INITIATIVE_CATALOGED, second);

        await().atMost(WAIT).until(() -> deliveries(control) == 1);
        assertThat(initiativesAt("/elsewhere")).containsExactly(first.id().toString());

        UUID disabled = UUID.randomUUID();
        insertSubscription(disabled, Credentials.newToken(), "/disabled");
        await().atMost(WAIT).until(() -> matcher.isIndexed(disabled));
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE subscription SET status = 'disabled', updated_at = now() WHERE id = ?1").setParameter(1, disabled)
                .executeUpdate());
        await().atMost(WAIT).until(() -> !matcher.isIndexed(disabled));
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("DELETE FROM subscription WHERE id = ?1")
                .setParameter(1, disabled).executeUpdate());
    }

    private void insertSubscription(UUID id, String token, String path) {
        MatchingFixtures.insertSubscription(em, id, token, marker, receiver.url(path));
    }

    private JsonPath subscribe(String path, String members) {
        JsonPath subscription = given().contentType("application/json")
                .body("{" + members + ",\"channel\":{\"type\":\"webhook\",\"url\":\"" + receiver.url(path) + "\"}}")
                .post("/api/subscriptions").then().statusCode(201).extract().jsonPath();
        created.add(subscription);
        return subscription;
    }

    private static int deliveries(JsonPath subscription) {
        return given().header("Authorization", "Bearer " + subscription.getString("token"))
                .get("/api/subscriptions/" + subscription.getString("id") + "/deliveries")
                .then().statusCode(200).extract().jsonPath().getList("$").size();
    }

    private void send(String type, Object data) {
        String key = data instanceof CatalogInitiative i ? i.id().toString() : ((CatalogArticle) data).id().toString();
        producer.send(Topics.CATALOG, key, UUID.randomUUID().toString(), type, data);
    }

    private List<String> paths() {
        return receiver.received().stream().map(WebhookReceiver.Received::path).toList();
    }

    private List<JsonNode> bodiesAt(String path) {
        return receiver.received().stream().filter(r -> r.path().equals(path)).map(r -> {
            try {
                return EventJson.mapper().readTree(r.body());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private JsonNode bodyAt(String path) {
        List<JsonNode> bodies = bodiesAt(path);
        assertThat(bodies).hasSize(1);
        return bodies.get(0);
    }

    private List<String> typesAt(String path) {
        return bodiesAt(path).stream().map(b -> b.get("type").asText()).toList();
    }

    private List<String> initiativesAt(String path) {
        return bodiesAt(path).stream().map(b -> b.get("initiative").get("id").asText()).toList();
    }
}
