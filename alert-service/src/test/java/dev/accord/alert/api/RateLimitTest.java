package dev.accord.alert.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.accord.testsupport.AccordTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Per-token and per-IP limits on the subscription API, with small buckets that refill once a minute. */
@QuarkusTest
@TestProfile(RateLimitTest.SmallBuckets.class)
@WithTestResource(value = AccordTestResource.class, initArgs = @ResourceArg(name = "database", value = "alert"))
class RateLimitTest {

    public static class SmallBuckets implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("accord.alert.api.rate-limit.per-ip-capacity", "8",
                    "accord.alert.api.rate-limit.per-ip-per-minute", "1",
                    "accord.alert.api.rate-limit.per-token-capacity", "3",
                    "accord.alert.api.rate-limit.per-token-per-minute", "1");
        }
    }

    @Test
    void aTokenAndThenTheAddressRunOutAndAreToldWhenToComeBack() {
        // Request 1 from this address.
        JsonPath subscription = given().contentType("application/json")
                .body("{\"channel\":{\"type\":\"webhook\",\"url\":\"http://127.0.0.1:9/x\"}}")
                .post("/api/subscriptions").then().statusCode(201).extract().jsonPath();
        String path = "/api/subscriptions/" + subscription.getString("id");
        String token = "Bearer " + subscription.getString("token");

        // Requests 2-4: the token's burst of 3.
        for (int i = 0; i < 3; i++) {
            given().header("Authorization", token).get(path).then().statusCode(200);
        }
        Response limited = given().header("Authorization", token).get(path);
        limited.then().statusCode(429).contentType("application/problem+json")
                .body("detail", containsString("subscription token"));
        assertRetryAfterAboutAMinute(limited);

        // Other tokens have buckets of their own; the address has 4 requests left (5-8).
        for (int i = 0; i < 4; i++) {
            given().header("Authorization", "Bearer someone-else-" + i).get(path).then().statusCode(404);
        }
        Response byAddress = given().get("/api/subscriptions/" + subscription.getString("id"));
        byAddress.then().statusCode(429).contentType("application/problem+json").body("status", equalTo(429))
                .body("detail", containsString("client address"));
        assertRetryAfterAboutAMinute(byAddress);
        given().get("/q/health/live").then().statusCode(200);
    }

    private static void assertRetryAfterAboutAMinute(Response response) {
        int seconds = Integer.parseInt(response.header("Retry-After"));
        assertThat(seconds).isBetween(1, 60);
        assertThat(response.jsonPath().getInt("retryAfter")).isEqualTo(seconds);
    }
}
