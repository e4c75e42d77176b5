package dev.accord.testsupport;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.path.json.JsonPath;
import java.util.List;

/** The health endpoints every service must offer, checked against the running service. */
public final class HealthChecks {

    private HealthChecks() {
    }

    /**
     * Asserts liveness and readiness are UP and that readiness checks Kafka and the database;
     * returns the names of the readiness checks, for a service's own checks.
     */
    public static List<String> assertLiveAndReadyWithKafkaAndDatabase() {
        JsonPath live = given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"))
                .extract().jsonPath();
        // Every service's incoming channels report, live, that none of them stopped for good.
        assertThat(live.getList("checks.name", String.class)).contains("kafka-consumers");
        JsonPath ready = given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .extract().jsonPath();
        List<String> checks = ready.getList("checks.name");
        assertThat(checks).anySatisfy(name -> assertThat(name).containsIgnoringCase("kafka"));
        assertThat(checks).anySatisfy(name -> assertThat(name).containsIgnoringCase("database"));
        assertThat(ready.getList("checks.status", String.class)).containsOnly("UP");
        return checks;
    }
}
