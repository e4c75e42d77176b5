package dev.accord.ingest.observability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.accord.common.events.Topics;
import dev.accord.testsupport.AccordTestResource;
import dev.accord.testsupport.HealthChecks;
import dev.accord.testsupport.PrometheusText;
import dev.accord.testsupport.TestKafka;
import dev.accord.testsupport.TopicReader;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Health, Prometheus metrics and trace propagation of the running service, against a real broker and database. */
@QuarkusTest
@WithTestResource(value = AccordTestResource.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
class OperationsEndpointsTest {

    private static final String KEY = "Bearer test-ingest-key";

    @Test
    void livenessAndReadinessAreUpWithKafkaAndDatabaseChecked() {
        assertThat(HealthChecks.assertLiveAndReadyWithKafkaAndDatabase()).noneMatch(name -> name.contains("consumption"));
    }

    @Test
    void metricsCountPublishedEventsDuplicatesAndExtractionTime() {
        String before = scrape();
        String text = uniqueArticle();
        String url = "https://thehill.com/metrics/" + UUID.randomUUID();
        List<String> initiatives = given().header("Authorization", KEY).contentType("text/plain; charset=UTF-8")
                .queryParam("url", url).body(text).post("/api/articles")
                .then().statusCode(202).body("duplicate", equalTo(false)).extract().jsonPath().getList("initiatives.id");
        assertThat(initiatives).isNotEmpty();
        given().header("Authorization", KEY).contentType("text/plain; charset=UTF-8")
                .queryParam("url", url).body(text).post("/api/articles")
                .then().statusCode(202).body("duplicate", equalTo(true));
        String after = scrape();

        assertThat(delta(before, after, "accord_events_produced_total", "topic", Topics.ARTICLES, "outcome", "ok"))
                .isEqualTo(1.0);
        assertThat(delta(before, after, "accord_events_produced_total", "topic", Topics.INITIATIVES, "outcome", "ok"))
                .isEqualTo(initiatives.size());
        assertThat(delta(before, after, "accord_events_produced_total", "topic", Topics.ARTICLES, "outcome", "duplicate"))
                .isEqualTo(1.0);
        assertThat(delta(before, after, "accord_extraction_seconds_count")).isEqualTo(1.0);
        assertThat(delta(before, after, "accord_extraction_seconds_sum")).isPositive();
        assertThat(PrometheusText.exposes(after, "accord_extraction_seconds_bucket")).isTrue();
        // The Kafka client's own metrics come through the Micrometer binder.
        assertThat(PrometheusText.exposes(after, "kafka_producer_")).isTrue();
    }

    @Test
    void theRequestsTraceContinuesOnThePublishedRecords() {
        String traceId = PrometheusText.newTraceId();
        JsonPath accepted = given().header("Authorization", KEY).header("traceparent", PrometheusText.traceparent(traceId))
                .contentType("text/plain; charset=UTF-8")
                .queryParam("url", "https://thehill.com/traced/" + UUID.randomUUID()).body(uniqueArticle())
                .post("/api/articles").then().statusCode(202).body("duplicate", equalTo(false)).extract().jsonPath();
        String articleId = accepted.getString("articleId");
        List<String> initiativeIds = accepted.getList("initiatives.id");
        assertThat(initiativeIds).isNotEmpty();

        try (TopicReader reader = new TopicReader(TestKafka.bootstrapServers(), Topics.ARTICLES, Topics.INITIATIVES)) {
            TopicReader.Read article = reader.awaitRecords(r -> r.key().equals(articleId), 1, Duration.ofSeconds(20)).get(0);
            assertThat(PrometheusText.traceIdOf(article.header("traceparent"))).isEqualTo(traceId);
            List<TopicReader.Read> initiatives = reader.awaitRecords(r -> r.topic().equals(Topics.INITIATIVES)
                    && initiativeIds.contains(r.key()), initiativeIds.size(), Duration.ofSeconds(20));
            assertThat(initiatives).allSatisfy(r ->
                    assertThat(PrometheusText.traceIdOf(r.header("traceparent"))).isEqualTo(traceId));
        }
    }

    /** An article no other test sent (content hash and near-duplicate fingerprint), announcing initiatives. */
    private static String uniqueArticle() {
        StringBuilder text = new StringBuilder("Report " + UUID.randomUUID() + "\n\n");
        for (int sentence = 0; sentence < 8; sentence++) {
            text.append("Japan and Australia announced a joint program on ")
                    .append(UUID.randomUUID().toString().replace('-', ' ')).append(" on Monday. ");
        }
        return text.toString();
    }

    private static String scrape() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static double delta(String before, String after, String name, String... labels) {
        return PrometheusText.sum(after, name, labels) - PrometheusText.sum(before, name, labels);
    }
}
