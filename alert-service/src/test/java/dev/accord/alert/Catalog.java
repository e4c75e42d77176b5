package dev.accord.alert;

import static io.restassured.RestAssured.given;

import dev.accord.common.events.CatalogInitiative;
import dev.accord.common.events.EventTypes;
import dev.accord.common.events.Evidence;
import dev.accord.common.events.Parties;
import dev.accord.common.events.Topics;
import dev.accord.testsupport.CloudEventProducer;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Catalog events and subscriptions for channel tests; each test filters on a keyword of its own. */
public final class Catalog {

    private Catalog() {
    }

    /** A word no other test subscribes to or publishes. */
    public static String uniqueKeyword() {
        return "kw" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** An initiative whose title ends with {@code keyword}, so subscriptions on that keyword match it. */
    public static CatalogInitiative initiative(String keyword, String title) {
        UUID id = UUID.randomUUID();
        String sentence = "Japan and Australia agreed to set up a joint air defense office in Canberra.";
        return new CatalogInitiative(1, id, title + " " + keyword, "A joint office coordinates air defense procurement.",
                new Evidence(sentence, 0, sentence.length()), new Parties(List.of("JP", "AU"), List.of("Quad Secretariat")),
                List.of("defense"), "announced", 0.8, List.of(UUID.randomUUID()), Instant.now(), Instant.now(),
                "http://localhost:8082/api/initiatives/" + id);
    }

    /** Publishes an initiative as a new catalog entry; returns the event id. */
    public static String publish(CloudEventProducer producer, CatalogInitiative initiative) {
        String ceId = UUID.randomUUID().toString();
        publish(producer, initiative, ceId);
        return ceId;
    }

    public static void publish(CloudEventProducer producer, CatalogInitiative initiative, String ceId) {
        producer.send(Topics.CATALOG, initiative.id().toString(), ceId, EventTypes.INITIATIVE_CATALOGED, initiative);
    }

    /** Creates a subscription on {@code keyword} with the given channel JSON (and digest, if not null). */
    public static JsonPath subscribe(String keyword, String channelJson, String digest) {
        return given().contentType("application/json")
                .body("{\"filter\":{\"keywords\":[\"" + keyword + "\"]},\"channel\":" + channelJson
                        + (digest == null ? "" : ",\"digest\":\"" + digest + "\"") + "}")
                .post("/api/subscriptions")
                .then().statusCode(201).extract().jsonPath();
    }

    public static String bearer(JsonPath subscription) {
        return "Bearer " + subscription.getString("token");
    }
}
