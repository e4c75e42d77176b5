package dev.accord.ingest.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.accord.common.events.Topics;
import dev.accord.testsupport.AccordTestResource;
import dev.accord.testsupport.DatabaseOutage;
import dev.accord.testsupport.Fixtures;
import dev.accord.testsupport.TestKafka;
import dev.accord.testsupport.TopicReader;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The ingest database goes away for real (connections refused, open ones terminated). Writes are a
 * clean, retryable 503 meanwhile, readiness reports it, and the same article is accepted once the
 * database is back: a refused write leaves nothing behind that would make its retry a duplicate.
 */
@QuarkusTest
@WithTestResource(value = AccordTestResource.class, initArgs = @ResourceArg(name = "database", value = "ingest-outage"))
class DatabaseOutageTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String URL = "https://example.org/database-outage";

    @Test
    void writesAnswer503WhileTheDatabaseIsDownAndSucceedOnRetryAfterwards() {
        await().atMost(WAIT).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
        try (DatabaseOutage outage = DatabaseOutage.begin()) {
            await().atMost(WAIT).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(503));
            submit().statusCode(503).contentType("application/problem+json").header("Retry-After", notNullValue())
                    .body("status", equalTo(503));
        }
        try (TopicReader reader = new TopicReader(TestKafka.bootstrapServers(), Topics.ARTICLES)) {
            // Its own database: no earlier test's copy of the seed can make this write a duplicate.
            var accepted = await().atMost(WAIT).until(() -> submit().extract(), r -> r.statusCode() == 202);
            assertThat(accepted.<Boolean>path("duplicate")).isFalse();
            String articleId = accepted.path("articleId");
            reader.awaitRecords(r -> r.key().equals(articleId), 1, WAIT);
        }
        await().atMost(WAIT).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
    }

    private static ValidatableResponse submit() {
        return given().header("Authorization", "Bearer test-ingest-key").contentType("text/plain; charset=UTF-8")
                .queryParam("url", URL).body(Fixtures.seedArticle())
                .when().post("/api/articles").then();
    }
}
