package dev.accord.ingest.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.accord.testsupport.AccordTestResource;
import dev.accord.testsupport.Fixtures;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With no broker to take the events, a write is a clean, retryable 503 and nothing is remembered as ingested. */
@QuarkusTest
@TestProfile(KafkaUnavailableTest.NoBroker.class)
@WithTestResource(value = AccordTestResource.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
class KafkaUnavailableTest {

    /** Points the producer at a port where no broker listens. */
    public static class NoBroker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.messaging.outgoing.events-out.bootstrap.servers", "127.0.0.1:1",
                    "mp.messaging.outgoing.events-out.max.block.ms", "2000",
                    "accord.ingest.publish-timeout", "3s");
        }
    }

    @Test
    void writesAnswer503WithRetryAfterAndCanBeRetried() {
        for (int attempt = 0; attempt < 2; attempt++) {
            // The second attempt is not taken for a duplicate: the failed one left nothing behind.
            given().header("Authorization", "Bearer test-ingest-key").contentType("text/plain; charset=UTF-8")
                    .queryParam("url", "https://example.org/unavailable").body(Fixtures.seedArticle())
                    .when().post("/api/articles")
                    .then().statusCode(503).contentType("application/problem+json").header("Retry-After", "5")
                    .body("status", equalTo(503));
        }
    }
}
