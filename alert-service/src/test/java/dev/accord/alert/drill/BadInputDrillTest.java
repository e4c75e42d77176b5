package dev.accord.alert.drill;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.testsupport.AccordTestResource;
import dev.accord.testsupport.badinput.BadInputDrill;
import dev.accord.testsupport.badinput.Endpoint;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Drill 8 on alerts: every endpoint gets the shared bad-input corpus and generated requests, with
 * the subscriber's own token so that bodies reach the parsers (the corpus also tries broken and
 * foreign tokens); none may answer 5xx or an error that is not problem+json (the e-mail link pages
 * answer HTML, for browsers), and the service stays ready. A database of its own keeps the
 * subscriptions it creates away from the matching tests.
 */
@QuarkusTest
@WithTestResource(value = AccordTestResource.class, initArgs = @ResourceArg(name = "database", value = "alert_drill"))
class BadInputDrillTest {

    private static final int GENERATED_PER_ENDPOINT = 120;
    private static final String WEBHOOK = "{\"name\":\"drill\",\"filter\":{\"topics\":[\"space\"],\"countries\":[\"US\"],"
            + "\"keywords\":[\"lunar\"],\"query\":\"topic:space AND country:US\"},"
            + "\"channel\":{\"type\":\"webhook\",\"url\":\"http://127.0.0.1:9/hook\"}}";
    private static final String SSE = "{\"filter\":{\"topics\":[\"space\"]},\"channel\":{\"type\":\"sse\"}}";
    private static final String PATCH = "{\"name\":\"renamed\",\"filter\":{\"topics\":[\"energy\"]},\"channel\":{\"url\":\"http://127.0.0.1:9/other\"}}";

    @TestHTTPResource("/")
    URL base;

    @Test
    void everyEndpointSurvivesTheBadInputCorpus() {
        JsonPath hook = create(WEBHOOK);
        JsonPath stream = create(SSE);
        JsonPath doomed = create(WEBHOOK);
        List<Endpoint> endpoints = List.of(
                Endpoint.post("/api/subscriptions", "application/json", WEBHOOK),
                owned(Endpoint.get("/api/subscriptions/{id}"), hook),
                owned(Endpoint.patch("/api/subscriptions/{id}", "application/json", PATCH), hook),
                owned(Endpoint.patch("/api/subscriptions/{id}", "application/merge-patch+json", PATCH), hook),
                owned(Endpoint.get("/api/subscriptions/{id}/deliveries"), hook),
                owned(Endpoint.get("/api/subscriptions/{id}/stream"), stream),
                owned(Endpoint.get("/api/subscriptions/{id}/stream"), hook),
                Endpoint.get("/api/email/confirm/{id}").withErrorType("text/html"),
                Endpoint.post("/api/email/confirm/{id}").withErrorType("text/html"),
                Endpoint.get("/api/email/unsubscribe/{id}").withErrorType("text/html"),
                Endpoint.post("/api/email/unsubscribe/{id}").withErrorType("text/html"),
                owned(Endpoint.delete("/api/subscriptions/{id}"), doomed));

        BadInputDrill.Report report = BadInputDrill.run(base.getHost(), base.getPort(), endpoints, GENERATED_PER_ENDPOINT);

        report.assertClean();
        assertThat(report.byStatus()).containsKey(200).containsKey(201).containsKey(400).containsKey(401).containsKey(404);
        BadInputDrill.assertReady(base.getHost(), base.getPort());
    }

    private static Endpoint owned(Endpoint endpoint, JsonPath subscription) {
        return endpoint.withValidId(subscription.getString("id")).withHeader("Authorization", "Bearer " + subscription.getString("token"));
    }

    private static JsonPath create(String body) {
        return given().contentType("application/json").body(body).post("/api/subscriptions").then().statusCode(201).extract().jsonPath();
    }
}
