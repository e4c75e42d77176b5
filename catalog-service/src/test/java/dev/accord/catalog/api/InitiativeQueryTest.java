package dev.accord.catalog.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.accord.catalog.CatalogSeed;
import dev.accord.common.events.Vocabulary;
import dev.accord.testsupport.AccordTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
// Query tests seed look-alike rows on purpose (pages of near-identical entries); the merge rule would
// fold them into one entry, so these classes run with merging off, on a database of their own.
@WithTestResource(value = AccordTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "catalog-queries"),
        @ResourceArg(name = "config:accord.catalog.merge.threshold", value = "2") })
class InitiativeQueryTest {

    private static final String[] LISTS = {"/api/initiatives", "/api/articles"};

    @Test
    void badParametersAreNamedInTheProblem() {
        for (String list : LISTS) {
            problem(list, "limit=201", "limit");
            problem(list, "limit=0", "limit");
            problem(list, "limit=-5", "limit");
            problem(list, "limit=abc", "limit");
            problem(list, "limit=99999999999", "limit");
            problem(list, "cursor=!!!", "cursor");
            problem(list, "cursor=bm90LWEtY3Vyc29y", "cursor");
            problem(list, "q=lunar&cursor=cmFua3xOYU58eHl6", "cursor");
            problem(list, "from=yesterday", "from");
            problem(list, "from=2024-02-30", "from");
            problem(list, "to=2024-04-10T10:00:00", "to");
            problem(list, "from=%2B99999-01-01", "from");
            problem(list, "from=2024-04-11&to=2024-04-10", "from");
            problem(list, "from=2024-04-10T12:00:00Z&to=2024-04-10T11:00:00Z", "from");
            problem(list, "country=Japan", "country");
            problem(list, "sort=oldest", "sort");
            problem(list, "sort=relevance", "sort");
            problem(list, "q=" + "a".repeat(257), "q");
            problem(list, "q=lunar%00", "q");
            problem(list, "org=" + "x".repeat(201), "org");
            problem(list, "topic=space&topic=" + String.join("&topic=", java.util.Collections.nCopies(20, "trade")) + "&topic=x",
                    "topic");
        }
        for (String path : new String[] {"/api/initiatives", "/api/initiatives/facets"}) {
            given().queryParam("stage", "rumoured").get(path).then().statusCode(400)
                    .contentType("application/problem+json").body("parameter", equalTo("stage"))
                    .body("allowed", equalTo(Vocabulary.stages())).body("detail", containsString("rumoured"));
            given().queryParam("topic", "astrology").get(path).then().statusCode(400)
                    .contentType("application/problem+json").body("parameter", equalTo("topic"))
                    .body("allowed", equalTo(Vocabulary.topics())).body("allowed", hasItem("energy-climate"));
            given().queryParam("from", "soon").get(path).then().statusCode(400).body("parameter", equalTo("from"));
        }
        given().queryParam("topic", "astrology").get("/api/articles").then().statusCode(400)
                .body("parameter", equalTo("topic"));
        // The same values in another case are the same values.
        given().queryParam("stage", "LAUNCHED").queryParam("topic", "Space").get("/api/initiatives").then().statusCode(200);
        given().queryParam("sort", "Newest").get("/api/initiatives").then().statusCode(200);
    }

    @Test
    void hostileInputIsHarmless() {
        try (CatalogSeed seed = new CatalogSeed()) {
            seed.initiative("ocean monitoring buoys", "Buoys monitor the ocean.", "They deploy buoys to monitor the ocean.",
                    List.of("NO"), List.of("technology"), "launched");
            String[] hostile = {"'; DROP TABLE initiative; --", "\" OR 1=1 --", "%", "%%", "_", "\\", "\\'", "a & !b | c:*",
                "ocean & !", "!ocean", "ocean <-> buoys", "ocean <2> buoys", "ocean:*", "oce:*A", "(ocean | buoys)",
                "&&&", "|||", "<->", "!!", "()", ":*", "'", "''", "\"", "\"\"\"", "-", "- -", "or", "ocean or",
                "$1", "?1", "{x}", "{{x}}", "ocean\u00a0buoys", "océan", "😀", "𝔬𝔠𝔢𝔞𝔫", "ocean\tbuoys", "a".repeat(200)};
            for (String value : hostile) {
                for (String list : new String[] {"/api/initiatives", "/api/articles", "/api/initiatives/facets"}) {
                    given().queryParam("q", value).queryParam("org", seed.org()).get(list).then().statusCode(200);
                    given().queryParam("org", value).get(list).then().statusCode(200);
                }
                given().queryParam("q", value).queryParam("format", "atom").get("/api/initiatives").then().statusCode(200);
                given().queryParam("q", value).queryParam("format", "csv").get("/api/initiatives").then().statusCode(200);
            }
            // Operators are read as web-search syntax or as words, never as raw tsquery.
            given().queryParam("q", "ocean <-> buoys").queryParam("org", seed.org()).get("/api/initiatives").then()
                    .statusCode(200).body("items.size()", equalTo(1));
            given().queryParam("q", "'; DROP TABLE initiative; --").queryParam("org", seed.org()).get("/api/initiatives")
                    .then().statusCode(200).body("items.size()", equalTo(0));
            // And the table is still there.
            given().queryParam("q", "ocean").queryParam("org", seed.org()).get("/api/initiatives").then().statusCode(200)
                    .body("items.size()", equalTo(1));
        }
    }

    @Test
    void unknownIdsAreNotFound() {
        given().get("/api/initiatives/00000000-0000-0000-0000-000000000000").then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/initiatives/..%2F..%2Fetc").then().statusCode(404);
        given().get("/api/articles/not-an-id").then().statusCode(404).contentType("application/problem+json");
    }

    private static void problem(String list, String query, String parameter) {
        given().urlEncodingEnabled(false).get(list + "?" + query).then().statusCode(400)
                .contentType("application/problem+json").body("status", equalTo(400)).body("parameter", equalTo(parameter));
    }
}
