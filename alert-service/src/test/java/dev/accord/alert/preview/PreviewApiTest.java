package dev.accord.alert.preview;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import dev.accord.testsupport.AccordTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * The preview's contract where no catalog is needed to judge it: bad requests are refused before the
 * catalog is read, and a catalog that cannot be reached is a 503 problem. (The test profile points the
 * preview at a closed port; ThinPathIT previews against a running catalog.)
 */
@QuarkusTest
@WithTestResource(value = AccordTestResource.class, initArgs = @ResourceArg(name = "database", value = "alert"))
class PreviewApiTest {

    @Test
    void aWindowOutsideTheLimitsIsRefused() {
        refused("{\"days\":0}", "days");
        refused("{\"days\":91}", "days");
    }

    @Test
    void anInvalidFilterIsRefusedAsOnCreation() {
        given().contentType("application/json").body("{\"filter\":{\"query\":\"topic:defense AND (country:JX OR country:AU)\"}}")
                .post("/api/subscriptions/preview").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("filter.query")).body("errors[0].position", equalTo(27));
        given().contentType("application/json").body("{\"filter\":{\"countries\":[\"UK\"]},\"events\":[\"initiative.deleted\"]}")
                .post("/api/subscriptions/preview").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("filter.countries[0]", "events[0]"));
        // A preview has no channel: the field is unknown here.
        given().contentType("application/json").body("{\"filter\":{},\"channel\":{\"type\":\"sse\"}}")
                .post("/api/subscriptions/preview").then().statusCode(400).contentType("application/problem+json")
                .body("parameter", equalTo("channel"));
    }

    @Test
    void aCatalogThatCannotBeReadIsAServiceUnavailableProblem() {
        given().contentType("application/json").body("{\"filter\":{\"countries\":[\"JP\"]}}")
                .post("/api/subscriptions/preview").then().statusCode(503).contentType("application/problem+json")
                .body("title", equalTo("Catalog unavailable"));
    }

    private static void refused(String body, String parameter) {
        given().contentType("application/json").body(body).post("/api/subscriptions/preview").then()
                .statusCode(400).contentType("application/problem+json").body("parameter", equalTo(parameter));
    }
}
