package dev.accord.catalog.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.catalog.CatalogTestEvents;
import dev.accord.common.events.ArticleIngested;
import dev.accord.common.events.EventJson;
import dev.accord.common.events.EventTypes;
import dev.accord.common.events.Topics;
import dev.accord.testsupport.AccordTestResource;
import dev.accord.testsupport.TestKafka;
import dev.accord.testsupport.TopicReader;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

/**
 * Hands the consumer one batch exactly as the connector would, so the batch's make-up is known:
 * the records the catalog can never store go to the dead-letter topic with the error in their
 * headers, the rest of the same batch is stored.
 */
@QuarkusTest
@WithTestResource(value = AccordTestResource.class, initArgs = @ResourceArg(name = "database", value = "catalog"))
class BatchDeadLetterTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final TopicPartition PARTITION = new TopicPartition(Topics.ARTICLES, 5);

    @Inject
    CatalogEventConsumer consumer;

    @Test
    void poisonRecordsInsideABatchAreDeadLetteredAndTheRestIsStored() {
        UUID first = UUID.randomUUID();
        UUID notJson = UUID.randomUUID();
        UUID invalid = UUID.randomUUID();
        UUID wrongType = UUID.randomUUID();
        UUID refusedByDatabase = UUID.randomUUID();
        UUID last = UUID.randomUUID();
        ArticleIngested nul = CatalogTestEvents.article(refusedByDatabase, List.of());
        // Valid JSON and valid by the schema, but PostgreSQL text cannot hold a NUL character.
        nul = new ArticleIngested(1, nul.id(), nul.url(), nul.source(), nul.title(), null, nul.ingestedAt(), "en",
                "Before\u0000after.", nul.contentHash(), nul.topics(), nul.countries(), nul.organisations(),
                nul.people(), nul.initiativeIds());
        List<ConsumerRecord<String, String>> batch = new ArrayList<>();
        batch.add(record(first, EventTypes.ARTICLE_INGESTED, article(first), 100));
        batch.add(record(notJson, EventTypes.ARTICLE_INGESTED, "{not json", 101));
        batch.add(record(invalid, EventTypes.ARTICLE_INGESTED, "{\"schemaVersion\":1,\"id\":\"" + invalid + "\"}", 102));
        batch.add(record(wrongType, EventTypes.INITIATIVE_EXTRACTED, article(wrongType), 103));
        batch.add(record(refusedByDatabase, EventTypes.ARTICLE_INGESTED, EventJson.write(nul), 104));
        batch.add(record(last, EventTypes.ARTICLE_INGESTED, article(last), 105));

        consumer.onArticles(new ConsumerRecords<>(Map.of(PARTITION, batch)));

        given().get("/api/articles/" + first).then().statusCode(200);
        given().get("/api/articles/" + last).then().statusCode(200);
        for (UUID rejected : List.of(notJson, invalid, wrongType, refusedByDatabase)) {
            given().get("/api/articles/" + rejected).then().statusCode(404);
        }
        try (TopicReader dlq = new TopicReader(TestKafka.bootstrapServers(), Topics.deadLetterOf(Topics.ARTICLES))) {
            assertThat(deadLetter(dlq, notJson).header("dead-letter-reason")).contains("not JSON");
            assertThat(deadLetter(dlq, invalid).header("dead-letter-reason")).contains("violates");
            assertThat(deadLetter(dlq, wrongType).header("dead-letter-reason")).contains("Expected a accord.article.ingested");
            TopicReader.Read refused = deadLetter(dlq, refusedByDatabase);
            assertThat(refused.header("dead-letter-cause")).contains("0x00");
            assertThat(refused.value()).isEqualTo(EventJson.write(nul));
            assertThat(refused.header("dead-letter-topic")).isEqualTo(Topics.ARTICLES);
            assertThat(refused.header("dead-letter-partition")).isEqualTo("5");
            assertThat(refused.header("dead-letter-offset")).isEqualTo("104");
            // Still the original CloudEvent, so an operator can replay it once fixed.
            assertThat(refused.header("ce_type")).isEqualTo(EventTypes.ARTICLE_INGESTED);
            assertThat(refused.header("ce_id")).isEqualTo(ceId(refusedByDatabase));
            assertThat(dlq.drain()).filteredOn(r -> r.key().equals(first.toString()) || r.key().equals(last.toString()))
                    .isEmpty();
        }
    }

    private static TopicReader.Read deadLetter(TopicReader dlq, UUID key) {
        return dlq.awaitRecords(r -> key.toString().equals(r.key()), 1, WAIT).get(0);
    }

    private static String article(UUID id) {
        return EventJson.write(CatalogTestEvents.article(id, List.of()));
    }

    /** Each record's ce_id, derived from its key so the assertions can name it. */
    private static String ceId(UUID key) {
        return UUID.nameUUIDFromBytes(("ce:" + key).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static ConsumerRecord<String, String> record(UUID key, String type, String value, long offset) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_id", ceId(key).getBytes(StandardCharsets.UTF_8));
        headers.add("ce_type", type.getBytes(StandardCharsets.UTF_8));
        headers.add("ce_source", "/accord/tests".getBytes(StandardCharsets.UTF_8));
        headers.add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
        return new ConsumerRecord<>(PARTITION.topic(), PARTITION.partition(), offset, System.currentTimeMillis(),
                TimestampType.CREATE_TIME, -1, value.length(), key.toString(), value, headers, Optional.empty());
    }
}
