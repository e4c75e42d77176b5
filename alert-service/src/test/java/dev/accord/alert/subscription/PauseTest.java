package dev.accord.alert.subscription;

import static dev.accord.alert.Catalog.bearer;
import static dev.accord.alert.Catalog.initiative;
import static dev.accord.alert.Catalog.publish;
import static dev.accord.alert.Catalog.subscribe;
import static dev.accord.alert.Catalog.uniqueKeyword;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.accord.testsupport.AccordTestResource;
import dev.accord.testsupport.CloudEventProducer;
import dev.accord.testsupport.TestKafka;
import dev.accord.webhookreceiver.WebhookReceiver;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An owner pauses a subscription and resumes it: nothing is sent while it is paused, events after resuming are. */
@QuarkusTest
@WithTestResource(value = AccordTestResource.class, initArgs = @ResourceArg(name = "database", value = "alert"))
class PauseTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private WebhookReceiver receiver;
    private CloudEventProducer producer;

    @BeforeEach
    void start() {
        receiver = WebhookReceiver.start();
        producer = new CloudEventProducer(TestKafka.bootstrapServers());
    }

    @AfterEach
    void stop() {
        receiver.close();
        producer.close();
    }

    @Test
    void aPausedSubscriptionIsToldNothingUntilItIsResumed() {
        String keyword = uniqueKeyword();
        JsonPath subscription = subscribe(keyword, "{\"type\":\"webhook\",\"url\":\"" + receiver.url("/paused") + "\"}", null);
        String path = "/api/subscriptions/" + subscription.getString("id");

        given().header("Authorization", bearer(subscription)).post(path + "/pause").then().statusCode(200).body("status", equalTo("paused"));
        given().header("Authorization", bearer(subscription)).post(path + "/pause").then().statusCode(200).body("status", equalTo("paused"));
        publish(producer, initiative(keyword, "Sent while paused"));
        await().during(Duration.ofSeconds(4)).atMost(WAIT).until(() -> receiver.received().isEmpty());

        given().header("Authorization", bearer(subscription)).post(path + "/resume").then().statusCode(200).body("status", equalTo("active"));
        publish(producer, initiative(keyword, "Sent after resuming"));
        await().atMost(WAIT).until(() -> receiver.received().size() == 1);
        assertThat(receiver.received().get(0).body()).contains("Sent after resuming").doesNotContain("Sent while paused");
    }

    @Test
    void onlyAnActiveSubscriptionPausesAndOnlyAPausedOneResumes() {
        JsonPath email = given().contentType("application/json")
                .body("{\"channel\":{\"type\":\"email\",\"address\":\"pause@example.org\"}}").post("/api/subscriptions")
                .then().statusCode(201).extract().jsonPath();
        String path = "/api/subscriptions/" + email.getString("id");
        // Unconfirmed: there is nothing to pause yet.
        given().header("Authorization", bearer(email)).post(path + "/pause").then().statusCode(409)
                .contentType("application/problem+json");
        given().header("Authorization", bearer(email)).post(path + "/resume").then().statusCode(409);
        given().header("Authorization", "Bearer not-the-token").post(path + "/pause").then().statusCode(404);
    }
}
