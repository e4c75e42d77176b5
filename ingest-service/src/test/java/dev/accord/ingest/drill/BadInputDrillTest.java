package dev.accord.ingest.drill;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.testsupport.AccordTestResource;
import dev.accord.testsupport.badinput.BadInputDrill;
import dev.accord.testsupport.badinput.Endpoint;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Drill 8 on ingest: every endpoint gets the shared bad-input corpus and generated requests, with
 * the API key so that bodies reach the parsers (the corpus also tries broken keys); none may answer
 * 5xx or an error that is not problem+json, and the service stays ready. A database of its own
 * keeps the feeds it registers away from the other tests.
 */
@QuarkusTest
@WithTestResource(value = AccordTestResource.class, initArgs = @ResourceArg(name = "database", value = "ingest_drill"))
class BadInputDrillTest {

    private static final int GENERATED_PER_ENDPOINT = 120;
    private static final String KEY = "Bearer test-ingest-key";
    private static final String ARTICLE = "{\"title\":\"Drill\",\"source\":\"drill\",\"publishedAt\":\"2024-04-10T12:00:00Z\","
            + "\"text\":\"Japan and the United States announced a joint lunar exploration programme on Monday.\"}";

    @TestHTTPResource("/")
    URL base;

    @Test
    void everyEndpointSurvivesTheBadInputCorpus() {
        String feed = register("http://127.0.0.1:9/drill-feed.xml");
        String doomed = register("http://127.0.0.1:9/drill-feed-to-delete.xml");
        List<Endpoint> endpoints = List.of(
                Endpoint.post("/api/articles", "application/json", ARTICLE).withHeader("Authorization", KEY),
                Endpoint.post("/api/articles", "text/plain", "Japan and the United States announced a joint lunar programme.")
                        .withHeader("Authorization", KEY),
                Endpoint.post("/api/articles", "text/html", "<html><body><p>Japan and India launched a fund.</p></body></html>")
                        .withHeader("Authorization", KEY),
                Endpoint.post("/api/articles:batch", "application/x-ndjson", ARTICLE + "\n" + ARTICLE + "\n")
                        .withHeader("Authorization", KEY),
                Endpoint.post("/api/feeds", "application/json", "{\"url\":\"http://127.0.0.1:9/drill-other.xml\",\"title\":\"t\"}")
                        .withHeader("Authorization", KEY),
                Endpoint.get("/api/feeds", "limit", "cursor").withHeader("Authorization", KEY),
                Endpoint.get("/api/feeds/{id}").withValidId(feed).withHeader("Authorization", KEY),
                Endpoint.get("/api/feeds/{id}/entries", "limit", "cursor").withValidId(feed).withHeader("Authorization", KEY),
                Endpoint.delete("/api/feeds/{id}").withValidId(doomed).withHeader("Authorization", KEY));

        BadInputDrill.Report report = BadInputDrill.run(base.getHost(), base.getPort(), endpoints, GENERATED_PER_ENDPOINT);

        report.assertClean();
        assertThat(report.byStatus()).containsKey(202).containsKey(400).containsKey(401).containsKey(404).containsKey(413);
        BadInputDrill.assertReady(base.getHost(), base.getPort());
    }

    private static String register(String url) {
        return given().header("Authorization", KEY).contentType("application/json").body("{\"url\":\"" + url + "\"}")
                .post("/api/feeds").then().statusCode(201).extract().path("id");
    }
}
