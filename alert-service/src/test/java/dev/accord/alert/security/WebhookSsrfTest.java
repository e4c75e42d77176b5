package dev.accord.alert.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.accord.testsupport.AccordTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Webhook targets with production's rule (no allowed hosts): every inward address, in every
 * spelling, is refused when a subscription is created and when its URL is changed.
 */
@QuarkusTest
@TestProfile(WebhookSsrfTest.ProductionRule.class)
@WithTestResource(value = AccordTestResource.class, initArgs = @ResourceArg(name = "database", value = "alert_drill"))
class WebhookSsrfTest {

    public static class ProductionRule implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("accord.alert.webhooks.allowed-hosts", "");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:9/hook", "http://localhost:9/hook", "http://app.localhost/hook", "http://[::1]/hook",
        "http://169.254.169.254/latest/meta-data/", "http://10.1.2.3/", "http://172.20.0.1/", "http://192.168.1.10/",
        "http://100.100.100.200/", "http://[fd00::1]/", "http://[fe80::1]/", "http://[::ffff:127.0.0.1]/", "http://2130706433/",
        "http://0177.0.0.1/", "http://0x7f.1/", "http://0.0.0.0/", "file:///etc/passwd"})
    void inwardWebhookTargetsAreRefused(String url) {
        given().contentType("application/json")
                .body("{\"filter\":{\"topics\":[\"space\"]},\"channel\":{\"type\":\"webhook\",\"url\":\"" + url + "\"}}")
                .post("/api/subscriptions").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aWebhookCannotBeMovedInward() {
        JsonPath created = given().contentType("application/json")
                .body("{\"filter\":{\"topics\":[\"space\"]},\"channel\":{\"type\":\"webhook\",\"url\":\"https://93.184.216.34/hook\"}}")
                .post("/api/subscriptions").then().statusCode(201).extract().jsonPath();
        String path = "/api/subscriptions/" + created.getString("id");
        String bearer = "Bearer " + created.getString("token");
        for (String inward : new String[] {"http://localhost/x", "http://169.254.169.254/", "http://[::ffff:10.0.0.1]/"}) {
            given().header("Authorization", bearer).contentType("application/json").body("{\"channel\":{\"url\":\"" + inward + "\"}}")
                    .patch(path).then().statusCode(400).contentType("application/problem+json");
        }
        given().header("Authorization", bearer).get(path).then().statusCode(200).body("channel.url", equalTo("https://93.184.216.34/hook"));
        given().header("Authorization", bearer).delete(path).then().statusCode(204);
    }
}
