package dev.accord.ingest.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.accord.common.events.Topics;
import dev.accord.testsupport.AccordTestResource;
import dev.accord.testsupport.TestKafka;
import dev.accord.testsupport.TopicReader;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A request that stops waiting for Kafka answers 503, but its transaction goes on and may commit: the client's
 * retry must then find the article stored, not publish its events a second time.
 */
@QuarkusTest
@TestProfile(PublishTimeoutTest.ImpatientRequests.class)
@WithTestResource(value = AccordTestResource.class, initArgs = @ResourceArg(name = "database", value = "ingest-timeout"))
class PublishTimeoutTest {

    private static final String KEY = "Bearer test-ingest-key";

    /** Requests give up long before a transaction can commit. */
    public static class ImpatientRequests implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("accord.ingest.publish-timeout", "5ms");
        }
    }

    @Test
    void aRetryAfterATimedOutRequestPublishesNothingTwice() {
        String token = UUID.randomUUID().toString();
        String url = "https://example.org/timeout/" + token;
        String text = "Kenya and Ghana on Monday completed the " + token + " Vaccine Manufacturing Network, which will "
                + "produce vaccines for the African continent, officials said in Nairobi on Monday evening.";
        try (TopicReader articles = new TopicReader(TestKafka.bootstrapServers(), Topics.ARTICLES)) {
            given().header("Authorization", KEY).contentType("text/plain; charset=UTF-8").queryParam("url", url).body(text)
                    .post("/api/articles").then().statusCode(503).header("Retry-After", "5");

            // Retried as a client would: 503 while the first attempt's fate is unknown, then the stored article.
            AtomicReference<ExtractableResponse<Response>> accepted = new AtomicReference<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                ExtractableResponse<Response> retry = given().header("Authorization", KEY)
                        .contentType("text/plain; charset=UTF-8").queryParam("url", url).body(text)
                        .post("/api/articles").then().extract();
                accepted.set(retry);
                return retry.statusCode() == 202;
            });
            String articleId = accepted.get().path("articleId");

            articles.awaitRecords(r -> r.key().equals(articleId), 1, Duration.ofSeconds(30));
            // A later article marks the end: once it is read, any second copy would have been too.
            String marker = UUID.randomUUID().toString();
            given().header("Authorization", KEY).contentType("text/plain; charset=UTF-8")
                    .queryParam("url", "https://example.org/timeout-marker/" + marker)
                    .body("Estonia and Latvia plan to create the " + marker + " Drone Coalition next year, ministers said.")
                    .post("/api/articles");
            articles.awaitRecords(r -> r.value().contains(marker), 1, Duration.ofSeconds(30));
            assertThat(articles.drain()).filteredOn(r -> r.key().equals(articleId)).hasSize(1);
        }
    }
}
