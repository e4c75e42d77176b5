package dev.accord.catalog.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.accord.testsupport.AccordTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = AccordTestResource.class, initArgs = @ResourceArg(name = "database", value = "catalog"))
class InitiativeQueryTest {

    @Test
    void badParametersAreNamedInTheProblem() {
        problem("limit=201", "limit");
        problem("limit=0", "limit");
        problem("cursor=!!!", "cursor");
        problem("cursor=bm90LWEtY3Vyc29y", "cursor");
        problem("from=yesterday", "from");
        problem("country=Japan", "country");
        given().queryParam("stage", "rumoured").get("/api/initiatives").then().statusCode(400)
                .contentType("application/problem+json").body("parameter", equalTo("stage"))
                .body("allowed", hasItem("launched"));
        given().get("/api/initiatives?limit=abc").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void hostileFilterValuesAreHarmless() {
        for (String value : new String[] {"'; DROP TABLE initiative; --", "%", "\\", "a & !b | c:*", "\"quoted\""}) {
            given().queryParam("topic", value).queryParam("org", value).get("/api/initiatives")
                    .then().statusCode(200).body("items.size()", equalTo(0));
        }
    }

    @Test
    void unknownIdsAreNotFound() {
        given().get("/api/initiatives/00000000-0000-0000-0000-000000000000").then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/initiatives/..%2F..%2Fetc").then().statusCode(404);
        given().get("/api/articles/not-an-id").then().statusCode(404).contentType("application/problem+json");
    }

    private static void problem(String query, String parameter) {
        given().get("/api/initiatives?" + query).then().statusCode(400).contentType("application/problem+json")
                .body("parameter", equalTo(parameter));
    }
}
